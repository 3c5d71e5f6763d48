package fullcourt.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fullcourt.engine.testing.PubSubEmulatorResource;
import fullcourt.engine.testing.TopicProbe;
import fullcourt.engine.transport.PubSubConnector;
import fullcourt.engine.transport.PubSubRuntime;
import fullcourt.messages.BackfillRequest;
import fullcourt.messages.DateWork;
import fullcourt.messages.MessageCodec;
import fullcourt.messages.RunEvent;
import fullcourt.messages.RunEventType;
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
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * The coordinator deployed alone, as in production: it talks to the phase services only through
 * Pub/Sub, so this test plays the phase services' part, reading work topics and answering with
 * TaskEvents.
 */
@QuarkusTest
@QuarkusTestResource(PubSubEmulatorResource.class)
class CoordinatorAloneTest {

    @Inject
    PubSubRuntime runtime;
    @Inject
    @Connector(PubSubConnector.NAME)
    PubSubConnector connector;

    private void publish(String topic, Object message, Map<String, String> attributes) throws Exception {
        connector.publishRaw(topic, MessageCodec.encode(message), attributes).toCompletableFuture().get();
    }

    @Test
    void dispatchesWorkPerDateAndCompletesTheRunFromTaskEvents() throws Exception {
        LocalDate d1 = LocalDate.of(2022, 1, 1);
        LocalDate d2 = LocalDate.of(2022, 1, 2);
        try (TopicProbe phase3 = new TopicProbe(runtime, Topics.DEFAULT.work(3));
             TopicProbe phase4 = new TopicProbe(runtime, Topics.DEFAULT.work(4));
             TopicProbe runEvents = new TopicProbe(runtime, Topics.DEFAULT.runEvents())) {
            publish(Topics.DEFAULT.backfillRequests(), BackfillRequest.forRange("alone", d1, d2).withPhases(List.of(3)),
                    Map.of());
            await().atMost(Duration.ofSeconds(30)).until(() -> phase3.messages().size() == 2);
            List<DateWork> work = phase3.decoded(DateWork.class);
            assertThat(work).extracting(DateWork::taskId).containsExactlyInAnyOrder("a/2022-01-01", "a/2022-01-02");
            assertThat(phase3.messages().get(0).getAttributesMap()).containsEntry("runId", "alone")
                    .containsEntry("processor", "a");
            assertThat(phase4.messages()).isEmpty(); // b waits for a of its date

            DateWork first = work.stream().filter(w -> w.date().equals(d1)).findFirst().orElseThrow();
            // a worker that did not report this attempt STARTED (it ended within started-after): the end carries it
            Instant ended = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            Instant started = ended.minusMillis(5);
            publish(Topics.DEFAULT.taskEvents(), TaskEvent.succeeded(first, 1, ended, 10, 5, "v1").withStartedAt(started),
                    Map.of());
            await().atMost(Duration.ofSeconds(30)).until(() -> phase4.messages().size() == 1);
            assertThat(phase4.decoded(DateWork.class).get(0).taskId()).isEqualTo("b/2022-01-01");
            RestAssured.given().get("/runs/alone/tasks/a/2022-01-01").then().statusCode(200)
                    .body("status", Matchers.equalTo("SUCCEEDED"))
                    .body("startedAt", Matchers.equalTo(started.toString()))
                    .body("history.type", Matchers.contains("PLANNED", "DISPATCHED", "STARTED", "SUCCEEDED"))
                    .body("attemptHistory[0].startedAt", Matchers.equalTo(started.toString()))
                    .body("attemptHistory[0].endedAt", Matchers.equalTo(ended.toString()));

            RestAssured.given().get("/runs/alone").then().statusCode(200)
                    .body("state", Matchers.equalTo("RUNNING"))
                    .body("policy", Matchers.equalTo("per-date"))
                    .body("totals.SUCCEEDED", Matchers.equalTo(1))
                    .body("totals.DISPATCHED", Matchers.equalTo(2));

            DateWork second = work.stream().filter(w -> w.date().equals(d2)).findFirst().orElseThrow();
            publish(Topics.DEFAULT.taskEvents(), TaskEvent.succeeded(second, 1, Instant.now(), 10, 5, "v1"), Map.of());
            await().atMost(Duration.ofSeconds(30)).until(() -> phase4.messages().size() == 2);
            for (DateWork b : phase4.decoded(DateWork.class)) {
                publish(Topics.DEFAULT.taskEvents(), TaskEvent.skipped(b, 1, Instant.now(), "no games", "v1"), Map.of());
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> runEvents.decoded(RunEvent.class).stream()
                    .anyMatch(e -> e.type() == RunEventType.COMPLETED && e.runId().equals("alone")));
            RunEvent done = runEvents.decoded(RunEvent.class).stream()
                    .filter(e -> e.type() == RunEventType.COMPLETED).findFirst().orElseThrow();
            assertThat(done.summary().succeeded()).isEqualTo(2);
            assertThat(done.summary().skipped()).isEqualTo(2);
        }
    }
}
