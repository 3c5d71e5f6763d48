package fullcourt.analytics.models;

import fullcourt.engine.testing.models.ModelRow;
import fullcourt.engine.testing.models.ModelRunner;
import fullcourt.engine.testing.models.RawRows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * upcoming_player_game_context before Boston's 13th game of 2023-24 (11-25), after twelve games
 * every other day from 11-01, in which b1 played eleven and missed one:
 * <pre>
 * date   11-01 11-03 11-05 11-07 11-09 11-11 11-13 11-15 11-17 11-19 11-21 11-23 | 11-25
 * points    40    20    22    24    26    28   DNP    30    32    34    36    38 |    50
 * minutes   40    30    32    34    36    38   DNP    36    34    32    30    28 |    40
 * </pre>
 * On 11-25 b8 plays his first game and b3 does not play; only b1 has a prop line.
 */
class UpcomingPlayerGameContextModelTest {

    private static final Offset<Double> EXACT = within(1e-9);
    private static final LocalDate GAME_DATE = LocalDate.of(2023, 11, 25);
    private static final String GAME = "20231125_BOS_NYK";
    private static final int[] B1_POINTS = {40, 20, 22, 24, 26, 28, -1, 30, 32, 34, 36, 38};
    private static final int[] B1_MINUTES = {40, 30, 32, 34, 36, 38, -1, 36, 34, 32, 30, 28};
    private static ModelRunner runner;

    @BeforeAll
    static void computeNovember() {
        runner = ModelRunner.withRawTables();
        RawRows raw = new RawRows(runner);
        for (int game = 0; game < B1_POINTS.length; game++) {
            LocalDate date = LocalDate.of(2023, 11, 1 + 2 * game);
            // Boston hosts the even-numbered games
            String gameId = date.toString().replace("-", "") + (game % 2 == 0 ? "_NYK_BOS" : "_BOS_NYK");
            raw.game(gameId, "2023-24", "regular");
            if (B1_POINTS[game] < 0) {
                raw.didNotPlay(gameId, "BOS", "b1", "Injury: hamstring");
            } else {
                raw.playerBox(gameId, "BOS", "b1", B1_MINUTES[game], scoring(B1_POINTS[game]));
            }
        }
        raw.game(GAME, "2023-24", "regular")
                .playerBox(GAME, "BOS", "b1", 40.0, scoring(50))
                .playerBox(GAME, "BOS", "b8", 12.0, scoring(4))
                .didNotPlay(GAME, "BOS", "b3", "Rest")
                // two captures of b1's line; the later one is the line at tip-off
                .propLine(GAME, "b1", 30.5, -110, -110, "2023-11-25 10:00:00")
                .propLine(GAME, "b1", 31.5, -115, -105, "2023-11-25 18:30:00");

        for (int day = 1; day <= 25; day += 2) {
            runner.runAll(AnalyticsModels.DEPENDENCY_ORDER, LocalDate.of(2023, 11, day));
        }
    }

    @AfterAll
    static void closeWarehouse() {
        runner.close();
    }

    /** A box line scoring {@code points} from two-point field goals (and one free throw when odd). */
    private static int[] scoring(int points) {
        //              pts     fgm          fga     3pm 3pa ftm         fta         orb drb ast stl blk tov pf
        return new int[] {points, points / 2, points, 0, 0, points % 2, points % 2, 0, 0, 0, 0, 0, 0, 0};
    }

    private static ModelRow context(String playerId) {
        return runner.row("upcoming_player_game_context", GAME_DATE, "player_id", playerId);
    }

    @Test
    void formAveragesTheLastFiveAndTenGamesPlayedBeforeTheDate() {
        ModelRow b1 = context("b1");

        // eleven games played; the 11-13 DNP does not count, nor does 11-25's 50 points
        assertThat(b1.integer("games_played_season")).isEqualTo(11);
        // last 5 played: 11-23, 11-21, 11-19, 11-17, 11-15
        assertThat(b1.decimal("points_avg_last_5")).isCloseTo((38 + 36 + 34 + 32 + 30) / 5.0, EXACT).isEqualTo(34.0);
        assertThat(b1.decimal("minutes_avg_last_5")).isCloseTo((28 + 30 + 32 + 34 + 36) / 5.0, EXACT).isEqualTo(32.0);
        // last 10 played: those five, then 11-11, 11-09, 11-07, 11-05, 11-03 (skipping the DNP; 11-01 is 11th)
        assertThat(b1.decimal("points_avg_last_10"))
                .isCloseTo((38 + 36 + 34 + 32 + 30 + 28 + 26 + 24 + 22 + 20) / 10.0, EXACT).isEqualTo(29.0);
        assertThat(b1.decimal("minutes_avg_last_10"))
                .isCloseTo((28 + 30 + 32 + 34 + 36 + 38 + 36 + 34 + 32 + 30) / 10.0, EXACT).isEqualTo(33.0);
        // all eleven: 290 + 40 = 330 points
        assertThat(b1.decimal("points_avg_season")).isCloseTo(330 / 11.0, EXACT);
    }

    @Test
    void minutesTrendIsTheLastFiveMinusTheLastTenAverage() {
        // 32.0 - 33.0: a slightly shrinking role
        assertThat(context("b1").decimal("minutes_trend")).isCloseTo(32.0 - 33.0, EXACT);
    }

    @Test
    void latestPropLineIsUsedWhenOneExists() {
        ModelRow b1 = context("b1");

        assertThat(b1.flag("has_prop_line")).isTrue();
        assertThat(b1.decimal("points_line")).isEqualTo(31.5);
        assertThat(b1.integer("over_odds")).isEqualTo(-115);
        assertThat(b1.integer("under_odds")).isEqualTo(-105);
    }

    @Test
    void playerWithoutPropLineOrEarlierGamesHasNulls() {
        ModelRow b8 = context("b8");

        assertThat(b8.flag("has_prop_line")).isFalse();
        assertThat(b8.isNull("points_line")).isTrue();
        assertThat(b8.isNull("over_odds")).isTrue();
        assertThat(b8.isNull("under_odds")).isTrue();
        assertThat(b8.integer("games_played_season")).isZero();
        assertThat(b8.isNull("points_avg_last_5")).isTrue();
        assertThat(b8.isNull("points_avg_last_10")).isTrue();
        assertThat(b8.isNull("minutes_trend")).isTrue();
    }

    @Test
    void rosterIncludesPlayersWhoDoNotPlayTheGame() {
        assertThat(runner.rows("upcoming_player_game_context", GAME_DATE))
                .extracting(row -> row.get("player_id"))
                .containsExactlyInAnyOrder("b1", "b3", "b8");
        ModelRow b3 = context("b3");
        assertThat(b3.text("team")).isEqualTo("BOS");
        assertThat(b3.text("opponent")).isEqualTo("NYK");
        assertThat(b3.flag("is_home")).isFalse();
    }

    @Test
    void teamRestComesFromTheTeamContext() {
        ModelRow b1 = context("b1");

        // previous game 11-23 -> 11-25
        assertThat(b1.integer("days_rest")).isEqualTo(2);
        assertThat(b1.flag("is_back_to_back")).isFalse();
        // window 11-18 .. 11-24: 11-19, 11-21, 11-23 (11-17 is 8 days before)
        assertThat(b1.integer("games_in_last_7_days")).isEqualTo(3);
    }
}
