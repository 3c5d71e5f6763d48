package fullcourt.coordinator.api;

import fullcourt.engine.testing.PubSubEmulatorResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /stale} and the 400s of the coordinator's API as a client sees them: the JSON field names
 * the CLI and the dashboard read, and a message naming the parameter (the shaping itself: StaleViewTest).
 */
@QuarkusTest
@QuarkusTestResource(PubSubEmulatorResource.class)
class StaleResourceTest {

    @Test
    void answersWithTheCountsTheListAndTheGridTheClientsRead() {
        RestAssured.given().get("/stale").then().statusCode(200)
                .body("limit", Matchers.equalTo(500))
                .body("judged", Matchers.greaterThanOrEqualTo(0))
                .body("stale", Matchers.greaterThanOrEqualTo(0))
                .body("byProcessor", Matchers.instanceOf(java.util.Map.class))
                .body("reasons", Matchers.instanceOf(java.util.List.class))
                .body("partitions", Matchers.instanceOf(java.util.List.class))
                .body("grid.kinds", Matchers.contains("MISSING", "NO_LINEAGE", "INTERRUPTED", "VERSION",
                        "RAW_CHANGED", "UPSTREAM_CHANGED", "UPSTREAM_STALE"))
                .body("grid.processors.processor", Matchers.contains("a", "b"));
    }

    @Test
    void badParametersAre400WithAMessageNamingEachOne() {
        RestAssured.given().queryParam("from", "2022-13-01").queryParam("processor", "zzz").get("/stale")
                .then().statusCode(400)
                .body("message", Matchers.equalTo("from: expected a date YYYY-MM-DD, e.g. from=2022-01-05, got"
                        + " '2022-13-01'; processor: unknown processor 'zzz'; known: a, b"));
    }

    @Test
    void validationNamesItsBadParameterToo() {
        RestAssured.given().queryParam("from", "2022-01-01").get("/validation").then().statusCode(400)
                .body("message", Matchers.equalTo("to is required, e.g. to=2024-01-15"));
    }
}
