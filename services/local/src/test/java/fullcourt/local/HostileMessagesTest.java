package fullcourt.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fullcourt.coordinator.TaskKey;
import fullcourt.coordinator.TaskStatus;
import fullcourt.coordinator.metrics.CoordinatorMetrics;
import fullcourt.engine.testing.PubSubEmulatorResource;
import fullcourt.engine.transport.PubSubRuntime;
import fullcourt.engine.trust.DispatchTokens;
import fullcourt.engine.worker.WorkerMetrics;
import fullcourt.local.pipeline.Faults;
import fullcourt.messages.BackfillRequest;
import fullcourt.messages.DateWork;
import fullcourt.messages.DispatchToken;
import fullcourt.messages.MessageCodec;
import fullcourt.messages.RunEvent;
import fullcourt.messages.RunEventType;
import fullcourt.messages.TaskEvent;
import fullcourt.messages.Topics;
import io.micrometer.core.instrument.Counter;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's probe of forged and broken messages, on the emulator with every service running: each message is
 * published where an attacker or a broken client would publish it, and each is harmless: the ledger unchanged, no
 * partition written, its reason counted, the coordinator still serving, and a real run completing afterwards.
 * Waits are on what can be observed (counters, ledger rows, task states), each bounded.
 */
@QuarkusTest
@TestProfile(HostileProfile.class)
@QuarkusTestResource(PubSubEmulatorResource.class)
class HostileMessagesTest extends PipelineTest {

    private static final Duration BOUND = Duration.ofSeconds(30);
    /** What the coordinator signs with in tests (no fullcourt.dispatch.key): known here, so forgeries can be signed. */
    private static final DispatchToken LOCAL = DispatchToken.withKey(DispatchTokens.LOCAL_KEY);

    @Inject
    PubSubRuntime runtime;

    @Test
    void forgedAndBrokenTaskEventsAndDeadLettersChangeNothing() {
        // alpha -> beta -> gamma over May 1..3; alpha of May 2 held running: beta and gamma of May 2 and 3 wait
        String run = "hostile-run";
        LocalDate may1 = LocalDate.of(2024, 5, 1);
        LocalDate may2 = may1.plusDays(1);
        LocalDate may3 = may1.plusDays(2);
        Faults.hold("alpha", Set.of(may2));
        driver.publishRequest(BackfillRequest.forRange(run, may1, may3).withPhases(List.of(3))
                .withUpstreams(BackfillRequest.Upstreams.ALLOW));
        await().atMost(BOUND).until(() -> coordinator.read(s -> s.run(run).map(r ->
                r.task(new TaskKey("alpha", may2)).status() == TaskStatus.RUNNING
                        && r.counts().get(TaskStatus.SUCCEEDED) == 4).orElse(false)));
        // the ledger lags the state (rows are written on their own thread, a DISPATCHED row once Pub/Sub confirmed
        // the DateWork): count only once it holds what the state says, five dispatched and started, four succeeded
        await().atMost(BOUND).until(() -> eventCounts(run).equals(Map.of("DISPATCHED", 5L, "STARTED", 5L,
                "SUCCEEDED", 4L)));
        long rowsBefore = driver.ledgerRows(run);
        Map<TaskKey, TaskStatus> statusesBefore = driver.statuses(run);
        int limitBefore = coordinator.adaptiveLimit().limit();
        DateWork running = DateWork.of(run, "alpha/" + may2, "alpha", may2, 1);

        // an empty processor: refused by decoding (it once made the ledger unfoldable)
        expectRejected("task-event", "invalid", 1, () -> publishEvent(eventJson(run, "", may2.toString(), 1)));
        // year 10000 (it once failed the ledger batch, and every event batched with it, again and again)
        expectRejected("task-event", "invalid", 1, () -> publishEvent(eventJson(run, "alpha", "+10000-01-01", 1)));
        // control characters and a newline in the run id
        expectRejected("task-event", "invalid", 1,
                () -> publishEvent(eventJson(run + "\\nINFO forged line\\u0007", "alpha", may2.toString(), 1)));
        // a forged SUCCEEDED for the running task, its dispatch number right: no token
        expectRejected("task-event", "no-token", 1,
                () -> publish(Topics.DEFAULT.taskEvents(), TaskEvent.succeeded(running, 1, Instant.now(), 1, 1, "v")));
        // the same signed with a retired key (a leaked one, rotated out): refused for its key
        DateWork retired = DispatchToken.withKey("retired-dispatch-key-".repeat(2)).signed(running);
        expectRejected("task-event", "unknown-key", 1,
                () -> publish(Topics.DEFAULT.taskEvents(), TaskEvent.succeeded(retired, 1, Instant.now(), 1, 1, "v")));
        // signed under the current key's id with a wrong MAC
        DateWork badMac = running.withToken(LOCAL.currentKeyId() + ".AAAA");
        expectRejected("task-event", "bad-token", 1,
                () -> publish(Topics.DEFAULT.taskEvents(), TaskEvent.succeeded(badMac, 1, Instant.now(), 1, 1, "v")));
        // five forged QUOTA failures: no token, so the in-flight limit stays
        expectRejected("task-event", "no-token", 5, () -> IntStream.range(0, 5).forEach(i -> publish(
                Topics.DEFAULT.taskEvents(), TaskEvent.attemptFailed(running, 1, Instant.now(), "429", true, 1, "v",
                        TaskEvent.QUOTA))));
        // signed, so past the token: the state decides
        // a task never dispatched (beta of May 2 waits for the held alpha)
        DateWork neverSent = LOCAL.signed(DateWork.of(run, "beta/" + may2, "beta", may2, 1));
        expectRejected("task-event", "never-dispatched", 1,
                () -> publish(Topics.DEFAULT.taskEvents(), TaskEvent.succeeded(neverSent, 1, Instant.now(), 1, 1, "v")));
        // a dispatch number never issued
        DateWork seventh = LOCAL.signed(DateWork.of(run, "alpha/" + may2, "alpha", may2, 7));
        expectRejected("task-event", "wrong-dispatch", 1,
                () -> publish(Topics.DEFAULT.taskEvents(), TaskEvent.succeeded(seventh, 1, Instant.now(), 1, 1, "v")));
        // a date outside the run
        DateWork outside = LOCAL.signed(DateWork.of(run, "alpha/2024-06-30", "alpha", LocalDate.of(2024, 6, 30), 1));
        expectRejected("task-event", "not-in-run", 1,
                () -> publish(Topics.DEFAULT.taskEvents(), TaskEvent.succeeded(outside, 1, Instant.now(), 1, 1, "v")));
        // a dead letter for a finished task, even signed
        DateWork finished = LOCAL.signed(DateWork.of(run, "alpha/" + may1, "alpha", may1, 1));
        expectRejected("dead-letter", "finished", 1,
                () -> publish(Topics.DEFAULT.workDeadLetter(3), finished));
        // a forged dead letter for the running task
        expectRejected("dead-letter", "no-token", 1, () -> publish(Topics.DEFAULT.workDeadLetter(3), running));
        // an event of a run nobody dispatched
        DateWork ghost = DateWork.of("ghost-run", "alpha/" + may2, "alpha", may2, 1);
        expectRejected("task-event", "no-token", 1,
                () -> publish(Topics.DEFAULT.taskEvents(), TaskEvent.started(ghost, 1, Instant.now(), "v")));

        assertThat(driver.ledgerRows(run)).as("ledger rows of the run").isEqualTo(rowsBefore);
        assertThat(driver.statuses(run)).isEqualTo(statusesBefore);
        assertThat(coordinator.adaptiveLimit().limit()).as("in-flight limit").isEqualTo(limitBefore);
        assertThat(partitions("precompute.beta", may2)).as("beta of May 2 never ran").isZero();
        assertThat(coordinator.running()).isTrue();

        Faults.release();
        driver.awaitFinished(run, Duration.ofSeconds(60));
        assertThat(driver.statuses(run).values()).containsOnly(TaskStatus.SUCCEEDED);
    }

    @Test
    void workNoCoordinatorDispatchedOrOfAnotherPhaseNeverRuns() {
        LocalDate june1 = LocalDate.of(2024, 6, 1);
        LocalDate june2 = june1.plusDays(1);
        // DateWork for a run that does not exist, unsigned: refused, never run, and its dead letter dropped
        DateWork unknownRun = DateWork.of("no-such-run", "alpha/" + june1, "alpha", june1, 1);
        double deadLettersBefore = driver.rejected("dead-letter", "no-token");
        expectRefusedByWorker("no-token", () -> driver.publishWork(3, MessageCodec.encode(unknownRun),
                unknownRun.attributes()));
        await().atMost(BOUND).until(() -> driver.rejected("dead-letter", "no-token") >= deadLettersBefore + 1);
        // phase-5 work (gamma) on the phase-3 topic, signed as the coordinator signs: the phase decides first
        DateWork crossPhase = LOCAL.signed(DateWork.of("no-such-run", "gamma/" + june2, "gamma", june2, 1));
        expectRefusedByWorker("wrong-phase", () -> driver.publishWork(3, MessageCodec.encode(crossPhase),
                crossPhase.attributes()));

        assertThat(partitions("analytics.alpha", june1)).isZero();
        assertThat(partitions("predictions.gamma", june2)).isZero();
        assertThat(driver.ledgerRows("no-such-run")).isZero();
        realRunCompletes("hostile-after-work", LocalDate.of(2024, 6, 10));
    }

    @Test
    void requestsThatCannotBeRecordedOrCarryHostileValuesAreRejectedWithBoundedReasons() {
        try (RunEventsProbe events = new RunEventsProbe(runtime)) {
            // fits the codec as sent; written out with its defaults (cascade, mode, policy...) it outgrows 64 KiB
            // (cascade, dryRun, mode, policy and upstreams add 82 bytes)
            String head = "{\"schemaVersion\":1,\"requestId\":\"hostile-big\",\"phases\":[3],\"dates\":[\"2024-07-01\"],"
                    + "\"labels\":{\"pad\":\"";
            String big = head + "x".repeat(MessageCodec.MAX_BYTES - 10 - head.length() - 3) + "\"}}";
            assertThat(big.length()).isEqualTo(MessageCodec.MAX_BYTES - 10);
            driver.publishRaw(big.getBytes(StandardCharsets.UTF_8));
            // 5,000 bad dates (20 KB): the rejection lists the first 50 and counts the rest, so it still fits a message
            String manyDates = IntStream.range(0, 5_000).mapToObj(i -> "\"x\"")
                    .collect(Collectors.joining(",", "[", "]"));
            driver.publishRaw(("{\"schemaVersion\":1,\"requestId\":\"hostile-dates\",\"phases\":[3],\"dates\":"
                    + manyDates + "}").getBytes(StandardCharsets.UTF_8));
            // a newline in the request id, years outside 1946..2100, a path segment as id
            driver.publishRaw(("{\"schemaVersion\":1,\"requestId\":\"a\\nINFO forged\",\"phases\":[3],"
                    + "\"dates\":[\"2024-07-03\"]}").getBytes(StandardCharsets.UTF_8));
            driver.publishRaw(("{\"schemaVersion\":1,\"requestId\":\"hostile-old\",\"phases\":[3],"
                    + "\"from\":\"1900-01-01\",\"to\":\"1900-01-02\"}").getBytes(StandardCharsets.UTF_8));
            driver.publishRaw(("{\"schemaVersion\":1,\"requestId\":\"..\",\"phases\":[3],\"dates\":[\"2024-07-02\"]}")
                    .getBytes(StandardCharsets.UTF_8));

            // five rejections; the one of the dates is named after its message (its id could not be read)
            await().atMost(BOUND).until(() -> events.events().stream()
                    .filter(e -> e.type() == RunEventType.REJECTED).count() >= 5);
            assertThat(rejection(events, "hostile-big").reasons())
                    .anySatisfy(r -> assertThat(r).startsWith("request: once resolved, BackfillRequest: ")
                            .contains("exceeds the 65536-byte limit"));
            assertThat(events.events()).filteredOn(e -> e.reasons().size() == RunEvent.MAX_REASONS + 1)
                    .singleElement().satisfies(e -> {
                        assertThat(e.runId()).startsWith("rejected-");
                        assertThat(e.reasons().get(0)).startsWith("dates[0]: expected a date like 2022-01-31");
                        assertThat(e.reasons().get(RunEvent.MAX_REASONS)).isEqualTo("... and 4950 more");
                    });
            List<String> all = events.events().stream().flatMap(e -> e.reasons().stream()).toList();
            assertThat(all).anySatisfy(r -> assertThat(r).contains("requestId: expected").contains("\\n"))
                    .anySatisfy(r -> assertThat(r).isEqualTo("from: expected a date in 1946-01-01..2100-12-31, got"
                            + " 1900-01-01"))
                    .anySatisfy(r -> assertThat(r).contains("not . or .., got \"..\""))
                    .allSatisfy(r -> assertThat(r).doesNotContain("\n"));
        }
        boolean accepted = coordinator.read(s -> s.run("hostile-big").isPresent());
        assertThat(accepted).isFalse();
        realRunCompletes("hostile-after-requests", LocalDate.of(2024, 7, 10));
    }

    @Test
    void aMessageOverFourMebibytesIsDeliveredAndRefusedBySize() {
        byte[] huge = new byte[5 * 1024 * 1024];
        Arrays.fill(huge, (byte) 'x');
        expectRejected("task-event", "invalid", 1, () -> driver.publishTo(Topics.DEFAULT.taskEvents(), huge, Map.of()));
        realRunCompletes("hostile-after-huge", LocalDate.of(2024, 8, 10));
    }

    @Test
    void aLedgerRowItsFoldRejectsIsQuarantinedAndTheCoordinatorStarts() {
        double quarantinedBefore = count(CoordinatorMetrics.QUARANTINED, Map.of());
        coordinator.stop();
        long seq = ((Number) driver.rows("SELECT COALESCE(MAX(seq), 0) AS m FROM ops.task_events", Map.of()).get(0)
                .get("m")).longValue() + 1;
        // the row issue 14 found: a TaskEvent with "processor": "" written by an older build, past every check
        warehouse.update("INSERT INTO ops.task_events (seq, run_id, task_id, processor, task_date, event, event_at,"
                + " recorded_at) VALUES (@seq, 'hostile-ledger', '/2024-09-01', '', DATE '2024-09-01', 'SUCCEEDED',"
                + " TIMESTAMP '2024-09-01 00:00:00', TIMESTAMP '2024-09-01 00:00:00')", Map.of("seq", seq));

        coordinator.start();

        assertThat(coordinator.running()).isTrue();
        assertThat(count(CoordinatorMetrics.QUARANTINED, Map.of())).isEqualTo(quarantinedBefore + 1);
        realRunCompletes("hostile-after-ledger", LocalDate.of(2024, 9, 10));
    }

    @Test
    void aCancelRecordsWhoAskedAsOneSafeLine() {
        String run = "hostile-cancel";
        LocalDate oct1 = LocalDate.of(2024, 10, 1);
        Faults.hold("alpha", Set.of(oct1));
        requestPhase3(run, oct1);
        await().atMost(BOUND).until(() -> coordinator.read(s -> s.run(run).map(r ->
                r.task(new TaskKey("alpha", oct1)).status() == TaskStatus.RUNNING).orElse(false)));

        coordinator.cancel(run, "ops@example.com\nINFO forged");

        assertThat(driver.rows("SELECT detail FROM ops.task_events WHERE run_id = @r AND event = 'CANCEL_REQUESTED'",
                Map.of("r", run))).extracting(r -> r.get("detail"))
                .containsExactly("requested by ops@example.com\\nINFO forged");
        Faults.release();
        driver.awaitFinished(run, Duration.ofSeconds(60));
    }

    @Test
    void aReplayRecordsWhoAskedAsOneSafeLine() {
        String run = "hostile-replay";
        TaskKey dead = new TaskKey("alpha", LocalDate.of(2024, 10, 2));
        Faults.fail(dead.processor(), Set.of(dead.date()));
        requestPhase3(run, dead.date());
        driver.awaitFinished(run, Duration.ofSeconds(60));
        assertThat(driver.statuses(run)).containsEntry(dead, TaskStatus.DEAD);
        Faults.clear();

        int replayed = coordinator.replay(run, Set.of(), Set.of(), "ops@example.com\nINFO forged");

        assertThat(replayed).isEqualTo(1);
        assertThat(driver.rows("SELECT task_id, detail FROM ops.task_events WHERE run_id = @r AND event = 'REPLAYED'",
                Map.of("r", run))).extracting(r -> r.get("task_id") + " " + r.get("detail"))
                .containsExactly(dead.taskId() + " requested by ops@example.com\\nINFO forged");
        driver.awaitSucceeded(run, 1);
    }

    // ---- helpers ----

    /** A run of phase 3 (alpha -> beta -> gamma) on one date, its upstreams outside the run allowed. */
    private void requestPhase3(String run, LocalDate date) {
        driver.publishRequest(BackfillRequest.forDates(run, List.of(date)).withPhases(List.of(3))
                .withUpstreams(BackfillRequest.Upstreams.ALLOW));
    }

    /** Runs {@code publish}, then waits for the coordinator's rejection counter to grow by {@code by}. */
    private void expectRejected(String message, String reason, int by, Runnable publish) {
        double before = driver.rejected(message, reason);
        publish.run();
        await(message + " rejected for " + reason).atMost(BOUND)
                .until(() -> driver.rejected(message, reason) >= before + by);
    }

    private void expectRefusedByWorker(String reason, Runnable publish) {
        double before = count(WorkerMetrics.REJECTED_WORK, Map.of("reason", reason));
        publish.run();
        await("work refused for " + reason).atMost(BOUND)
                .until(() -> count(WorkerMetrics.REJECTED_WORK, Map.of("reason", reason)) >= before + 1);
    }

    private double count(String name, Map<String, String> tags) {
        var search = meters.find(name);
        for (var tag : tags.entrySet()) {
            search = search.tag(tag.getKey(), tag.getValue());
        }
        return search.counters().stream().mapToDouble(Counter::count).sum();
    }

    private void publish(String topic, Object message) {
        driver.publishTo(topic, MessageCodec.encode(message), Map.of());
    }

    private void publishEvent(String json) {
        driver.publishTo(Topics.DEFAULT.taskEvents(), json.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** A SUCCEEDED event as JSON text, any field as given (already JSON-escaped). */
    private static String eventJson(String runId, String processor, String date, int dispatch) {
        return "{\"schemaVersion\":1,\"type\":\"SUCCEEDED\",\"runId\":\"" + runId + "\",\"taskId\":\"" + processor
                + "/" + date + "\",\"processor\":\"" + processor + "\",\"date\":\"" + date + "\",\"dispatch\":"
                + dispatch + ",\"attempt\":1,\"at\":\"2024-05-02T00:00:00Z\",\"rows\":1}";
    }

    private long partitions(String table, LocalDate date) {
        return ((Number) driver.rows("SELECT COUNT(*) AS n FROM " + table + " WHERE game_date = @d", Map.of("d", date))
                .get(0).get("n")).longValue();
    }

    private static RunEvent rejection(RunEventsProbe events, String runId) {
        return events.forRun(runId).stream().filter(e -> e.type() == RunEventType.REJECTED).findFirst().orElse(null);
    }

    /** A real run of alpha alone on {@code date} completes: the coordinator and the workers still serve. */
    private void realRunCompletes(String run, LocalDate date) {
        driver.publishRequest(BackfillRequest.forDates(run, List.of(date)).withProcessors(List.of("alpha"))
                .withCascade(false));
        driver.awaitFinished(run, Duration.ofSeconds(60));
        assertThat(driver.statuses(run).values()).containsExactly(TaskStatus.SUCCEEDED);
        assertThat(partitions("analytics.alpha", date)).isPositive();
    }

    /** The run's ledger rows per event, those of its tasks' dispatches and outcomes (not RUN_ACCEPTED, PLANNED). */
    private Map<String, Long> eventCounts(String run) {
        Map<String, Long> out = new java.util.TreeMap<>();
        for (Map<String, Object> r : driver.rows("SELECT event, COUNT(*) AS n FROM ops.task_events WHERE run_id = @run"
                + " AND event NOT IN ('RUN_ACCEPTED', 'PLANNED') GROUP BY event", Map.of("run", run))) {
            out.put((String) r.get("event"), ((Number) r.get("n")).longValue());
        }
        return out;
    }
}
