package fullcourt.publishing.performance;

import static fullcourt.publishing.ExportFixture.D;
import static org.assertj.core.api.Assertions.assertThat;

import fullcourt.publishing.Export;
import fullcourt.publishing.ExportFixture;
import fullcourt.publishing.ExporterTest;
import fullcourt.publishing.validation.ExportValidator;
import org.junit.jupiter.api.Test;

/**
 * Rows of predictions.system_daily_performance (date, system, graded, mae, recommendations, correct):
 * <pre>
 *   2023-04-09 ensemble        50  9.0  50 50   last season: never counted
 *   2023-10-30 ensemble        10  4.0   4  3
 *   2023-11-13 ensemble        30  5.0   6  2
 *   2023-11-13 moving_average  12  5.5   3  1   (no row on D)
 *   2023-11-15 ensemble        40  3.5  10  6   D
 *   2023-11-15 xgboost         20  4.2   0  0   D, no calls: hit rate NULL
 * </pre>
 * Season to date through D, ensemble: 3 dates, 10 + 30 + 40 = 80 graded,
 * MAE (10 * 4.0 + 30 * 5.0 + 40 * 3.5) / 80 = 330 / 80 = 4.125, 4 + 6 + 10 = 20 calls,
 * 3 + 2 + 6 = 11 correct, hit rate 11 / 20 = 0.55. moving_average: 1 of 3 = 0.3333.
 */
class SystemPerformanceExporterTest extends ExporterTest {

    @Override
    protected void load() {
        //                                           graded  mae  bias rmse recs correct hit   over under push conf
        row("2023-04-09", "2022-23", "ensemble",       50, 9.0, 1.0, 10.0, 50, 50, "1.0", 25, 25, 0, 0.9);
        row("2023-10-30", "2023-24", "ensemble",       10, 4.0, 0.5, 5.0,   4,  3, "0.75", 2, 2, 0, 0.6);
        row("2023-11-13", "2023-24", "ensemble",       30, 5.0, -0.5, 6.0,  6,  2, "0.3333333333333333", 4, 3, 1, 0.55);
        row("2023-11-13", "2023-24", "moving_average", 12, 5.5, 0.0, 7.0,   3,  1, "0.3333333333333333", 2, 1, 0, 0.5);
        row("2023-11-15", "2023-24", "ensemble",       40, 3.5, 0.25, 4.5, 10,  6, "0.6", 6, 4, 0, 0.65);
        row("2023-11-15", "2023-24", "xgboost",        20, 4.2, -1.0, 5.2,  0,  0, "NULL", 0, 0, 0, 0.7);
    }

    private void row(String date, String season, String system, int graded, double mae, double bias, double rmse,
                     int recommendations, int correct, String hitRate, int over, int under, int pushes,
                     double confidence) {
        fixture.execute("INSERT INTO predictions.system_daily_performance VALUES (DATE '" + date + "', '" + season
                + "', '" + system + "', " + graded + ", " + mae + ", " + bias + ", " + rmse + ", " + recommendations
                + ", " + correct + ", " + hitRate + ", " + over + ", " + under + ", " + pushes + ", " + confidence + ")");
    }

    @Test
    void publishesEachSystemsDayAndSeasonToDate() throws Exception {
        fixture.export(Export.SYSTEM_PERFORMANCE, D);

        assertThat(fixture.document(Export.SYSTEM_PERFORMANCE, D)).isEqualTo(ExportFixture.json("""
                {"schemaVersion": 1, "gameDate": "2023-11-15", "season": "2023-24", "systems": [
                  {"systemId": "ensemble",
                   "day": {"predictionsGraded": 40, "mae": 3.5, "bias": 0.25, "rmse": 4.5, "recommendations": 10,
                           "correct": 6, "hitRate": 0.6, "overCalls": 6, "underCalls": 4, "pushes": 0,
                           "avgConfidence": 0.65},
                   "seasonToDate": {"dates": 3, "predictionsGraded": 80, "mae": 4.125, "recommendations": 20,
                                    "correct": 11, "hitRate": 0.55}},
                  {"systemId": "moving_average", "day": null,
                   "seasonToDate": {"dates": 1, "predictionsGraded": 12, "mae": 5.5, "recommendations": 3,
                                    "correct": 1, "hitRate": 0.3333}},
                  {"systemId": "xgboost",
                   "day": {"predictionsGraded": 20, "mae": 4.2, "bias": -1.0, "rmse": 5.2, "recommendations": 0,
                           "correct": 0, "hitRate": null, "overCalls": 0, "underCalls": 0, "pushes": 0,
                           "avgConfidence": 0.7},
                   "seasonToDate": {"dates": 1, "predictionsGraded": 20, "mae": 4.2, "recommendations": 0,
                                    "correct": 0, "hitRate": null}}]}
                """));
        assertThat(fixture.manifest(Export.SYSTEM_PERFORMANCE).get(0)).containsEntry("record_count", 3L);
    }

    @Test
    void beforeAnyDayWasGradedThereAreNoTotalsRatherThanAMissingTableError() {
        fixture.execute("DROP TABLE predictions.system_daily_performance");

        assertThat(SeasonToDate.before(fixture.warehouse, ExportFixture.SEASON, D)).isEmpty();
    }

    @Test
    void documentMatchesItsSchema() throws Exception {
        fixture.export(Export.SYSTEM_PERFORMANCE, D);

        assertThat(ExportValidator.problems(Export.SYSTEM_PERFORMANCE, D, fixture.bytes(Export.SYSTEM_PERFORMANCE, D)))
                .isEmpty();
    }
}
