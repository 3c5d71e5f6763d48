package fullcourt.coordinator.api;

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
import io.restassured.specification.RequestSpecification;
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
 * The API's actions as a client, and as a hostile web page, sees them: what changes state needs JSON and the
 * client header; a finished run cannot be cancelled, a cancelled one not replayed; validation is bounded; a
 * repeated request id is answered at once. Each test has its own run ids and dates (the application is shared).
 */
@QuarkusTest
@QuarkusTestResource(PubSubEmulatorResource.class)
class RunActionsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    PubSubRuntime runtime;
    @Inject
    @Connector(PubSubConnector.NAME)
    PubSubConnector connector;

    private void publish(String topic, Object message) throws Exception {
        connector.publishRaw(topic, MessageCodec.encode(message), Map.of()).toCompletableFuture().get();
    }

    /** One task, a of {@code date}, dispatched and left in flight. */
    private DateWork startOneTaskRun(String runId, LocalDate date, TopicProbe phase3) throws Exception {
        publish(Topics.DEFAULT.backfillRequests(), oneTask(runId, date));
        await().atMost(WAIT).until(() -> phase3.decoded(DateWork.class).stream().anyMatch(w -> w.runId().equals(runId)));
        return phase3.decoded(DateWork.class).stream().filter(w -> w.runId().equals(runId)).findFirst().orElseThrow();
    }

    private static BackfillRequest oneTask(String runId, LocalDate date) {
        return BackfillRequest.forRange(runId, date, date).withProcessors(List.of("a")).withCascade(false);
    }

    private static String state(String runId) {
        return RestAssured.given().get("/runs/" + runId).then().statusCode(200).extract().path("state");
    }

    private void awaitState(String runId, String state) {
        await().atMost(WAIT).until(() -> state.equals(state(runId)));
    }

    private static RequestSpecification asTheCli() {
        return RestAssured.given().header(StateChangeGuard.HEADER, "cli").contentType("application/json").body("{}");
    }

    @Test
    void aStateChangingCallWithoutJsonAndTheClientHeaderIsRefusedAndChangesNothing() throws Exception {
        try (TopicProbe phase3 = new TopicProbe(runtime, Topics.DEFAULT.work(3))) {
            DateWork work = startOneTaskRun("guarded", LocalDate.of(2023, 3, 1), phase3);

            // what a page on another origin can send without a preflight: a text/plain body, no custom header
            RestAssured.given().contentType("text/plain").body("{}").post("/runs/guarded/cancel")
                    .then().statusCode(403).body("message", Matchers.containsString(StateChangeGuard.HEADER));
            RestAssured.given().contentType("application/json").body("{}").post("/runs/guarded/cancel")
                    .then().statusCode(403);
            RestAssured.given().header(StateChangeGuard.HEADER, "cli").contentType("text/plain").body("{}")
                    .post("/runs/guarded/cancel").then().statusCode(415)
                    .body("message", Matchers.containsString("text/plain"));
            RestAssured.given().header(StateChangeGuard.HEADER, "cli").contentType("text/plain").body("{}")
                    .post("/runs/guarded/replay").then().statusCode(415);
            assertThat(state("guarded")).isEqualTo("RUNNING");

            asTheCli().post("/runs/guarded/cancel").then().statusCode(200);
            assertThat(state("guarded")).isEqualTo("CANCELLING");
            publish(Topics.DEFAULT.taskEvents(), TaskEvent.succeeded(work, 1, Instant.now(), 4, 5, "v1"));
            awaitState("guarded", "CANCELLED");
        }
    }

    @Test
    void aCancelOfAFinishedRunIsRefusedWithTheReasonAndChangesNothing() throws Exception {
        try (TopicProbe phase3 = new TopicProbe(runtime, Topics.DEFAULT.work(3))) {
            DateWork work = startOneTaskRun("finished", LocalDate.of(2023, 3, 2), phase3);
            publish(Topics.DEFAULT.taskEvents(), TaskEvent.succeeded(work, 1, Instant.now(), 4, 5, "v1"));
            awaitState("finished", "COMPLETED");

            asTheCli().post("/runs/finished/cancel").then().statusCode(409)
                    .body("message", Matchers.startsWith("run finished is already COMPLETED (finished "))
                    .body("message", Matchers.endsWith("nothing left to cancel"));

            assertThat(state("finished")).isEqualTo("COMPLETED");
        }
    }

    @Test
    void aReplayOfACancelledRunIsRefusedSoItNeverStaysCancelling() throws Exception {
        try (TopicProbe phase3 = new TopicProbe(runtime, Topics.DEFAULT.work(3))) {
            DateWork work = startOneTaskRun("cancelled", LocalDate.of(2023, 3, 3), phase3);
            asTheCli().post("/runs/cancelled/cancel").then().statusCode(200);
            publish(Topics.DEFAULT.taskEvents(), TaskEvent.succeeded(work, 1, Instant.now(), 4, 5, "v1"));
            awaitState("cancelled", "CANCELLED");

            asTheCli().post("/runs/cancelled/replay").then().statusCode(409)
                    .body("message", Matchers.containsString("run cancelled is CANCELLED"));

            assertThat(state("cancelled")).isEqualTo("CANCELLED");
        }
    }

    @Test
    void aPausedRunDispatchesNothingUntilResumedAndGoesOnAsTheSameRun() throws Exception {
        try (TopicProbe phase3 = new TopicProbe(runtime, Topics.DEFAULT.work(3));
             TopicProbe phase4 = new TopicProbe(runtime, Topics.DEFAULT.work(4))) {
            // a then b of one date: a in flight when paused
            publish(Topics.DEFAULT.backfillRequests(), BackfillRequest.forRange("paused", LocalDate.of(2023, 3, 5),
                    LocalDate.of(2023, 3, 5)).withProcessors(List.of("a")));
            await().atMost(WAIT).until(() -> phase3.decoded(DateWork.class).stream()
                    .anyMatch(w -> w.runId().equals("paused")));
            DateWork a = phase3.decoded(DateWork.class).stream().filter(w -> w.runId().equals("paused")).findFirst()
                    .orElseThrow();

            asTheCli().post("/runs/paused/pause").then().statusCode(200);
            assertThat(state("paused")).isEqualTo("PAUSED");
            publish(Topics.DEFAULT.taskEvents(), TaskEvent.succeeded(a, 1, Instant.now(), 4, 5, "v1"));
            await().atMost(WAIT).until(() -> RestAssured.given().get("/runs/paused").then().extract()
                    .<Integer>path("totals.READY") == 1);
            assertThat(phase4.decoded(DateWork.class)).as("b is READY but not dispatched while paused")
                    .noneMatch(w -> w.runId().equals("paused"));

            asTheCli().post("/runs/paused/resume").then().statusCode(200);

            await().atMost(WAIT).until(() -> phase4.decoded(DateWork.class).stream()
                    .anyMatch(w -> w.runId().equals("paused")));
            assertThat(state("paused")).isEqualTo("RUNNING");
        }
    }

    @Test
    void aRepeatedRequestIdIsAnsweredAtOnceWithTheExistingRun() throws Exception {
        try (TopicProbe phase3 = new TopicProbe(runtime, Topics.DEFAULT.work(3));
             TopicProbe runEvents = new TopicProbe(runtime, Topics.DEFAULT.runEvents())) {
            startOneTaskRun("twice", LocalDate.of(2023, 3, 4), phase3);

            publish(Topics.DEFAULT.backfillRequests(), oneTask("twice", LocalDate.of(2023, 3, 4)));

            await().atMost(WAIT).until(() -> accepted(runEvents, "twice").size() == 2);
            assertThat(accepted(runEvents, "twice").get(1).plan())
                    .contains("already accepted at").contains("now RUNNING").contains("changes nothing");
            assertThat(phase3.decoded(DateWork.class).stream().filter(w -> w.runId().equals("twice")))
                    .as("planned and dispatched once").hasSize(1);
        }
    }

    private static List<RunEvent> accepted(TopicProbe runEvents, String runId) {
        return runEvents.decoded(RunEvent.class).stream()
                .filter(e -> e.type() == RunEventType.ACCEPTED && e.runId().equals(runId)).toList();
    }

    @Test
    void validationOverARangeLongerThanARequestMayCoverIsRefused() {
        // 2000-01-01 .. 2005-06-23 is 366 + 365 x 3 + 366 + 174 = 2,001 days, one more than max-range-days (2000)
        RestAssured.given().queryParam("from", "2000-01-01").queryParam("to", "2005-06-23").get("/validation")
                .then().statusCode(400)
                .body("message", Matchers.equalTo("from/to: 2000-01-01 .. 2005-06-23 covers 2001 days, more than the"
                        + " limit of 2000 (fullcourt.coordinator.max-range-days): validate it in parts"));
    }
}
