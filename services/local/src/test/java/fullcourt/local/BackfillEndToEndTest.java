package fullcourt.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fullcourt.coordinator.TaskKey;
import fullcourt.coordinator.TaskStatus;
import fullcourt.coordinator.dispatch.TaskRecord;
import fullcourt.engine.testing.PubSubEmulatorResource;
import fullcourt.engine.transport.PubSubRuntime;
import fullcourt.local.pipeline.Faults;
import fullcourt.messages.BackfillRequest;
import fullcourt.messages.DateWork;
import fullcourt.messages.MessageCodec;
import fullcourt.messages.RunEvent;
import fullcourt.messages.RunEventType;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The whole engine on the real Pub/Sub emulator and DuckDB, with the three-phase test pipeline
 * alpha (phase 3) -> beta (phase 4, needs alpha of D, D-1, D-2) -> gamma (phase 5, needs beta of D).
 * Each test uses its own dates, so runs never share a (processor, date).
 */
@QuarkusTest
@QuarkusTestResource(PubSubEmulatorResource.class)
class BackfillEndToEndTest extends PipelineTest {

    @Inject
    PubSubRuntime runtime;

    /**
     * Phase 3 and its downstream over the range; upstream dates outside it (beta reads alpha of the two dates
     * before) are left missing, not pulled into the run, so each test's tasks are exactly its range's.
     */
    private static BackfillRequest phase3(String id, LocalDate from, LocalDate to) {
        return BackfillRequest.forRange(id, from, to).withPhases(List.of(3))
                .withUpstreams(BackfillRequest.Upstreams.ALLOW);
    }

    @Test
    void sixtyDatesCompleteWithEveryTaskOnceAndNoDownstreamBeforeItsUpstreams() {
        LocalDate from = LocalDate.of(2022, 1, 1);
        LocalDate to = LocalDate.of(2022, 3, 1); // 31 + 28 + 1 = 60 dates
        driver.publishRequest(phase3("e2e-sixty", from, to));
        driver.awaitFinished("e2e-sixty", Duration.ofSeconds(180));

        Map<TaskKey, TaskStatus> statuses = driver.statuses("e2e-sixty");
        assertThat(statuses).hasSize(60 * 3);
        assertThat(statuses.values()).containsOnly(TaskStatus.SUCCEEDED);

        Map<TaskKey, List<Instant>> succeeded = driver.eventTimes("e2e-sixty", "SUCCEEDED");
        Map<TaskKey, List<Instant>> started = driver.eventTimes("e2e-sixty", "STARTED");
        assertThat(succeeded).hasSize(180);
        succeeded.forEach((task, times) -> assertThat(times).as("SUCCEEDED rows of %s", task).hasSize(1));

        for (LocalDate d : PipelineDriver.dates(from, to)) {
            Instant betaStart = started.get(new TaskKey("beta", d)).get(0);
            for (int back = 0; back <= 2; back++) {
                LocalDate upDate = d.minusDays(back);
                if (!upDate.isBefore(from)) {
                    assertThat(betaStart).as("beta %s starts after alpha %s succeeded", d, upDate)
                            .isAfterOrEqualTo(succeeded.get(new TaskKey("alpha", upDate)).get(0));
                }
            }
            assertThat(started.get(new TaskKey("gamma", d)).get(0)).as("gamma %s after beta", d)
                    .isAfterOrEqualTo(succeeded.get(new TaskKey("beta", d)).get(0));
        }

        // beta of Jan 3 sees alpha of Jan 1..3: 3 dates x 3 rows, n summing 0+1+2 per date
        Map<String, Object> beta = driver.rows("SELECT window_rows, window_sum FROM precompute.beta WHERE game_date = @d",
                Map.of("d", LocalDate.of(2022, 1, 3))).get(0);
        assertThat(((Number) beta.get("window_rows")).longValue()).isEqualTo(9);
        assertThat(((Number) beta.get("window_sum")).longValue()).isEqualTo(9);
        // beta of Jan 1 has only its own date: the two before were never produced (reported missing in the plan)
        assertThat(((Number) driver.rows("SELECT window_rows FROM precompute.beta WHERE game_date = @d",
                Map.of("d", from)).get(0).get("window_rows")).longValue()).isEqualTo(3);
    }

    @Test
    void earlyDatesFinishTheirLastPhaseBeforeSlowLateDatesFinishTheirFirst() {
        LocalDate from = LocalDate.of(2022, 6, 1);
        LocalDate to = LocalDate.of(2022, 6, 20);
        Faults.slow("alpha", Map.of(
                LocalDate.of(2022, 6, 17), Duration.ofMillis(1500), LocalDate.of(2022, 6, 18), Duration.ofMillis(1500),
                LocalDate.of(2022, 6, 19), Duration.ofMillis(1500), LocalDate.of(2022, 6, 20), Duration.ofMillis(1500)));
        driver.publishRequest(phase3("e2e-chaining", from, to));
        driver.awaitFinished("e2e-chaining", Duration.ofSeconds(120));

        Map<TaskKey, List<Instant>> succeeded = driver.eventTimes("e2e-chaining", "SUCCEEDED");
        Instant lateAlphaDone = succeeded.get(new TaskKey("alpha", to)).get(0);
        for (LocalDate d : PipelineDriver.dates(from, LocalDate.of(2022, 6, 10))) {
            assertThat(succeeded.get(new TaskKey("gamma", d)).get(0))
                    .as("gamma %s (phase 5) done before alpha %s (phase 3)", d, to)
                    .isBefore(lateAlphaDone);
        }
    }

    @Test
    void failingDatesGoDeadBlockTheirDownstreamAndReplayCompletesTheRun() {
        LocalDate from = LocalDate.of(2022, 9, 1);
        LocalDate to = LocalDate.of(2022, 9, 10);
        LocalDate bad1 = LocalDate.of(2022, 9, 4);
        LocalDate bad2 = LocalDate.of(2022, 9, 7);
        Faults.fail("beta", Set.of(bad1, bad2));
        driver.publishRequest(phase3("e2e-dead", from, to));
        driver.awaitFinished("e2e-dead", Duration.ofSeconds(120));

        Map<TaskKey, TaskStatus> statuses = driver.statuses("e2e-dead");
        for (LocalDate bad : List.of(bad1, bad2)) {
            TaskRecord dead = driver.task("e2e-dead", new TaskKey("beta", bad));
            assertThat(dead.status()).isEqualTo(TaskStatus.DEAD);
            assertThat(dead.attempts()).isEqualTo(5); // the subscription's max delivery attempts
            assertThat(dead.lastError()).contains("injected failure of beta on " + bad);
            assertThat(statuses.get(new TaskKey("gamma", bad))).isEqualTo(TaskStatus.BLOCKED);
        }
        long succeeded = statuses.values().stream().filter(s -> s == TaskStatus.SUCCEEDED).count();
        assertThat(succeeded).isEqualTo(30 - 4);

        Faults.clear();
        int replayed = coordinator.replay("e2e-dead", Set.of(), Set.of());
        assertThat(replayed).isEqualTo(2);
        await().atMost(Duration.ofSeconds(60)).until(() -> driver.finished("e2e-dead")
                && driver.statuses("e2e-dead").values().stream().allMatch(s -> s == TaskStatus.SUCCEEDED));
    }

    @Test
    void restartedCoordinatorResumesWithoutRerunningSucceededTasks() {
        LocalDate from = LocalDate.of(2022, 11, 1);
        LocalDate to = LocalDate.of(2022, 11, 30);
        Faults.slowEveryDate("alpha", from, to, Duration.ofMillis(150));
        driver.publishRequest(phase3("e2e-restart", from, to));
        driver.awaitSucceeded("e2e-restart", 15);

        coordinator.stop();
        coordinator.start();
        driver.awaitFinished("e2e-restart", Duration.ofSeconds(120));

        assertThat(driver.statuses("e2e-restart").values()).hasSize(90).containsOnly(TaskStatus.SUCCEEDED);
        driver.eventTimes("e2e-restart", "STARTED")
                .forEach((task, times) -> assertThat(times).as("%s started once", task).hasSize(1));
        driver.eventTimes("e2e-restart", "DISPATCHED")
                .forEach((task, times) -> assertThat(times).as("%s dispatched once", task).hasSize(1));
    }

    @Test
    void duplicateDeliveryLeavesOnePartitionAndAConsistentLedger() {
        LocalDate from = LocalDate.of(2023, 1, 1);
        LocalDate to = LocalDate.of(2023, 1, 3);
        driver.publishRequest(phase3("e2e-dup", from, to));
        driver.awaitFinished("e2e-dup", Duration.ofSeconds(60));
        LocalDate d = LocalDate.of(2023, 1, 2);
        List<Map<String, Object>> before = driver.rows("SELECT game_date, n FROM analytics.alpha WHERE game_date = @d ORDER BY n",
                Map.of("d", d));

        // the coordinator's own dispatch delivered twice more (signed as it signs, under the local key)
        DateWork again = fullcourt.messages.DispatchToken.withKey(fullcourt.engine.trust.DispatchTokens.LOCAL_KEY)
                .signed(DateWork.of("e2e-dup", "alpha/" + d, "alpha", d, 1));
        double finishedBefore = driver.rejected("task-event", "finished");
        driver.publishWork(3, MessageCodec.encode(again), again.attributes());
        driver.publishWork(3, MessageCodec.encode(again), again.attributes());
        // each rerun reports its SUCCEEDED (and a STARTED first if it outlived started-after) for a task already
        // finished: counted, not written
        await().atMost(Duration.ofSeconds(30)).until(() -> driver.rejected("task-event", "finished") >= finishedBefore + 2);
        assertThat(driver.eventTimes("e2e-dup", "SUCCEEDED").get(new TaskKey("alpha", d))).hasSize(1);

        assertThat(driver.rows("SELECT game_date, n FROM analytics.alpha WHERE game_date = @d ORDER BY n",
                Map.of("d", d))).isEqualTo(before).hasSize(3);
        Map<TaskKey, TaskStatus> statuses = driver.statuses("e2e-dup");
        assertThat(statuses).hasSize(9);
        assertThat(statuses.values()).containsOnly(TaskStatus.SUCCEEDED);
        assertThat(((Number) driver.rows("SELECT COUNT(*) AS n FROM ops.task_events WHERE run_id = @r AND event = 'RUN_FINISHED'",
                Map.of("r", "e2e-dup")).get(0).get("n")).longValue()).isEqualTo(1);
    }

    @Test
    void malformedRequestsAreEachRejectedWithTheirReasonAndTheCoordinatorKeepsServing() {
        Map<String, String> bad = new java.util.LinkedHashMap<>();
        bad.put("not json", "body: not JSON");
        bad.put("{\"schemaVersion\":1,\"requestId\":\"bad-unknown\",\"processors\":[\"zeta\"],\"from\":\"2022-01-01\",\"to\":\"2022-01-02\"}",
                "zeta");
        bad.put("{\"schemaVersion\":1,\"requestId\":\"bad-order\",\"phases\":[3],\"from\":\"2022-02-01\",\"to\":\"2022-01-01\"}",
                "before from");
        bad.put("{\"schemaVersion\":1,\"requestId\":\"bad-range\",\"phases\":[3],\"from\":\"2015-01-01\",\"to\":\"2022-01-01\"}",
                "exceeds the limit of 400");
        bad.put("{\"schemaVersion\":1,\"requestId\":\"\",\"phases\":[3],\"from\":\"2022-01-01\",\"to\":\"2022-01-02\"}",
                "requestId: expected");
        bad.put("{\"schemaVersion\":1,\"requestId\":\"bad-relative\",\"phases\":[3],\"from\":\"tomorrow\",\"to\":\"today\"}",
                "or today, yesterday, today-N");
        bad.put("{\"requestId\":\"bad-version\",\"phases\":[3],\"from\":\"2022-01-01\",\"to\":\"2022-01-02\"}",
                "schemaVersion");
        bad.put("{\"schemaVersion\":1,\"requestId\":\"bad-type\",\"phases\":[3],\"from\":\"2022-01-01\",\"to\":\"2022-01-02\",\"cascade\":\"yes\"}",
                "cascade");
        bad.put("{\"schemaVersion\":1,\"requestId\":\"bad-date\",\"phases\":[3],\"from\":\"2022-13-45\",\"to\":\"2022-01-02\"}",
                "from");
        bad.put("{\"schemaVersion\":1,\"requestId\":\"bad-phase\",\"phases\":[9],\"from\":\"2022-01-01\",\"to\":\"2022-01-02\"}",
                "phases[0]");
        StringBuilder manyDates = new StringBuilder();
        LocalDate d0 = LocalDate.of(2000, 1, 1);
        for (int i = 0; i < 2500; i++) {
            manyDates.append(i == 0 ? "" : ",").append('"').append(d0.plusDays(i)).append('"');
        }
        bad.put("{\"schemaVersion\":1,\"requestId\":\"bad-list\",\"phases\":[3],\"dates\":[" + manyDates + "]}",
                "exceed");
        bad.put("{\"schemaVersion\":1,\"requestId\":\"bad-scope\",\"from\":\"2022-01-01\",\"to\":\"2022-01-02\"}",
                "scope");
        bad.put("{\"schemaVersion\":1,\"requestId\":\"bad-inject\",\"processors\":[\"alpha; DROP TABLE ops.task_events\"],\"from\":\"2022-01-01\",\"to\":\"2022-01-02\"}",
                "not a processor name");

        try (RunEventsProbe probe = new RunEventsProbe(runtime)) {
            bad.keySet().forEach(body -> driver.publishRaw(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            await().atMost(Duration.ofSeconds(30)).until(() -> probe.events().stream()
                    .filter(e -> e.type() == RunEventType.REJECTED).count() == bad.size());
            List<RunEvent> rejected = probe.events().stream().filter(e -> e.type() == RunEventType.REJECTED).toList();
            for (String expected : bad.values()) {
                assertThat(rejected).as("a rejection mentioning '%s'", expected)
                        .anySatisfy(e -> assertThat(String.join("; ", e.reasons())).contains(expected));
            }
            assertThat(rejected).allSatisfy(e -> assertThat(driver.ledgerRows(e.runId())).isZero());

            driver.publishRequest(phase3("after-bad", LocalDate.of(2023, 3, 1), LocalDate.of(2023, 3, 2)));
            driver.awaitFinished("after-bad", Duration.ofSeconds(60));
            await().atMost(Duration.ofSeconds(10)).until(() -> probe.forRun("after-bad").stream()
                    .anyMatch(e -> e.type() == RunEventType.COMPLETED));
        }
    }

    @Test
    void dryRunAnswersWithThePlanAndDispatchesNothing() {
        try (RunEventsProbe probe = new RunEventsProbe(runtime)) {
            driver.publishRequest(phase3("e2e-dry", LocalDate.of(2023, 5, 1), LocalDate.of(2023, 5, 5)).withDryRun(true));
            await().atMost(Duration.ofSeconds(30)).until(() -> !probe.forRun("e2e-dry").isEmpty());
            RunEvent answer = probe.forRun("e2e-dry").get(0);
            assertThat(answer.type()).isEqualTo(RunEventType.ACCEPTED);
            // 3 processors x 5 dates; beta of May 1 and 2 need alpha of Apr 29..30, never produced
            assertThat(answer.plan()).contains("DRY RUN", "15 tasks", "alpha: 5", "beta: 5", "gamma: 5",
                    "beta/2023-05-01 needs alpha/2023-04-29");
        }
        assertThat(driver.ledgerRows("e2e-dry")).isZero();
        boolean planned = coordinator.read(s -> s.run("e2e-dry").isPresent());
        assertThat(planned).isFalse();
    }

    @Test
    void cancelStopsDispatchingWhileTasksInFlightFinish() {
        LocalDate from = LocalDate.of(2023, 7, 1);
        LocalDate to = LocalDate.of(2023, 7, 20);
        // alpha runs Jul 1 and 2, then holds Jul 3 onwards in flight until released
        Faults.hold("alpha", new java.util.HashSet<>(PipelineDriver.dates(from.plusDays(2), to)));
        try (RunEventsProbe probe = new RunEventsProbe(runtime)) {
            driver.publishRequest(phase3("e2e-cancel", from, to));
            driver.awaitSucceeded("e2e-cancel", 2);
            await().atMost(Duration.ofSeconds(30)).until(() -> driver.statuses("e2e-cancel")
                    .get(new TaskKey("alpha", from.plusDays(2))) == TaskStatus.RUNNING);
            io.restassured.RestAssured.given().header("X-Fullcourt-Client", "test").contentType("application/json")
                    .body("{}").post("/runs/e2e-cancel/cancel").then().statusCode(200);
            Faults.release();
            driver.awaitFinished("e2e-cancel", Duration.ofSeconds(60));

            io.restassured.RestAssured.given().get("/runs/e2e-cancel").then().statusCode(200)
                    .body("state", org.hamcrest.Matchers.equalTo("CANCELLED"))
                    .body("totals.RUNNING", org.hamcrest.Matchers.equalTo(0))
                    .body("totals.DISPATCHED", org.hamcrest.Matchers.equalTo(0));
            Map<TaskKey, TaskStatus> statuses = driver.statuses("e2e-cancel");
            long cancelled = statuses.values().stream().filter(st -> st == TaskStatus.CANCELLED).count();
            // alpha of Jul 3..6 held the processor's 4 slots: Jul 7..20 were never dispatched
            assertThat(cancelled).isGreaterThanOrEqualTo(14);
            assertThat(statuses.get(new TaskKey("alpha", to))).isEqualTo(TaskStatus.CANCELLED);
            // every task that was dispatched ran to its end; nothing was dispatched after the cancel
            assertThat(driver.eventTimes("e2e-cancel", "DISPATCHED").keySet())
                    .isEqualTo(driver.eventTimes("e2e-cancel", "SUCCEEDED").keySet());
            assertThat(cancelled + driver.eventTimes("e2e-cancel", "SUCCEEDED").size()).isEqualTo(60);
            await().atMost(Duration.ofSeconds(10)).until(() -> probe.forRun("e2e-cancel").stream()
                    .anyMatch(e -> e.type() == RunEventType.CANCELLED));
        }
        io.restassured.RestAssured.given().get("/runs/no-such-run").then().statusCode(404);
    }
}
