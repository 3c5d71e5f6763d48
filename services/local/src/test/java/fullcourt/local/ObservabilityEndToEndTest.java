package fullcourt.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import fullcourt.coordinator.Coordinator;
import fullcourt.coordinator.TaskKey;
import fullcourt.coordinator.TaskStatus;
import fullcourt.engine.testing.PubSubEmulatorResource;
import fullcourt.local.pipeline.Faults;
import fullcourt.messages.BackfillRequest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * What an operator sees of a backfill: the fullcourt_* series on /q/metrics, the health
 * endpoints, and the JSON log lines (the %test profile writes them to a file). The application
 * is shared with the other end-to-end tests, so counters are compared before and after this
 * test's run, on dates no other test uses.
 */
@QuarkusTest
@QuarkusTestResource(PubSubEmulatorResource.class)
class ObservabilityEndToEndTest extends PipelineTest {

    private static final LocalDate D1 = LocalDate.of(2024, 3, 1);
    private static final LocalDate D2 = LocalDate.of(2024, 3, 2);
    private static final String RUN = "observed";

    @Test
    void metricsFollowATinyBackfillAndHealthIsUp() {
        PrometheusScrape before = PrometheusScrape.now();
        // alpha (3) -> beta (4) -> gamma (5) over 2 dates: 6 tasks (beta's window before Mar 1 left missing, not
        // pulled in); gamma of Mar 2 held in flight
        Faults.hold("gamma", Set.of(D2));
        driver.publishRequest(BackfillRequest.forRange(RUN, D1, D2).withPhases(List.of(3))
                .withUpstreams(BackfillRequest.Upstreams.ALLOW));
        await().atMost(Duration.ofSeconds(60)).until(() -> coordinator.read(s -> s.run(RUN)
                .map(r -> r.task(new TaskKey("gamma", D2)).status() == TaskStatus.RUNNING
                        && r.counts().get(TaskStatus.SUCCEEDED) == 5).orElse(false)));

        // while held: the run's 5 successes and its 1 running task; nothing else is active
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            PrometheusScrape held = PrometheusScrape.now();
            assertThat(held.value("fullcourt_coordinator_tasks", "status", "SUCCEEDED", "phase", "3")).isEqualTo(2);
            assertThat(held.value("fullcourt_coordinator_tasks", "status", "SUCCEEDED", "phase", "4")).isEqualTo(2);
            assertThat(held.value("fullcourt_coordinator_tasks", "status", "SUCCEEDED", "phase", "5")).isEqualTo(1);
            assertThat(held.value("fullcourt_coordinator_tasks", "status", "RUNNING", "phase", "5")).isEqualTo(1);
            assertThat(held.value("fullcourt_coordinator_tasks_in_flight")).isEqualTo(1);
            assertThat(held.value("fullcourt_coordinator_runs", "state", "active")).isEqualTo(1);
            assertThat(held.value("fullcourt_worker_tasks_in_flight")).isEqualTo(1);
        });
        Faults.release();
        driver.awaitFinished(RUN, Duration.ofSeconds(60));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            PrometheusScrape after = PrometheusScrape.now();
            assertThat(after.value("fullcourt_coordinator_tasks_in_flight")).isZero();
            assertThat(after.value("fullcourt_worker_tasks_in_flight")).isZero();
            assertThat(after.value("fullcourt_coordinator_runs", "state", "active")).isZero();
            assertThat(delta(before, after, "fullcourt_coordinator_runs", "state", "completed")).isEqualTo(1);
        });
        PrometheusScrape after = PrometheusScrape.now();
        for (String processor : List.of("alpha", "beta", "gamma")) {
            // one success per date: 2 each
            assertThat(delta(before, after, "fullcourt_task_duration_seconds_count", "processor", processor,
                    "outcome", "succeeded")).as("%s succeeded", processor).isEqualTo(2);
            assertThat(delta(before, after, "fullcourt_coordinator_dispatches_total", "processor", processor))
                    .as("%s dispatched", processor).isEqualTo(2);
        }
        assertThat(after.value("fullcourt_task_duration_seconds_sum", "processor", "alpha", "phase", "3",
                "outcome", "succeeded")).isPositive();
        // alpha was never held, so never retried: exactly its 2 first attempts
        assertThat(delta(before, after, "fullcourt_task_attempts_total", "processor", "alpha", "phase", "3"))
                .isEqualTo(2);
        assertThat(after.names()).contains("fullcourt_task_duration_seconds_max");

        // a message no worker can read goes straight to the dead-letter topic, counted once
        driver.publishWork(3, "not a DateWork".getBytes(StandardCharsets.UTF_8), Map.of());
        await().atMost(Duration.ofSeconds(30)).until(() -> delta(before, PrometheusScrape.now(),
                "fullcourt_worker_dead_letters_total", "processor", "unknown", "phase", "3") == 1);

        RestAssured.given().get("/q/health/ready").then().statusCode(200)
                .body("status", Matchers.equalTo("UP"))
                .body("checks.name", Matchers.hasItems("fullcourt-pubsub", "fullcourt-warehouse"));
        RestAssured.given().get("/q/health/live").then().statusCode(200)
                .body("status", Matchers.equalTo("UP"))
                .body("checks.name", Matchers.hasItems("fullcourt-worker", "fullcourt-coordinator-loop"));
    }

    @Test
    void jsonLogLinesAboutATaskCarryItsRunProcessorAndDate() throws IOException {
        Instant since = Instant.now(); // the file outlives the JVM: lines of earlier builds are ignored
        driver.publishRequest(BackfillRequest.forRange("logged", D1.plusDays(10), D1.plusDays(10))
                .withProcessors(List.of("alpha")).withCascade(false));
        driver.awaitFinished("logged", Duration.ofSeconds(60));

        // the worker's line for the task, and a coordinator's line for the run (from one of its classes' loggers)
        await().atMost(Duration.ofSeconds(10)).until(() -> JsonLog.linesSince(since).stream().anyMatch(l ->
                l.path("loggerName").asText().startsWith("fullcourt.coordinator.") && l.path("mdc").path("runId").asText().equals("logged")));
        List<JsonNode> lines = JsonLog.linesSince(since);
        JsonNode worked = lines.stream()
                .filter(l -> l.path("message").asText().startsWith("alpha 2024-03-11: SUCCEEDED"))
                .findFirst().orElseThrow();
        assertThat(worked.path("mdc").path("runId").asText()).isEqualTo("logged");
        assertThat(worked.path("mdc").path("processor").asText()).isEqualTo("alpha");
        assertThat(worked.path("mdc").path("date").asText()).isEqualTo("2024-03-11");
        assertThat(worked.path("level").asText()).isEqualTo("INFO");
    }

    private static double delta(PrometheusScrape before, PrometheusScrape after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }
}
