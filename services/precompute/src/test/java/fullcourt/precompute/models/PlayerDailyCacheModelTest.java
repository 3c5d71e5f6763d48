package fullcourt.precompute.models;

import fullcourt.engine.testing.models.ModelRow;
import fullcourt.engine.testing.models.ModelRunner;

import static fullcourt.precompute.models.EarlySeason.b1UsageRate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** player_daily_cache on the EarlySeason fixture; the arithmetic is in each test. */
class PlayerDailyCacheModelTest {

    private static final String MODEL = "player_daily_cache";
    private static final Offset<Double> EXACT = within(1e-9);
    private static final LocalDate GAME_6_DATE = EarlySeason.dateOfGame(6);
    private static final LocalDate GAME_7_DATE = EarlySeason.dateOfGame(7);

    private static ModelRunner runner;

    @BeforeAll
    static void compute() {
        runner = EarlySeason.withPrecompute(List.of(GAME_6_DATE, GAME_7_DATE, EarlySeason.D));
    }

    @AfterAll
    static void closeWarehouse() {
        runner.close();
    }

    @Test
    void pointsWindowsCountTheLastGamesPlayedBeforeTheDate() {
        ModelRow b1 = runner.row(MODEL, EarlySeason.D, "player_id", "b1");

        // 12 games before D: games 6-7 10 points, games 8-17 12, 14, ..., 30 (D's 48 is not one of them)
        assertThat(b1.integer("games_played_season")).isEqualTo(12);
        // last 5 = games 13-17: (22 + 24 + 26 + 28 + 30) / 5 = 26
        assertThat(b1.decimal("points_avg_last_5")).isCloseTo(26.0, EXACT);
        // last 10 = games 8-17: (12 + 30) / 2 = 21
        assertThat(b1.decimal("points_avg_last_10")).isCloseTo(21.0, EXACT);
        // season: (10 + 10 + 10 * 21) / 12
        assertThat(b1.decimal("points_avg_season")).isCloseTo(230.0 / 12, EXACT);
        // population SD of 12..30 around 21: deviations +-9, +-7, +-5, +-3, +-1
        // -> 2 * (81 + 49 + 25 + 9 + 1) / 10 = 33 (the sample SD would divide by 9)
        assertThat(b1.decimal("points_std_last_10")).isCloseTo(Math.sqrt(33), EXACT);
    }

    @Test
    void rateWindowsAverageTheLast10GamesPlayed() {
        ModelRow b1 = runner.row(MODEL, EarlySeason.D, "player_id", "b1");

        assertThat(b1.decimal("minutes_avg_last_10")).isCloseTo(30.0, EXACT);
        // games 8-12 with 2 turnovers, 13-17 with 5
        assertThat(b1.decimal("usage_rate_avg_last_10"))
                .isCloseTo((5 * b1UsageRate(2) + 5 * b1UsageRate(5)) / 10, EXACT);
        // ts_pct = points / (2 * (14 + 0.44 * 2)) = points / 29.76; averaged over games 8-17: 21 / 29.76
        assertThat(b1.decimal("ts_pct_avg_last_10")).isCloseTo(21 / 29.76, EXACT);
    }

    @Test
    void windowsStayInsideTheSeason() {
        // on game 6's date, b1's only earlier game is the 2022-23 finale (20 points)
        ModelRow firstGame = runner.row(MODEL, GAME_6_DATE, "player_id", "b1");
        assertThat(firstGame.integer("games_played_season")).isZero();
        assertThat(firstGame.isNull("points_avg_season")).isTrue();

        // on game 7's date: game 6 only (10 points); with the finale it would be (10 + 20) / 2 = 15, SD 5
        ModelRow secondGame = runner.row(MODEL, GAME_7_DATE, "player_id", "b1");
        assertThat(secondGame.integer("games_played_season")).isEqualTo(1);
        assertThat(secondGame.decimal("points_avg_season")).isCloseTo(10.0, EXACT);
        assertThat(secondGame.decimal("points_avg_last_5")).isCloseTo(10.0, EXACT);
        assertThat(secondGame.decimal("points_std_last_10")).isCloseTo(0.0, EXACT);
    }

    @Test
    void playerWithoutGamesHasZeroGamesAndNullAverages() {
        ModelRow b9 = runner.row(MODEL, EarlySeason.D, "player_id", "b9");

        assertThat(b9.integer("games_played_season")).isZero();
        for (String column : List.of("points_avg_last_5", "points_avg_last_10", "points_avg_season",
                "points_std_last_10", "minutes_avg_last_10", "usage_rate_avg_last_10", "ts_pct_avg_last_10")) {
            assertThat(b9.isNull(column)).as(column).isTrue();
        }
    }

    @Test
    void compositeScoresAreCopiedFromTheDatesCompositeFactors() {
        for (String player : List.of("b1", "b9", "p1", "m1")) {
            ModelRow cached = runner.row(MODEL, EarlySeason.D, "player_id", player);
            ModelRow factors = runner.row("player_composite_factors", EarlySeason.D, "player_id", player);
            for (String score : List.of("fatigue_score", "shot_zone_mismatch_score", "pace_score",
                    "usage_spike_score")) {
                assertThat(cached.decimal(score)).as(player + " " + score).isEqualTo(factors.decimal(score));
            }
        }
        // e.g. b1's fatigue: back-to-back 40 + 4 games in 7 days 40 + 30 minutes 15
        assertThat(runner.row(MODEL, EarlySeason.D, "player_id", "b1").decimal("fatigue_score")).isEqualTo(95.0);
    }
}
