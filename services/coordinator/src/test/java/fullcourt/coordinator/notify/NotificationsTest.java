package fullcourt.coordinator.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fullcourt.engine.testing.LocalWebhook;
import fullcourt.engine.testing.WebhookResource;
import fullcourt.engine.testing.WebhookResource.InjectWebhook;
import fullcourt.engine.testing.PubSubEmulatorResource;
import fullcourt.engine.testing.TopicProbe;
import fullcourt.engine.transport.PubSubConnector;
import fullcourt.engine.transport.PubSubRuntime;
import fullcourt.engine.worker.DeadLetterAttributes;
import fullcourt.messages.BackfillRequest;
import fullcourt.messages.DateWork;
import fullcourt.messages.MessageCodec;
import fullcourt.messages.TaskEvent;
import fullcourt.messages.Topics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.junit.jupiter.api.Test;

/**
 * The coordinator's notifications reach a webhook on loopback: a finished run with its outcome, a DEAD task with its
 * error, and a webhook that hangs holds neither the loop nor the next runs. Each test has its own run ids and dates.
 */
@QuarkusTest
@QuarkusTestResource(PubSubEmulatorResource.class)
@QuarkusTestResource(value = WebhookResource.class, restrictToAnnotatedClass = true)
class NotificationsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @InjectWebhook
    LocalWebhook webhook;
    @Inject
    PubSubRuntime runtime;
    @Inject
    @Connector(PubSubConnector.NAME)
    PubSubConnector connector;

    private void publish(String topic, Object message, Map<String, String> attributes) throws Exception {
        connector.publishRaw(topic, MessageCodec.encode(message), attributes).toCompletableFuture().get();
    }

    /** A run of one task, a of {@code date}, dispatched and left in flight. */
    private DateWork startOneTaskRun(String runId, LocalDate date, TopicProbe phase3) throws Exception {
        publish(Topics.DEFAULT.backfillRequests(), BackfillRequest.forRange(runId, date, date)
                .withProcessors(List.of("a")).withCascade(false), Map.of());
        await().atMost(WAIT).until(() -> phase3.decoded(DateWork.class).stream().anyMatch(w -> w.runId().equals(runId)));
        return phase3.decoded(DateWork.class).stream().filter(w -> w.runId().equals(runId)).findFirst().orElseThrow();
    }

    private void succeed(DateWork work) throws Exception {
        publish(Topics.DEFAULT.taskEvents(), TaskEvent.succeeded(work, 1, Instant.now(), 4, 5, "v1"), Map.of());
    }

    private List<String> receivedAbout(String text) {
        return webhook.received().stream().filter(body -> body.contains(text)).toList();
    }

    private static String state(String runId) {
        return RestAssured.given().get("/runs/" + runId).then().statusCode(200).extract().path("state");
    }

    @Test
    void aFinishedRunIsAnnouncedWithItsOutcomeAndCounts() throws Exception {
        try (TopicProbe phase3 = new TopicProbe(runtime, Topics.DEFAULT.work(3))) {
            succeed(startOneTaskRun("notify-done", LocalDate.of(2023, 4, 1), phase3));

            await().atMost(WAIT).until(() -> !receivedAbout("run notify-done ").isEmpty());
            assertThat(receivedAbout("run notify-done ")).singleElement().asString()
                    .startsWith("{\"text\":\"Fullcourt run notify-done COMPLETED in ")
                    .contains("1 tasks, 1 succeeded, 0 skipped, 0 dead, 0 blocked, 0 cancelled");
        }
    }

    @Test
    void aDeadTaskIsAnnouncedWithItsErrorAndItsRunAsCompletedWithFailures() throws Exception {
        try (TopicProbe phase3 = new TopicProbe(runtime, Topics.DEFAULT.work(3))) {
            DateWork work = startOneTaskRun("notify-dead", LocalDate.of(2023, 4, 2), phase3);
            // what Pub/Sub forwards after the last delivery attempt, with the worker's error
            publish(Topics.DEFAULT.workDeadLetter(3), work, Map.of(DeadLetterAttributes.ERROR, "table analytics.a is gone",
                    "CloudPubSubDeadLetterSourceDeliveryCount", "5"));

            // the run finishes in the same turn as its last task dies: both come, in no promised order
            await().atMost(WAIT).until(() -> !receivedAbout("run notify-dead COMPLETED_WITH_FAILURES").isEmpty()
                    && !receivedAbout("of run notify-dead is DEAD").isEmpty());
            assertThat(receivedAbout("task a/2023-04-02 of run notify-dead")).singleElement().asString()
                    .contains("is DEAD after 5 attempts: table analytics.a is gone");
            assertThat(receivedAbout("run notify-dead COMPLETED_WITH_FAILURES")).singleElement().asString()
                    .contains("1 dead").contains("fullcourt replay notify-dead");
        }
    }

    @Test
    void aHangingWebhookHoldsNeitherTheLoopNorTheNextRuns() throws Exception {
        try (TopicProbe phase3 = new TopicProbe(runtime, Topics.DEFAULT.work(3))) {
            webhook.hold();
            try {
                succeed(startOneTaskRun("notify-held-1", LocalDate.of(2023, 4, 3), phase3));
                await().atMost(WAIT).until(() -> !receivedAbout("run notify-held-1 ").isEmpty());

                // the webhook has not answered the first notification, and the coordinator goes on
                succeed(startOneTaskRun("notify-held-2", LocalDate.of(2023, 4, 4), phase3));
                await().atMost(WAIT).until(() -> "COMPLETED".equals(state("notify-held-2")));
                assertThat(receivedAbout("run notify-held-2 ")).as("queued behind the hanging one").isEmpty();
            } finally {
                webhook.release();
            }
            await().atMost(WAIT).until(() -> !receivedAbout("run notify-held-2 ").isEmpty());
        }
    }
}
