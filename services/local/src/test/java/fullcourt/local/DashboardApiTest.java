package fullcourt.local;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import fullcourt.coordinator.api.StateChangeGuard;
import fullcourt.engine.testing.PubSubEmulatorResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's API beside the browser test: the request endpoint's guard and its answers to bad input (each
 * reason, nothing recorded), and the timeline's and activity's parameters.
 */
@QuarkusTest
@QuarkusTestResource(PubSubEmulatorResource.class)
class DashboardApiTest extends PipelineTest {

    private static final String REQUEST = """
            {"schemaVersion": 1, "requestId": "%s", "from": "2024-07-01", "to": "%s", "phases": [3],
             "upstreams": "allow", "dryRun": %s}""";

    @Test
    void aRequestWithoutTheClientHeaderIsRefusedAndRecordsNothing() {
        RestAssured.given().contentType(ContentType.JSON).body(REQUEST.formatted("api-unguarded", "2024-07-02", false))
                .post("/requests").then().statusCode(403)
                .body("message", containsString(StateChangeGuard.HEADER));
        RestAssured.given().get("/runs/api-unguarded").then().statusCode(404);
    }

    @Test
    void badRequestsAreAnsweredWithEveryReasonAndNoRun() {
        // the end before the start, and a mode that does not exist: both said at once
        RestAssured.given().header(StateChangeGuard.HEADER, "test").contentType(ContentType.JSON)
                .body(REQUEST.formatted("api-bad", "2024-06-01", false).replace("\"dryRun\"", "\"mode\": \"some\", \"dryRun\""))
                .post("/requests").then().statusCode(400)
                .body("outcome", equalTo("REJECTED"))
                .body("plan", nullValue())
                .body("reasons", hasItem(containsString("mode")));
        RestAssured.given().header(StateChangeGuard.HEADER, "test").contentType(ContentType.JSON)
                .body(REQUEST.formatted("api-bad", "2024-06-01", false))
                .post("/requests").then().statusCode(400)
                .body("outcome", equalTo("REJECTED"))
                .body("reasons", hasItem(containsString("2024-06-01")));
        RestAssured.given().get("/runs/api-bad").then().statusCode(404);
    }

    @Test
    void aDryRunAnswersThePlanAndARepeatedRunIdIsRefused() {
        // alpha, beta, gamma over 2 dates: 6 tasks
        RestAssured.given().header(StateChangeGuard.HEADER, "test").contentType(ContentType.JSON)
                .body(REQUEST.formatted("api-twice", "2024-07-02", true))
                .post("/requests").then().statusCode(200)
                .body("outcome", equalTo("DRY_RUN"))
                .body("plan", containsString("6 tasks over 2 dates"));
        RestAssured.given().get("/runs/api-twice").then().statusCode(404);

        RestAssured.given().header(StateChangeGuard.HEADER, "test").contentType(ContentType.JSON)
                .body(REQUEST.formatted("api-twice", "2024-07-02", false))
                .post("/requests").then().statusCode(201)
                .body("outcome", equalTo("ACCEPTED"))
                .body("runId", equalTo("api-twice"));
        RestAssured.given().header(StateChangeGuard.HEADER, "test").contentType(ContentType.JSON)
                .body(REQUEST.formatted("api-twice", "2024-07-02", false))
                .post("/requests").then().statusCode(409)
                .body("outcome", equalTo("REFUSED"))
                .body("reasons[0]", containsString("request id api-twice is run api-twice already"));
        driver.awaitFinished("api-twice", java.time.Duration.ofSeconds(60));
        RestAssured.given().get("/runs/api-twice/timeline?rows=1").then().statusCode(200)
                .body("datesPerRow", equalTo(2))
                .body("rows.size()", equalTo(1))
                .body("rows[0].spans.finished", equalTo(java.util.List.of(2, 2, 2)));
    }

    @Test
    void theActivityIsSampledFromTheScheduler() {
        // sampled every second in tests; the test pipeline's global limit is the default 16 and nothing quota-fails
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                RestAssured.given().get("/activity").then().statusCode(200)
                        .body("intervalMillis", equalTo(1000))
                        .body("samples.size()", org.hamcrest.Matchers.greaterThanOrEqualTo(2))
                        .body("samples[-1].limit", equalTo(16))
                        .body("samples[-1].configured", equalTo(16)));
        String last = RestAssured.given().get("/activity").then().extract().path("samples[-1].at");
        RestAssured.given().queryParam("after", last).get("/activity").then().statusCode(200)
                .body("samples.at", org.hamcrest.Matchers.not(hasItem(last)));
    }

    @Test
    void badTimelineAndActivityParametersAreNamed() {
        RestAssured.given().get("/runs/none-such/timeline").then().statusCode(404);
        RestAssured.given().get("/runs/none-such/timeline?rows=abc").then().statusCode(400)
                .body("message", equalTo("rows: expected a whole number from 1 to 500, got 'abc'"));
        RestAssured.given().get("/activity?after=yesterday").then().statusCode(400)
                .body("message", equalTo("after: expected an instant such as 2024-04-01T12:00:00Z, got 'yesterday'"));
        RestAssured.given().get("/activity").then().statusCode(200)
                .body("phases", equalTo(java.util.List.of(3, 4, 5)));
    }
}
