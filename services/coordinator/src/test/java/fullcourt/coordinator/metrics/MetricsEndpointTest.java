package fullcourt.coordinator.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fullcourt.engine.testing.PubSubEmulatorResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The running coordinator's scrape: timers with histogram buckets, the runs-finished counters, the freshness gauges. */
@QuarkusTest
@QuarkusTestResource(PubSubEmulatorResource.class)
class MetricsEndpointTest {

    private static String scrape() {
        return RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    @Test
    void timersServeBucketsAndTheAlertingSeriesExistFromTheStart() {
        // the loop's first turn (the ledger fold) has run once the coordinator serves
        await().atMost(Duration.ofSeconds(30)).until(() -> scrape().contains("fullcourt_coordinator_loop_turn_seconds_bucket{"));
        String scrape = scrape();

        assertThat(scrape).contains("fullcourt_coordinator_loop_turn_seconds_bucket{le=\"0.001\"")
                .contains("fullcourt_coordinator_loop_turn_seconds_bucket{le=\"60.0\"")
                .contains("fullcourt_coordinator_runs_finished_total{outcome=\"completed_with_failures\"")
                .contains("fullcourt_coordinator_processor_latest_complete_date_seconds{phase=\"3\",processor=\"a\"");
    }
}
