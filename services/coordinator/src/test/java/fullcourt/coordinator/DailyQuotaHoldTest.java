package fullcourt.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fullcourt.coordinator.ledger.LedgerEvent;
import fullcourt.coordinator.ledger.LedgerEventType;
import fullcourt.engine.testing.PubSubEmulatorResource;
import fullcourt.engine.testing.TopicProbe;
import fullcourt.engine.transport.IncomingPubSubMetadata;
import fullcourt.engine.transport.PubSubConnector;
import fullcourt.engine.transport.PubSubRuntime;
import fullcourt.engine.worker.DeadLetterAttributes;
import fullcourt.messages.BackfillRequest;
import fullcourt.messages.DateWork;
import fullcourt.messages.MessageCodec;
import fullcourt.messages.Quota;
import fullcourt.messages.RunEvent;
import fullcourt.messages.RunEventType;
import fullcourt.messages.TaskEvent;
import fullcourt.messages.Topics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.junit.jupiter.api.Test;

/**
 * A daily quota of one table, met by one task, ends the other tasks writing that table DEAD without sending them,
 * while the tasks of another table succeed; the run's status, its finished event and a restarted coordinator name the
 * quota. This test plays the phase service: hot writes analytics.hot one task at a time, cool writes analytics.cool.
 */
@QuarkusTest
@QuarkusTestResource(PubSubEmulatorResource.class)
@TestProfile(DailyQuotaHoldTest.HotAndCool.class)
class DailyQuotaHoldTest {

    /** Two processors of phase 3 on their own tables. */
    public static class HotAndCool implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("fullcourt.catalog", "classpath:daily-quota-test-catalog.json");
        }
    }

    private static final String RUN = "daily-quota";
    private static final LocalDate D1 = LocalDate.of(2022, 3, 1);
    private static final String PARTITIONS = "Number of partition modifications to a column partitioned table";
    private static final String NAMED = "3 tasks DEAD on a daily quota: " + PARTITIONS + " (table analytics.hot) — no"
            + " refill time given (BigQuery refills daily quotas gradually through the day); replay them later with"
            + " `fullcourt replay " + RUN + "`";

    @Inject
    PubSubRuntime runtime;
    @Inject
    @Connector(PubSubConnector.NAME)
    PubSubConnector connector;
    @Inject
    Coordinator coordinator;

    private void publish(String topic, Object message, Map<String, String> attributes) throws Exception {
        connector.publishRaw(topic, MessageCodec.encode(message), attributes).toCompletableFuture().get();
    }

    private List<LedgerEventType> ledgerOf(String processor, LocalDate date) {
        return coordinator.history(RUN, new TaskKey(processor, date)).stream().map(LedgerEvent::type).toList();
    }

    private static JsonPath status() {
        return RestAssured.given().get("/runs/" + RUN).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aDailyTableQuotaEndsTheTablesOtherTasksDeadUnsentTheOtherTableSucceedsAndTheRunNamesTheQuota()
            throws Exception {
        try (TopicProbe phase3 = new TopicProbe(runtime, Topics.DEFAULT.work(3));
             TopicProbe runEvents = new TopicProbe(runtime, Topics.DEFAULT.runEvents())) {
            publish(Topics.DEFAULT.backfillRequests(), BackfillRequest.forRange(RUN, D1, D1.plusDays(2))
                    .withPhases(List.of(3)), Map.of());
            // hot of Mar 1 (one at a time), cool of Mar 1 and 2
            await().atMost(Duration.ofSeconds(30)).until(() -> phase3.messages().size() == 3);
            DateWork hot = phase3.decoded(DateWork.class).stream().filter(w -> w.processor().equals("hot"))
                    .findFirst().orElseThrow();

            // the worker: the write met the table's daily quota, not retried, dead-lettered
            Quota quota = Quota.table("analytics.hot", true, PARTITIONS);
            String error = "quotaExceeded: Quota exceeded: Your table exceeded quota for " + PARTITIONS;
            publish(Topics.DEFAULT.taskEvents(), TaskEvent.attemptFailed(hot, 1, Instant.now(), error, false, 10, "v1",
                    quota), Map.of());
            await().atMost(Duration.ofSeconds(30)).until(() -> ledgerOf("hot", D1.plusDays(2))
                    .contains(LedgerEventType.DAILY_QUOTA));
            Map<String, String> deadLetter = new HashMap<>(hot.attributes());
            deadLetter.put(IncomingPubSubMetadata.DEAD_LETTER_DELIVERY_COUNT, "1");
            deadLetter.put(DeadLetterAttributes.ERROR, error);
            publish(Topics.DEFAULT.workDeadLetter(3), hot, deadLetter);
            for (DateWork cool : phase3.decoded(DateWork.class).stream().filter(w -> w.processor().equals("cool"))
                    .toList()) {
                publish(Topics.DEFAULT.taskEvents(), TaskEvent.succeeded(cool, 1, Instant.now(), 5, 5, "v1"), Map.of());
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> phase3.messages().size() == 4);
            DateWork lastCool = phase3.decoded(DateWork.class).stream()
                    .filter(w -> w.taskId().equals("cool/2022-03-03")).findFirst().orElseThrow();
            publish(Topics.DEFAULT.taskEvents(), TaskEvent.succeeded(lastCool, 1, Instant.now(), 5, 5, "v1"), Map.of());
            await().atMost(Duration.ofSeconds(30)).until(() -> runEvents.decoded(RunEvent.class).stream()
                    .anyMatch(e -> e.type() == RunEventType.COMPLETED && e.runId().equals(RUN)));

            // hot was sent once: Mar 2 and 3 ended DEAD unsent, cool's three were all sent
            assertThat(phase3.decoded(DateWork.class)).extracting(DateWork::taskId).containsExactlyInAnyOrder(
                    "hot/2022-03-01", "cool/2022-03-01", "cool/2022-03-02", "cool/2022-03-03");
            assertThat(ledgerOf("hot", D1.plusDays(1))).containsExactly(LedgerEventType.PLANNED,
                    LedgerEventType.DAILY_QUOTA);
            RunEvent done = runEvents.decoded(RunEvent.class).stream()
                    .filter(e -> e.type() == RunEventType.COMPLETED).findFirst().orElseThrow();
            assertThat(done.summary().dead()).isEqualTo(3);
            assertThat(done.summary().succeeded()).isEqualTo(3);
            assertThat(done.summary().dailyQuotas()).containsExactly(NAMED);
        }
        assertNamesTheQuota(status());

        // a restarted coordinator folds the same from the ledger
        coordinator.stop();
        coordinator.start();
        assertNamesTheQuota(status());
    }

    private static void assertNamesTheQuota(JsonPath run) {
        assertThat(run.getString("state")).isEqualTo("COMPLETED_WITH_FAILURES");
        assertThat(run.getInt("totals.DEAD")).isEqualTo(3);
        assertThat(run.getInt("totals.SUCCEEDED")).isEqualTo(3);
        assertThat(run.getList("dailyQuotas")).hasSize(1);
        assertThat(run.getString("dailyQuotas[0].scope")).isEqualTo("TABLE");
        assertThat(run.getString("dailyQuotas[0].table")).isEqualTo("analytics.hot");
        assertThat(run.getInt("dailyQuotas[0].tasks")).isEqualTo(3);
        assertThat(run.getString("dailyQuotas[0].summary")).isEqualTo(NAMED);
        assertThat(run.getList("dead.error", String.class)).filteredOn(e -> e.startsWith("not sent: the daily table"
                + " quota of analytics.hot: " + PARTITIONS + " was met by hot/2022-03-01")).hasSize(2);
    }
}
