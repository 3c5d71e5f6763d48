package fullcourt.predictions.models;

import static fullcourt.predictions.models.GradingRows.ENSEMBLE;
import static fullcourt.predictions.models.GradingRows.MOVING_AVERAGE;
import static fullcourt.predictions.models.GradingRows.XGBOOST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fullcourt.engine.testing.models.ModelRow;
import fullcourt.engine.testing.models.RawRows;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * scoring_tier_adjustments for D = 2024-02-15, whose window is 2024-01-17 (D - 29) .. D. Every
 * prediction here is for a Golden State player without a prop line (the line plays no part).
 *
 * <pre>
 * date        player    system          predicted  points  error   tier
 * D           a         moving_average   9.99      12      +2.01   0-9
 * D - 29      a         moving_average   5.0        8      +3      0-9
 * D - 30      a         moving_average   5.0       25      +20     0-9    (outside the window)
 * D           b         moving_average  10.0        9      -1      10-19
 * D           c         moving_average  29.99      26      -3.99   20-29
 * D           d         moving_average  30.0       33      +3      30+
 * D           x01-x15   xgboost         22.0       28      +6      20-29
 * D           x16-x20   xgboost         22.0       20      -2      20-29
 * D           z         xgboost          5.0       DNP     -       (not graded)
 * D - 30      e         ensemble        15.0       10      -5      10-19  (outside the window)
 * </pre>
 *
 * Seasons apart: no NBA season ends within 30 days of the next one's start, so two artificial
 * dates show the season rule: S = 2023-08-10 (2023-24, the fixture's seasons start in August) and
 * 2023-07-25 (2022-23), 16 days earlier; player s, moving_average 12.0, scores 14 on S and 30 before.
 */
class ScoringTierAdjustmentsModelTest {

    private static final String MODEL = "scoring_tier_adjustments";
    private static final Offset<Double> EXACT = within(1e-9);
    private static final String ON_D = "20240215_LAL_GSW";
    private static final String ON_WINDOW_START = "20240117_LAL_GSW";
    private static final String DAY_BEFORE_WINDOW = "20240116_LAL_GSW";
    private static final String ON_S = "20230810_LAL_GSW";
    private static final String PREVIOUS_SEASON = "20230725_LAL_GSW";
    private static final LocalDate D = RawRows.dateOf(ON_D);
    private static final LocalDate S = RawRows.dateOf(ON_S);

    private static GradingRows fixture;

    @BeforeAll
    static void compute() {
        fixture = GradingRows.inEmptyWarehouse();
        graded(ON_D, "a", MOVING_AVERAGE, 9.99, 12);
        graded(ON_WINDOW_START, "a", MOVING_AVERAGE, 5.0, 8);
        graded(DAY_BEFORE_WINDOW, "a", MOVING_AVERAGE, 5.0, 25);
        graded(ON_D, "b", MOVING_AVERAGE, 10.0, 9);
        graded(ON_D, "c", MOVING_AVERAGE, 29.99, 26);
        graded(ON_D, "d", MOVING_AVERAGE, 30.0, 33);
        for (int i = 1; i <= 20; i++) {
            graded(ON_D, String.format("x%02d", i), XGBOOST, 22.0, i <= 15 ? 28 : 20);
        }
        fixture.didNotPlay(ON_D, "GSW", "z")
               .prediction(ON_D, "GSW", "z", XGBOOST, 5.0, null, null, 0.5);
        graded(DAY_BEFORE_WINDOW, "e", ENSEMBLE, 15.0, 10);
        graded(ON_S, "s", MOVING_AVERAGE, 12.0, 14);
        graded(PREVIOUS_SEASON, "s", MOVING_AVERAGE, 12.0, 30);

        fixture.gradeEach(List.of(D, RawRows.dateOf(ON_WINDOW_START), RawRows.dateOf(DAY_BEFORE_WINDOW), S,
                RawRows.dateOf(PREVIOUS_SEASON)));
        fixture.runner().run(MODEL, D);
        fixture.runner().run(MODEL, S);
    }

    @AfterAll
    static void closeWarehouse() {
        fixture.runner().close();
    }

    @Test
    void rowsOnlyForTiersWithGradedPredictionsInTheWindow() {
        // moving_average in all four tiers; xgboost only 20-29 (z did not play); ensemble's only
        // prediction is on D - 30
        assertThat(fixture.runner().rows(MODEL, D)).extracting(r -> r.get("system_id") + "/" + r.get("scoring_tier"))
                .containsExactlyInAnyOrder("moving_average/0-9", "moving_average/10-19", "moving_average/20-29",
                        "moving_average/30+", "xgboost/20-29");
    }

    @Test
    void windowHoldsThe30DaysEndingOnTheDate() {
        ModelRow low = tier(D, MOVING_AVERAGE, "0-9");

        // D (+2.01) and D - 29 (+3); D - 30 (+20) is outside: bias (2.01 + 3) / 2 = 2.505
        // (with D - 30: 3 predictions, bias 25.01 / 3)
        assertThat(low.integer("predictions_graded")).isEqualTo(2);
        assertThat(low.decimal("bias")).isCloseTo(2.505, EXACT);
        assertThat(low.decimal("mae")).isCloseTo(2.505, EXACT);
        assertThat(low.date("window_start")).isEqualTo(LocalDate.of(2024, 1, 17));
    }

    @Test
    void tierBoundariesAreTheTens() {
        // 9.99 -> 0-9 (above), 10.0 -> 10-19 alone, 29.99 -> 20-29, 30.0 -> 30+
        ModelRow ten = tier(D, MOVING_AVERAGE, "10-19");
        assertThat(ten.integer("predictions_graded")).isEqualTo(1);
        assertThat(ten.decimal("bias")).isCloseTo(9 - 10.0, EXACT);
        ModelRow twenties = tier(D, MOVING_AVERAGE, "20-29");
        assertThat(twenties.integer("predictions_graded")).isEqualTo(1);
        assertThat(twenties.decimal("bias")).isCloseTo(26 - 29.99, EXACT);
        ModelRow thirty = tier(D, MOVING_AVERAGE, "30+");
        assertThat(thirty.integer("predictions_graded")).isEqualTo(1);
        assertThat(thirty.decimal("bias")).isCloseTo(33 - 30.0, EXACT);
    }

    @Test
    void suggestedAdjustmentShrinksSmallSamplesTowardZero() {
        // n = 20: bias (15 * 6 - 5 * 2) / 20 = 4.0, mae (90 + 10) / 20 = 5.0; 4.0 * 20 / (20 + 20) = 2.0
        ModelRow xgboost = tier(D, XGBOOST, "20-29");
        assertThat(xgboost.integer("predictions_graded")).isEqualTo(20);
        assertThat(xgboost.decimal("bias")).isCloseTo(4.0, EXACT);
        assertThat(xgboost.decimal("mae")).isCloseTo(5.0, EXACT);
        assertThat(xgboost.decimal("suggested_adjustment")).isCloseTo(2.0, EXACT);
        // n = 2: 2.505 * 2 / 22; n = 1: -1 * 1 / 21
        assertThat(tier(D, MOVING_AVERAGE, "0-9").decimal("suggested_adjustment")).isCloseTo(2.505 * 2 / 22, EXACT);
        assertThat(tier(D, MOVING_AVERAGE, "10-19").decimal("suggested_adjustment")).isCloseTo(-1.0 / 21, EXACT);
    }

    @Test
    void windowStaysInsideTheSeason() {
        // S's window starts 2023-07-12 and holds 2023-07-25, but that is 2022-23: only S's +2 counts
        // (with it: 2 predictions, bias (2 + 18) / 2 = 10)
        ModelRow onS = tier(S, MOVING_AVERAGE, "10-19");
        assertThat(fixture.runner().rows(MODEL, S)).hasSize(1);
        assertThat(onS.integer("predictions_graded")).isEqualTo(1);
        assertThat(onS.decimal("bias")).isCloseTo(2.0, EXACT);
        assertThat(onS.text("season")).isEqualTo("2023-24");
    }

    private static void graded(String gameId, String player, String system, double predicted, int points) {
        fixture.played(gameId, "GSW", player, 30.0, points)
               .prediction(gameId, "GSW", player, system, predicted, null, null, 0.5);
    }

    private static ModelRow tier(LocalDate date, String system, String tier) {
        return fixture.rowWhere(MODEL, date, Map.of("system_id", system, "scoring_tier", tier));
    }
}
