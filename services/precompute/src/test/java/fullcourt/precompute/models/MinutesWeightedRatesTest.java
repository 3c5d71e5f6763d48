package fullcourt.precompute.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fullcourt.engine.testing.models.ModelRow;
import fullcourt.engine.testing.models.ModelRunner;
import fullcourt.engine.testing.models.RawRows;
import java.time.LocalDate;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Phase 4's rolling and season rates weight each game by what it holds (usage by minutes, true
 * shooting by attempts, defensive rating by possessions) instead of averaging per-game rates: a
 * hand-made history of three Boston games of w1 with a 90-second cameo in the middle, New York slow
 * in that game, then D.
 *
 * <pre>
 *            min  FGA FTA TOV pts   usage_rate (Boston: 240 minutes, 85 FGA, 20 FTA, w1's turnovers)
 *   game 1   36   20   4   3   24   100 * (20 + 1.76 + 3) * 48 / (36 * (85 + 8.8 + 3))  = 34.10
 *   game 2    1.5  2   0   0    0   100 * 2 * 48 / (1.5 * (85 + 8.8 + 0))             = 68.23
 *   game 3   30   15   2   2   18   100 * (15 + 0.88 + 2) * 48 / (30 * (85 + 8.8 + 2)) = 29.86
 * </pre>
 */
class MinutesWeightedRatesTest {

    private static final Offset<Double> EXACT = within(1e-9);
    private static final String[] GAMES = {"20231101_NYK_BOS", "20231103_NYK_BOS", "20231105_NYK_BOS", "20231107_NYK_BOS"};
    private static final LocalDate D = RawRows.dateOf(GAMES[3]);

    private static final double USAGE_1 = 100 * (20 + 0.44 * 4 + 3) * 48 / (36 * (85 + 0.44 * 20 + 3));
    private static final double USAGE_2 = 100 * (2 + 0.44 * 0 + 0) * 48 / (1.5 * (85 + 0.44 * 20 + 0));
    private static final double USAGE_3 = 100 * (15 + 0.44 * 2 + 2) * 48 / (30 * (85 + 0.44 * 20 + 2));

    private static ModelRunner runner;

    @BeforeAll
    static void compute() {
        runner = ModelRunner.withRawTables();
        RawRows raw = new RawRows(runner);
        for (String game : GAMES) {
            //                              min  ot  pts fgm fga 3pm 3pa ftm fta orb drb ast stl blk tov pf
            raw.game(game, "2023-24", "regular")
               .teamBox(game, "BOS", 240, 0, 100, 38, 85,  8, 28, 16, 20, 10, 35, 22,  7,  5, 12, 18);
            if (game.equals(GAMES[1])) {
                // a slow game of New York's: 80 points on fewer possessions
                raw.teamBox(game, "NYK", 240, 0,  80, 30, 70,  5, 20, 15, 20,  6, 30, 15,  5,  3, 10, 20);
            } else {
                raw.teamBox(game, "NYK", 240, 0, 110, 40, 84, 10, 30, 20, 25, 10, 30, 20,  5,  3, 15, 20);
            }
        }
        //                                 min   pts fgm fga 3pm 3pa ftm fta orb drb ast stl blk tov pf
        raw.playerBox(GAMES[0], "BOS", "w1", 36.0, 24, 10, 20,  2,  6,  2,  4,  1,  5,  3,  1,  0,  3,  2)
           .playerBox(GAMES[1], "BOS", "w1",  1.5,  0,  0,  2,  0,  1,  0,  0,  0,  0,  0,  0,  0,  0,  0)
           .playerBox(GAMES[2], "BOS", "w1", 30.0, 18,  7, 15,  2,  5,  2,  2,  1,  4,  2,  1,  0,  2,  2)
           .playerBox(GAMES[3], "BOS", "w1", 30.0, 10,  4, 10,  0,  2,  2,  2,  0,  3,  1,  0,  0,  1,  1);
        for (String game : GAMES) {
            runner.runAll(PrecomputeModels.ANALYTICS_UPSTREAMS, RawRows.dateOf(game));
        }
        runner.runAll(PrecomputeModels.PRECOMPUTE_MODELS, D);
    }

    @AfterAll
    static void close() {
        runner.close();
    }

    @Test
    void theCameoCountsForItsMinutesNotAsAWholeGame() {
        double plainMean = (USAGE_1 + USAGE_2 + USAGE_3) / 3;
        double weighted = (USAGE_1 * 36 + USAGE_2 * 1.5 + USAGE_3 * 30) / (36 + 1.5 + 30);
        // the 90-second game alone lifts the plain mean by 11 points: 44.06 against 32.98
        assertThat(plainMean - weighted).isGreaterThan(11);

        ModelRow cache = runner.row("player_daily_cache", D, "player_id", "w1");
        assertThat(cache.decimal("usage_rate_avg_last_10")).isCloseTo(weighted, EXACT);

        ModelRow factors = runner.row("player_composite_factors", D, "player_id", "w1");
        assertThat(factors.decimal("usage_rate_avg_season")).isCloseTo(weighted, EXACT);
        assertThat(factors.decimal("usage_rate_avg_last_5")).isCloseTo(weighted, EXACT);
        assertThat(runner.row("ml_feature_store_v2", D, "player_id", "w1").decimal("usage_rate_avg_last_10"))
                .isCloseTo(weighted, EXACT);
    }

    @Test
    void defensiveRatingOfTheWindowWeighsEachGameByItsPossessions() {
        // Boston's defense: New York's 110 points in games 1 and 3, 80 in the slow game 2; possessions
        // (Basketball-Reference, both teams' lines):
        //   games 1, 3: (84 + 0.4 * 25 - 1.07 * 10 / (10 + 35) * (84 - 40) + 15
        //                + 85 + 0.4 * 20 - 1.07 * 10 / (10 + 30) * (85 - 38) + 12) / 2 = 95.48
        //   game 2:     (70 + 0.4 * 20 - 1.07 * 6 / (6 + 35) * (70 - 30) + 10
        //                + 85 + 0.4 * 20 - 1.07 * 10 / (10 + 30) * (85 - 38) + 12) / 2 = 87.08
        double fast = ((84 + 0.4 * 25 - 1.07 * 10 / (10 + 35) * (84 - 40) + 15)
                + (85 + 0.4 * 20 - 1.07 * 10 / (10 + 30) * (85 - 38) + 12)) / 2;
        double slow = ((70 + 0.4 * 20 - 1.07 * 6 / (6 + 35) * (70 - 30) + 10)
                + (85 + 0.4 * 20 - 1.07 * 10 / (10 + 30) * (85 - 38) + 12)) / 2;
        double weighted = 100.0 * (110 + 80 + 110) / (fast + slow + fast);
        double plainMean = (100 * 110 / fast + 100 * 80 / slow + 100 * 110 / fast) / 3;
        assertThat(Math.abs(weighted - plainMean)).isGreaterThan(0.1);

        assertThat(runner.row("team_defense_zone_analysis", D, "team", "BOS").decimal("defensive_rating_avg"))
                .isCloseTo(weighted, EXACT);
    }

    @Test
    void trueShootingOfTheWindowIsItsPointsOverItsAttempts() {
        // 42 points on 2 * ((20 + 0.44 * 4) + (2 + 0) + (15 + 0.44 * 2)) true-shooting attempts = .530;
        // the mean of the three games' .551, .000 and .567 would be .373
        double pooled = (24 + 0 + 18) / (2 * ((20 + 0.44 * 4) + (2 + 0.44 * 0) + (15 + 0.44 * 2)));
        double plainMean = (24 / (2 * (20 + 0.44 * 4)) + 0.0 + 18 / (2 * (15 + 0.44 * 2))) / 3;
        assertThat(pooled - plainMean).isGreaterThan(0.15);

        assertThat(runner.row("player_daily_cache", D, "player_id", "w1").decimal("ts_pct_avg_last_10"))
                .isCloseTo(pooled, EXACT);
    }

    @Test
    void gamesWithoutAUsageRateLeaveBothSums() {
        // a game under 1 minute has no usage_rate (player_game_summary): its minutes must not dilute the rate
        runner.execute("UPDATE analytics.player_game_summary SET usage_rate = NULL WHERE player_id = 'w1'"
                + " AND game_id = '" + GAMES[1] + "'");
        try {
            runner.run("player_daily_cache", D);

            ModelRow cache = runner.row("player_daily_cache", D, "player_id", "w1");
            assertThat(cache.decimal("usage_rate_avg_last_10")).isCloseTo((USAGE_1 * 36 + USAGE_3 * 30) / (36 + 30), EXACT);
            // the minutes average still counts the game
            assertThat(cache.decimal("minutes_avg_last_10")).isCloseTo((36 + 1.5 + 30) / 3, EXACT);
        } finally {
            runner.run("player_game_summary", RawRows.dateOf(GAMES[1]));
            runner.run("player_daily_cache", D);
        }
    }
}
