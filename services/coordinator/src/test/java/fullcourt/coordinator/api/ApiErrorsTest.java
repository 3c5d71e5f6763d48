package fullcourt.coordinator.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import fullcourt.engine.testing.PubSubEmulatorResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint of the API with a bad path or query parameter or body answers 400, and with an unknown run 404,
 * each with a JSON body {@code {"message": ...}} saying why: never a 500, never an empty body.
 */
@QuarkusTest
@QuarkusTestResource(PubSubEmulatorResource.class)
class ApiErrorsTest {

    private static final String NO_RUN = "no run 'nope' (list runs with: fullcourt status)";

    private static ValidatableResponse get(String path) {
        return RestAssured.given().get(path).then();
    }

    private static ValidatableResponse post(String path, String body) {
        return RestAssured.given().header(StateChangeGuard.HEADER, "cli").contentType("application/json").body(body)
                .post(path).then();
    }

    @Test
    void anUnknownRunIs404WithTheReasonOnEveryRunEndpoint() {
        get("/runs/nope").statusCode(404).body("message", equalTo(NO_RUN));
        get("/runs/nope/tasks").statusCode(404).body("message", equalTo(NO_RUN));
        get("/runs/nope/grid").statusCode(404).body("message", equalTo(NO_RUN));
        get("/runs/nope/tasks/a/2023-01-01").statusCode(404).body("message", equalTo("run nope has no task a/2023-01-01"));
        for (String action : new String[] {"replay", "cancel", "pause", "resume"}) {
            post("/runs/nope/" + action, "{}").statusCode(404).body("message", equalTo(NO_RUN));
        }
    }

    @Test
    void aBadTaskStatusFilterIs400NamingTheValuesAllowed() {
        get("/runs/nope/tasks?status=FINISHED").statusCode(400)
                .body("message", equalTo("status: expected one of PLANNED, READY, DISPATCHED, RUNNING, SUCCEEDED,"
                        + " SKIPPED, DEAD, BLOCKED, CANCELLED, got 'FINISHED'"));
    }

    @Test
    void aBadTaskDateIs400() {
        get("/runs/nope/tasks/a/2023-02-30").statusCode(400)
                .body("message", equalTo("date: expected a date YYYY-MM-DD, got '2023-02-30'"));
    }

    @Test
    void aReplayBodyThatIsNotTheExpectedJsonIs400WithTheReason() {
        post("/runs/nope/replay", "{\"dates\": [\"2023-01-01\", \"last tuesday\"]}").statusCode(400)
                .body("message", equalTo("body dates[1]: expected a date YYYY-MM-DD, got 'last tuesday'"));
        post("/runs/nope/replay", "{\"dates\": ").statusCode(400)
                .body("message", containsString("body: not valid JSON: "));
    }

    @Test
    void badValidationParametersAre400() {
        get("/validation?from=2023-01-01&to=2023-01-02&phase=five").statusCode(400)
                .body("message", equalTo("phase: expected an integer, got 'five'"));
        get("/validation?from=2023-01-01").statusCode(400)
                .body("message", equalTo("to is required, e.g. to=2024-01-15"));
        get("/validation?from=2023-01-02&to=2023-01-01").statusCode(400)
                .body("message", equalTo("validate: --to 2023-01-01 is before --from 2023-01-02"));
    }

    @Test
    void badStaleParametersAre400() {
        get("/stale?from=yesterday-ish").statusCode(400).body("message", containsString("from"));
        get("/stale?limit=-1").statusCode(400).body("message", containsString("limit"));
    }
}
