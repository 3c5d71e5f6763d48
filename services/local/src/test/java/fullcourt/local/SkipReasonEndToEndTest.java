package fullcourt.local;

import static org.assertj.core.api.Assertions.assertThat;

import fullcourt.coordinator.TaskKey;
import fullcourt.coordinator.TaskStatus;
import fullcourt.engine.testing.PubSubEmulatorResource;
import fullcourt.messages.BackfillRequest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * A task with nothing to work from ends SKIPPED with its reason, end to end: the freshness pipeline's odds_daily
 * (test model with an inputs gate, models/odds_daily.inputs.sql) on a game date without raw.odds. The reason travels
 * in the TaskEvent to the ledger, the task's API view (the dashboard's task detail) and the run's summary.
 */
@QuarkusTest
@TestProfile(SkipReasonEndToEndTest.Profile.class)
@QuarkusTestResource(PubSubEmulatorResource.class)
class SkipReasonEndToEndTest extends PipelineTest {

    /** The freshness pipeline in a warehouse of its own (FreshnessEndToEndTest creates the same raw tables). */
    public static class Profile extends FreshnessProfile {
    }

    private static final LocalDate FEB_1 = LocalDate.of(2024, 2, 1);
    private static final LocalDate FEB_2 = FEB_1.plusDays(1);
    private static final LocalDate FEB_3 = FEB_1.plusDays(2);
    private static final String REASON = "nothing to work from on 2024-02-02: no rows in raw.odds";

    @Test
    void aGameDateWithoutOddsEndsSkippedWithItsReasonInTheLedgerAndTheApi() {
        String days = "range(DATE '2024-02-01', DATE '2024-02-04', INTERVAL 1 DAY) AS t(d)";
        warehouse.update("CREATE TABLE raw.schedule AS SELECT '2023-24' AS season, CAST(d AS DATE) AS game_date FROM "
                + days, Map.of());
        warehouse.update("CREATE TABLE raw.odds AS SELECT CAST(d AS DATE) AS game_date, 210.5 AS line FROM " + days
                + " WHERE CAST(d AS DATE) <> DATE '2024-02-02'", Map.of());

        driver.publishRequest(BackfillRequest.forRange("skip-reason", FEB_1, FEB_3).withProcessors(List.of("odds_daily"))
                .withCascade(false));
        driver.awaitFinished("skip-reason", Duration.ofSeconds(60));

        assertThat(driver.statuses("skip-reason")).containsExactlyInAnyOrderEntriesOf(Map.of(
                new TaskKey("odds_daily", FEB_1), TaskStatus.SUCCEEDED,
                new TaskKey("odds_daily", FEB_2), TaskStatus.SKIPPED,
                new TaskKey("odds_daily", FEB_3), TaskStatus.SUCCEEDED));
        assertThat(driver.rows("SELECT detail, row_count FROM ops.task_events WHERE run_id = 'skip-reason'"
                + " AND task_id = 'odds_daily/2024-02-02' AND event = 'SKIPPED'", Map.of()))
                .singleElement().satisfies(row -> assertThat(row.get("detail")).isEqualTo(REASON));
        assertThat(driver.rows("SELECT COUNT(*) AS n FROM analytics.odds_daily WHERE game_date = DATE '2024-02-02'",
                Map.of())).containsExactly(Map.of("n", 0L));

        RestAssured.given().get("/runs/skip-reason/tasks/odds_daily/2024-02-02").then().statusCode(200)
                .body("status", Matchers.equalTo("SKIPPED")).body("skipReason", Matchers.equalTo(REASON));
        RestAssured.given().get("/runs/skip-reason").then().statusCode(200)
                .body("totals.SKIPPED", Matchers.equalTo(1)).body("totals.SUCCEEDED", Matchers.equalTo(2))
                // the run's summary counts skips by reason, the date written D (the dashboard shows it above the grid)
                .body("skipReasons", Matchers.equalTo(Map.of("nothing to work from on D: no rows in raw.odds", 1)));
    }
}
