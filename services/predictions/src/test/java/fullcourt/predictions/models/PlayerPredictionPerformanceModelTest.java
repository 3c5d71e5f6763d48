package fullcourt.predictions.models;

import static fullcourt.predictions.models.GradingRows.MOVING_AVERAGE;
import static fullcourt.predictions.models.GradingRows.XGBOOST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fullcourt.engine.testing.models.ModelRow;
import java.time.LocalDate;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** player_prediction_performance on the TrailingSeason fixture; the arithmetic is in each test. */
class PlayerPredictionPerformanceModelTest {

    private static final String MODEL = "player_prediction_performance";
    private static final Offset<Double> EXACT = within(1e-9);
    private static final LocalDate D = TrailingSeason.D;
    private static final LocalDate GAME_3_DATE = TrailingSeason.dateOfGame(3);

    private static GradingRows fixture;

    @BeforeAll
    static void compute() {
        fixture = TrailingSeason.graded();
        fixture.runner().run(MODEL, D);
        // after every later partition exists, as on a rerun of an old date
        fixture.runner().run(MODEL, GAME_3_DATE);
    }

    @AfterAll
    static void closeWarehouse() {
        fixture.runner().close();
    }

    @Test
    void oneRowPerPlayerAndSystemGradedOnTheDate() {
        // k1 by both systems, k2 by moving_average; k3 did not play on D
        assertThat(fixture.runner().rows(MODEL, D)).extracting(r -> r.get("player_id") + "/" + r.get("system_id"))
                .containsExactlyInAnyOrder("k1/moving_average", "k1/xgboost", "k2/moving_average");
        ModelRow k1 = fixture.row(MODEL, D, "k1", MOVING_AVERAGE);
        assertThat(k1.text("game_id")).isEqualTo(TrailingSeason.game(13));
        assertThat(k1.text("team")).isEqualTo("BOS");
        assertThat(k1.text("season")).isEqualTo("2023-24");
    }

    @Test
    void last10CountsGradedGamesAndDropsThe11thBack() {
        ModelRow k1 = fixture.row(MODEL, D, "k1", MOVING_AVERAGE);

        // graded games 1-6 and 8-13 (game 7 was a DNP): the last 10 are 3-6, 8-13, D's included;
        // game 2 is the 11th back. Errors: games 3-6, 8 +3 each; games 9-13 -1 each
        // mae (5 * 3 + 5 * 1) / 10 = 2.0; bias (15 - 5) / 10 = 1.0
        // (with game 2's +20: mae 40 / 11; counting the last 10 dates instead, games 4-13 without 7:
        //  9 games, mae (4 * 3 + 5) / 9)
        assertThat(k1.integer("games_graded_last_10")).isEqualTo(10);
        assertThat(k1.decimal("mae_last_10")).isCloseTo(2.0, EXACT);
        assertThat(k1.decimal("bias_last_10")).isCloseTo(1.0, EXACT);
        // calls with a result: OVER on 3-6, 8 (all right), UNDER on 9-10 (right), OVER on 11 (wrong);
        // PASS on 12-13 -> 7 right of 8
        assertThat(k1.integer("recommendations_last_10")).isEqualTo(8);
        assertThat(k1.integer("correct_last_10")).isEqualTo(7);
        assertThat(k1.decimal("hit_rate_last_10")).isCloseTo(7.0 / 8, EXACT);
    }

    @Test
    void seasonToDateHoldsEveryGradedGameOfTheSeasonOnly() {
        ModelRow k1 = fixture.row(MODEL, D, "k1", MOVING_AVERAGE);

        // 12 graded games of 2023-24: (2 * 20 + 5 * 3 + 5 * 1) / 12 = 60 / 12 = 5.0
        // (with the 2022-23 finale's |-15|: 75 / 13)
        assertThat(k1.integer("games_graded_season_to_date")).isEqualTo(12);
        assertThat(k1.decimal("mae_season_to_date")).isCloseTo(5.0, EXACT);
    }

    @Test
    void eachSystemHasItsOwnWindow() {
        ModelRow xgboost = fixture.row(MODEL, D, "k1", XGBOOST);

        // xgboost predicted k1 only in games 11-13: 3 graded games, error 19 - 18 = +1 each, UNDER right each time
        assertThat(xgboost.integer("games_graded_last_10")).isEqualTo(3);
        assertThat(xgboost.decimal("mae_last_10")).isCloseTo(1.0, EXACT);
        assertThat(xgboost.decimal("bias_last_10")).isCloseTo(1.0, EXACT);
        assertThat(xgboost.decimal("hit_rate_last_10")).isCloseTo(1.0, EXACT);
        assertThat(xgboost.integer("games_graded_season_to_date")).isEqualTo(3);
    }

    @Test
    void playerWithoutCallsHasNoHitRate() {
        ModelRow k2 = fixture.row(MODEL, D, "k2", MOVING_AVERAGE);

        // games 12 and 13 without a line: errors 12 - 10 = +2 and 8 - 10 = -2
        assertThat(k2.integer("games_graded_last_10")).isEqualTo(2);
        assertThat(k2.decimal("mae_last_10")).isCloseTo(2.0, EXACT);
        assertThat(k2.decimal("bias_last_10")).isCloseTo(0.0, EXACT);
        assertThat(k2.integer("recommendations_last_10")).isZero();
        assertThat(k2.isNull("hit_rate_last_10")).isTrue();
    }

    @Test
    void earlierDateReadsNeitherLaterDatesNorThePreviousSeason() {
        ModelRow k1 = fixture.row(MODEL, GAME_3_DATE, "k1", MOVING_AVERAGE);

        // games 1-3 only: errors +20, +20, +3 -> mae = bias = 43 / 3, 3 OVER calls all right
        // (with the finale: 4 games and mae 58 / 4; with the later dates: 10 games)
        assertThat(k1.integer("games_graded_last_10")).isEqualTo(3);
        assertThat(k1.decimal("mae_last_10")).isCloseTo(43.0 / 3, EXACT);
        assertThat(k1.decimal("bias_last_10")).isCloseTo(43.0 / 3, EXACT);
        assertThat(k1.decimal("hit_rate_last_10")).isCloseTo(1.0, EXACT);
        assertThat(k1.integer("games_graded_season_to_date")).isEqualTo(3);
    }
}
