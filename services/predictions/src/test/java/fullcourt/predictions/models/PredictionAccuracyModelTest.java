package fullcourt.predictions.models;

import static fullcourt.predictions.models.GradingRows.MOVING_AVERAGE;
import static fullcourt.predictions.models.GradingRows.XGBOOST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fullcourt.engine.testing.models.ModelRow;
import fullcourt.engine.testing.models.ModelRunner;
import fullcourt.engine.warehouse.DialectCheck;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * prediction_accuracy on one date, D = 2024-01-15: New York at Boston and Philadelphia at Miami,
 * plus Boston's game the day before (never graded into D). The arithmetic is in each test.
 *
 * <pre>
 * player        minutes points   system          predicted line  call
 * b1 (BOS)      34      27       moving_average  24.5      25.5  UNDER
 *                                xgboost         28.0      25.5  OVER
 * b2 (BOS)      30      18       moving_average  20.0      18.0  OVER   (the line pushes)
 * b3 (BOS)      25      12       moving_average  15.2      15.5  PASS
 * n1 (NYK)      20      14       moving_average   9.5      -     -      (no prop line)
 * n2 (NYK)      DNP     -        moving_average  11.0      10.5  OVER   (not graded)
 * n3 (NYK)       0       0       moving_average   3.0      -     -      (not graded)
 * p1 (PHI)      36      35       moving_average  31.0      30.5  OVER
 *                                xgboost         -         30.5  -      (no model yet: not graded)
 * m1 (MIA)      33      22       (no prediction)
 * b1 on D - 1   38      40       moving_average  25.0      25.5  OVER   (another date)
 * </pre>
 */
class PredictionAccuracyModelTest {

    private static final String MODEL = "prediction_accuracy";
    private static final Offset<Double> EXACT = within(1e-9);
    private static final String NYK_AT_BOS = "20240115_NYK_BOS";
    private static final String PHI_AT_MIA = "20240115_PHI_MIA";
    private static final String DAY_BEFORE = "20240114_NYK_BOS";
    private static final LocalDate D = LocalDate.of(2024, 1, 15);

    private static GradingRows fixture;

    @BeforeAll
    static void grade() {
        fixture = GradingRows.inEmptyWarehouse()
                .played(NYK_AT_BOS, "BOS", "b1", 34.0, 27)
                .prediction(NYK_AT_BOS, "BOS", "b1", MOVING_AVERAGE, 24.5, 25.5, "UNDER", 0.55)
                .prediction(NYK_AT_BOS, "BOS", "b1", XGBOOST, 28.0, 25.5, "OVER", 0.70)
                .played(NYK_AT_BOS, "BOS", "b2", 30.0, 18)
                .prediction(NYK_AT_BOS, "BOS", "b2", MOVING_AVERAGE, 20.0, 18.0, "OVER", 0.60)
                .played(NYK_AT_BOS, "BOS", "b3", 25.0, 12)
                .prediction(NYK_AT_BOS, "BOS", "b3", MOVING_AVERAGE, 15.2, 15.5, "PASS", 0.10)
                .played(NYK_AT_BOS, "NYK", "n1", 20.0, 14)
                .prediction(NYK_AT_BOS, "NYK", "n1", MOVING_AVERAGE, 9.5, null, null, 0.40)
                .didNotPlay(NYK_AT_BOS, "NYK", "n2")
                .prediction(NYK_AT_BOS, "NYK", "n2", MOVING_AVERAGE, 11.0, 10.5, "OVER", 0.50)
                .played(NYK_AT_BOS, "NYK", "n3", 0.0, 0)
                .prediction(NYK_AT_BOS, "NYK", "n3", MOVING_AVERAGE, 3.0, null, null, 0.30)
                .played(PHI_AT_MIA, "PHI", "p1", 36.0, 35)
                .prediction(PHI_AT_MIA, "PHI", "p1", MOVING_AVERAGE, 31.0, 30.5, "OVER", 0.65)
                .prediction(PHI_AT_MIA, "PHI", "p1", XGBOOST, null, 30.5, null, null)
                .played(PHI_AT_MIA, "MIA", "m1", 33.0, 22)
                .played(DAY_BEFORE, "BOS", "b1", 38.0, 40)
                .prediction(DAY_BEFORE, "BOS", "b1", MOVING_AVERAGE, 25.0, 25.5, "OVER", 0.50);
        fixture.runner().run(MODEL, D);
    }

    @AfterAll
    static void closeWarehouse() {
        fixture.runner().close();
    }

    @Test
    void gradesOnlyPredictionsMadeForPlayersWhoPlayed() {
        // b1 x2, b2, b3, n1, p1 (moving_average); not n2 (DNP), n3 (0 minutes), p1's xgboost (no
        // prediction), m1 (no prediction row) nor b1's game of the day before
        List<Map<String, Object>> rows = fixture.runner().rows(MODEL, D);
        assertThat(rows).extracting(r -> r.get("player_id") + "/" + r.get("system_id")).containsExactlyInAnyOrder(
                "b1/moving_average", "b1/xgboost", "b2/moving_average", "b3/moving_average", "n1/moving_average",
                "p1/moving_average");
        assertThat(rows).allSatisfy(r -> assertThat(r.get("game_date")).isEqualTo(D));
    }

    @Test
    void errorIsActualMinusPredicted() {
        ModelRow b1 = fixture.row(MODEL, D, "b1", MOVING_AVERAGE);
        ModelRow b3 = fixture.row(MODEL, D, "b3", MOVING_AVERAGE);

        // b1: 27 - 24.5 = +2.5 (predicted too few)
        assertThat(b1.integer("actual_points")).isEqualTo(27);
        assertThat(b1.decimal("error")).isCloseTo(2.5, EXACT);
        assertThat(b1.decimal("absolute_error")).isCloseTo(2.5, EXACT);
        // b3: 12 - 15.2 = -3.2 (predicted too many); |-3.2| = 3.2
        assertThat(b3.decimal("error")).isCloseTo(-3.2, EXACT);
        assertThat(b3.decimal("absolute_error")).isCloseTo(3.2, EXACT);
    }

    @Test
    void resultAgainstTheLineDecidesTheCall() {
        // b1: 27 > 25.5 -> OVER; moving_average said UNDER (wrong), xgboost OVER (right)
        ModelRow b1Average = fixture.row(MODEL, D, "b1", MOVING_AVERAGE);
        assertThat(b1Average.text("actual_result")).isEqualTo("OVER");
        assertThat(b1Average.flag("is_correct")).isFalse();
        ModelRow b1Xgboost = fixture.row(MODEL, D, "b1", XGBOOST);
        assertThat(b1Xgboost.text("actual_result")).isEqualTo("OVER");
        assertThat(b1Xgboost.flag("is_correct")).isTrue();
        assertThat(b1Xgboost.decimal("error")).isCloseTo(27 - 28.0, EXACT);
        assertThat(b1Xgboost.text("model_version")).isEqualTo("xgboost-test-model");
        // b3: 12 < 15.5 -> UNDER
        assertThat(fixture.row(MODEL, D, "b3", MOVING_AVERAGE).text("actual_result")).isEqualTo("UNDER");
    }

    @Test
    void pushPassAndMissingLineAreNeitherRightNorWrong() {
        // b2: 18 = 18.0 -> PUSH; the OVER call is not graded
        ModelRow b2 = fixture.row(MODEL, D, "b2", MOVING_AVERAGE);
        assertThat(b2.text("actual_result")).isEqualTo("PUSH");
        assertThat(b2.text("recommendation")).isEqualTo("OVER");
        assertThat(b2.isNull("is_correct")).isTrue();
        // b3: PASS on a line that went UNDER
        ModelRow b3 = fixture.row(MODEL, D, "b3", MOVING_AVERAGE);
        assertThat(b3.text("recommendation")).isEqualTo("PASS");
        assertThat(b3.isNull("is_correct")).isTrue();
        // n1: no line, so no result and no call, but the error is still graded: 14 - 9.5 = 4.5
        ModelRow n1 = fixture.row(MODEL, D, "n1", MOVING_AVERAGE);
        assertThat(n1.isNull("points_line")).isTrue();
        assertThat(n1.isNull("actual_result")).isTrue();
        assertThat(n1.isNull("recommendation")).isTrue();
        assertThat(n1.isNull("is_correct")).isTrue();
        assertThat(n1.decimal("absolute_error")).isCloseTo(4.5, EXACT);
    }

    @Test
    void tierFollowsThePredictedPoints() {
        // predicted 9.5 -> '0-9'; 15.2 and 20.0 -> '10-19' and '20-29'; 31.0 -> '30+' (though p1 scored 35)
        assertThat(fixture.row(MODEL, D, "n1", MOVING_AVERAGE).text("scoring_tier")).isEqualTo("0-9");
        assertThat(fixture.row(MODEL, D, "b3", MOVING_AVERAGE).text("scoring_tier")).isEqualTo("10-19");
        assertThat(fixture.row(MODEL, D, "b2", MOVING_AVERAGE).text("scoring_tier")).isEqualTo("20-29");
        ModelRow p1 = fixture.row(MODEL, D, "p1", MOVING_AVERAGE);
        assertThat(p1.text("scoring_tier")).isEqualTo("30+");
        assertThat(p1.text("team")).isEqualTo("PHI");
        assertThat(p1.text("opponent")).isEqualTo("MIA");
        assertThat(p1.flag("is_home")).isFalse();
        assertThat(p1.text("season")).isEqualTo("2023-24");
    }

    @Test
    void aDateWithoutPredictionsHasNothingToGradeAndADateWithSomeHas() {
        String gate = ModelRunner.modelSql(MODEL + ".inputs");

        assertThat(fixture.runner().query(gate, D)).isEmpty();
        // Jan 16: no prediction at all
        assertThat(fixture.runner().query(gate, D.plusDays(1))).extracting(r -> r.get("missing")).containsExactly(
                "no rows in predictions.player_prop_predictions with a predicted_points (nothing to grade)");
        assertThat(DialectCheck.violations(gate)).isEmpty();
    }
}
