package fullcourt.predictions.models;

import static fullcourt.predictions.models.GradingRows.ENSEMBLE;
import static fullcourt.predictions.models.GradingRows.MOVING_AVERAGE;
import static fullcourt.predictions.models.GradingRows.XGBOOST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fullcourt.engine.testing.models.ModelRow;
import java.time.LocalDate;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * system_daily_performance on one date, D = 2024-02-01, Los Angeles at Golden State. The arithmetic
 * is in each test.
 *
 * <pre>
 * player  points line  result | moving_average              | xgboost
 * g1      22     19.5  OVER   | 20.0 OVER  conf 0.6  err +2 |
 * g2      10     12.5  UNDER  | 14.0 UNDER conf 0.7  err -4 |
 * g3      16     16.0  PUSH   | 13.0 PASS  conf 0.2  err +3 | 17.0 OVER conf 0.8 err -1
 * g4       8     -     -      | no model (not graded)       | 10.0 -    conf 0.4 err -2
 * g5      25     26.5  UNDER  | 24.0 OVER  conf 0.5  err +1 |
 * g6      DNP                 | 12.0 OVER  (not graded)     |                    ensemble 12.0 OVER (not graded)
 * </pre>
 */
class SystemDailyPerformanceModelTest {

    private static final String MODEL = "system_daily_performance";
    private static final Offset<Double> EXACT = within(1e-9);
    private static final String GAME = "20240201_LAL_GSW";
    private static final LocalDate D = LocalDate.of(2024, 2, 1);

    private static GradingRows fixture;

    @BeforeAll
    static void grade() {
        fixture = GradingRows.inEmptyWarehouse()
                .played(GAME, "GSW", "g1", 35.0, 22)
                .played(GAME, "GSW", "g2", 28.0, 10)
                .played(GAME, "GSW", "g3", 31.0, 16)
                .played(GAME, "LAL", "g4", 18.0, 8)
                .played(GAME, "LAL", "g5", 36.0, 25)
                .didNotPlay(GAME, "LAL", "g6")
                .prediction(GAME, "GSW", "g1", MOVING_AVERAGE, 20.0, 19.5, "OVER", 0.6)
                .prediction(GAME, "GSW", "g2", MOVING_AVERAGE, 14.0, 12.5, "UNDER", 0.7)
                .prediction(GAME, "GSW", "g3", MOVING_AVERAGE, 13.0, 16.0, "PASS", 0.2)
                .prediction(GAME, "LAL", "g4", MOVING_AVERAGE, null, null, null, null)
                .prediction(GAME, "LAL", "g5", MOVING_AVERAGE, 24.0, 26.5, "OVER", 0.5)
                .prediction(GAME, "LAL", "g6", MOVING_AVERAGE, 12.0, 11.5, "OVER", 0.9)
                .prediction(GAME, "GSW", "g3", XGBOOST, 17.0, 16.0, "OVER", 0.8)
                .prediction(GAME, "LAL", "g4", XGBOOST, 10.0, null, null, 0.4)
                .prediction(GAME, "LAL", "g6", ENSEMBLE, 12.0, 11.5, "OVER", 0.9)
                .gradeEach(List.of(D));
        fixture.runner().run(MODEL, D);
    }

    @AfterAll
    static void closeWarehouse() {
        fixture.runner().close();
    }

    @Test
    void oneRowPerSystemWithAGradedPrediction() {
        // ensemble's only prediction is g6's, who did not play
        assertThat(fixture.runner().rows(MODEL, D)).extracting(r -> r.get("system_id"))
                .containsExactlyInAnyOrder(MOVING_AVERAGE, XGBOOST);
    }

    @Test
    void errorsOfEveryGradedPrediction() {
        ModelRow average = fixture.runner().row(MODEL, D, "system_id", MOVING_AVERAGE);

        // g1, g2, g3, g5 (g4 had no prediction, g6 did not play): errors +2, -4, +3, +1
        assertThat(average.integer("predictions_graded")).isEqualTo(4);
        // mae (2 + 4 + 3 + 1) / 4 = 2.5; bias (2 - 4 + 3 + 1) / 4 = 0.5
        assertThat(average.decimal("mae")).isCloseTo(2.5, EXACT);
        assertThat(average.decimal("bias")).isCloseTo(0.5, EXACT);
        // rmse sqrt((4 + 16 + 9 + 1) / 4) = sqrt(7.5)
        assertThat(average.decimal("rmse")).isCloseTo(Math.sqrt(7.5), EXACT);
        // confidence (0.6 + 0.7 + 0.2 + 0.5) / 4 = 0.5
        assertThat(average.decimal("avg_confidence")).isCloseTo(0.5, EXACT);
        assertThat(average.text("season")).isEqualTo("2023-24");
    }

    @Test
    void hitRateCountsCallsWithAResult() {
        ModelRow average = fixture.runner().row(MODEL, D, "system_id", MOVING_AVERAGE);

        // calls: g1 OVER (right), g2 UNDER (right), g5 OVER (wrong: UNDER); g3 PASS is no call
        assertThat(average.integer("over_calls")).isEqualTo(2);
        assertThat(average.integer("under_calls")).isEqualTo(1);
        assertThat(average.integer("pushes")).isZero();
        assertThat(average.integer("recommendations")).isEqualTo(3);
        assertThat(average.integer("correct")).isEqualTo(2);
        assertThat(average.decimal("hit_rate")).isCloseTo(2.0 / 3, EXACT);
    }

    @Test
    void systemWhoseOnlyCallPushedHasNoHitRate() {
        ModelRow xgboost = fixture.runner().row(MODEL, D, "system_id", XGBOOST);

        // g3 (err 16 - 17 = -1, OVER on a push) and g4 (err 8 - 10 = -2, no line)
        assertThat(xgboost.integer("predictions_graded")).isEqualTo(2);
        assertThat(xgboost.decimal("mae")).isCloseTo(1.5, EXACT);
        assertThat(xgboost.decimal("bias")).isCloseTo(-1.5, EXACT);
        assertThat(xgboost.decimal("rmse")).isCloseTo(Math.sqrt((1 + 4) / 2.0), EXACT);
        // one OVER call, which pushed: 1 + 0 - 1 = 0 calls with a result
        assertThat(xgboost.integer("over_calls")).isEqualTo(1);
        assertThat(xgboost.integer("pushes")).isEqualTo(1);
        assertThat(xgboost.integer("recommendations")).isZero();
        assertThat(xgboost.integer("correct")).isZero();
        assertThat(xgboost.isNull("hit_rate")).isTrue();
        assertThat(xgboost.decimal("avg_confidence")).isCloseTo((0.8 + 0.4) / 2, EXACT);
    }
}
