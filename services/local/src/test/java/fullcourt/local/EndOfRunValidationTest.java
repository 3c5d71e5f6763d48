package fullcourt.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fullcourt.engine.testing.LocalWebhook;
import fullcourt.engine.testing.PubSubEmulatorResource;
import fullcourt.engine.testing.WebhookResource;
import fullcourt.engine.testing.WebhookResource.InjectWebhook;
import fullcourt.local.validation.EndOfRunValidation;
import fullcourt.local.validation.ValidationReport;
import fullcourt.messages.BackfillRequest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The all-in-one's end-of-run validation (what LocalMain runs after its backfill) and the webhook: a failed validation
 * posts its failed checks, a passing one posts nothing. Each game date of a range is expected of each of the test
 * pipeline's three processors (alpha, beta, gamma).
 */
@QuarkusTest
@QuarkusTestResource(PubSubEmulatorResource.class)
@QuarkusTestResource(value = WebhookResource.class, restrictToAnnotatedClass = true)
class EndOfRunValidationTest extends PipelineTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectWebhook
    LocalWebhook webhook;
    @Inject
    EndOfRunValidation validation;

    /**
     * The all-in-one always has a schedule (its generated seasons): here the game dates of this test's ranges. Game
     * dates are what the coverage expects.
     */
    @BeforeEach
    void schedule() {
        warehouse.update("CREATE SCHEMA IF NOT EXISTS raw", Map.of());
        warehouse.update("CREATE TABLE IF NOT EXISTS raw.schedule AS SELECT '2029-30' AS season, CAST(d AS DATE)"
                + " AS game_date FROM (VALUES ('2029-06-01'), ('2029-06-02'), ('2030-01-01'), ('2030-01-02'),"
                + " ('2031-03-01')) AS t(d)", Map.of());
    }

    /** The texts of the webhook's bodies, each a Slack-compatible {"text": ...}. */
    private List<String> texts() {
        return webhook.received().stream().map(body -> {
            try {
                JsonNode json = JSON.readTree(body);
                assertThat(json.size()).as("fields of %s", body).isEqualTo(1);
                return json.get("text").asText();
            } catch (java.io.IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }).toList();
    }

    private List<String> failureNotices(LocalDate from, LocalDate to) {
        return texts().stream().filter(t -> t.startsWith("Fullcourt validation FAILED for " + from + " .. " + to))
                .toList();
    }

    /** A coverage line of the report, as the notice carries it: nothing of the processor's two days is there. */
    private static String nothingOf(String processor, String table, LocalDate first) {
        return String.format("  %-32s %-44s %5d / %5d", processor, table, 0, 2) + "  MISSING 2 (first " + first + ")";
    }

    @Test
    void aFailedValidationNotifiesTheWebhookWithItsFailedChecks() {
        LocalDate from = LocalDate.of(2030, 1, 1);
        LocalDate to = from.plusDays(1); // game dates where no task ever ran

        ValidationReport report = validation.validate(from, to, Optional.empty());

        assertThat(report.passed()).isFalse();
        await().atMost(WAIT).until(() -> !failureNotices(from, to).isEmpty());
        assertThat(failureNotices(from, to)).singleElement().isEqualTo(String.join("\n",
                "Fullcourt validation FAILED for 2030-01-01 .. 2030-01-02:",
                nothingOf("alpha", "analytics.alpha", from),
                nothingOf("beta", "precompute.beta", from),
                nothingOf("gamma", "predictions.gamma", from),
                // the all-in-one's warehouse has the platform's tables: its phase-3 field checks run too
                "  teams per date match the schedule      0.00% of 2 (needs >= 100%)  FAILED"
                        + "  [game dates whose team rows are two per scheduled game]"));
    }

    @Test
    void aPassingValidationSendsNoFailureNotice() {
        LocalDate from = LocalDate.of(2029, 6, 1);
        LocalDate to = from.plusDays(1);
        driver.publishRequest(BackfillRequest.forRange("end-of-run-pass", from, to).withPhases(List.of(3))
                .withUpstreams(BackfillRequest.Upstreams.ALLOW));
        driver.awaitFinished("end-of-run-pass", Duration.ofSeconds(60));
        // the phase-3 field check compares team rows with the schedule: the two teams of each date's one game
        warehouse.update("INSERT INTO analytics.team_offense_game_summary (game_date) VALUES (DATE '2029-06-01'),"
                + " (DATE '2029-06-01'), (DATE '2029-06-02'), (DATE '2029-06-02')", Map.of());

        ValidationReport passing = validation.validate(from, to, Optional.empty());
        // a failing one after it: the webhook's sender posts in order, so once this one arrived, a notice of the
        // passing range would have arrived before it
        LocalDate markerDay = LocalDate.of(2031, 3, 1);
        validation.validate(markerDay, markerDay, Optional.empty());
        await().atMost(WAIT).until(() -> !failureNotices(markerDay, markerDay).isEmpty());

        assertThat(passing.passed()).as(passing.render()).isTrue();
        assertThat(passing.warehouse().coverage()).hasSize(3).allSatisfy(c -> assertThat(c.present()).isEqualTo(2));
        assertThat(texts()).noneMatch(t -> t.contains(from + " .. " + to));
    }
}
