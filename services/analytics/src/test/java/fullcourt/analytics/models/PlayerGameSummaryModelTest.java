package fullcourt.analytics.models;

import fullcourt.engine.testing.models.ModelRow;
import fullcourt.engine.testing.models.ModelRunner;
import fullcourt.engine.testing.models.RawRows;

import static fullcourt.analytics.models.OpeningWeek.OPENER;
import static fullcourt.analytics.models.OpeningWeek.OPENER_DATE;
import static fullcourt.analytics.models.OpeningWeek.OVERTIME_DATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** player_game_summary on the opening-week fixture: usage from team totals, shot zones, DNP rows. */
class PlayerGameSummaryModelTest extends OpeningWeekTest {

    private static final Offset<Double> EXACT = within(1e-9);
    private static final String[] ZONE_COLUMNS = {"paint_attempts", "paint_makes", "mid_range_attempts",
        "mid_range_makes", "three_attempts", "three_makes", "assisted_makes", "unassisted_makes"};
    private static ModelRow player(LocalDate date, String playerId) {
        return runner.row("player_game_summary", date, "player_id", playerId);
    }

    @Test
    void usageRateUsesTeamTotalsOfTheSameGame() {
        ModelRow b1 = player(OPENER_DATE, "b1");

        // b1: 20 FGA, 5 FTA, 3 TOV in 36 minutes; Boston (team source): 88 FGA, 20 FTA, 240 minutes, and
        // of its 12 turnovers those credited to its players: b1's 3 + b2's 1 = 4 (the fixture lists two
        // players; the other 8 count as team turnovers, which no player used)
        // usage = 100 * ((20 + 0.44 * 5 + 3) * (240 / 5)) / (36 * (88 + 0.44 * 20 + 4))
        //       = 100 * (25.2 * 48) / (36 * 100.8) = 100 * 1209.6 / 3628.8 = 33.33...
        assertThat(b1.decimal("usage_rate")).isCloseTo(100 * 1209.6 / 3628.8, EXACT);
        assertThat(b1.integer("team_minutes")).isEqualTo(240);
        assertThat(b1.text("game_id")).isEqualTo(OPENER);
        assertThat(b1.text("season")).isEqualTo("2023-24");
        assertThat(b1.text("team")).isEqualTo("BOS");
        assertThat(b1.text("opponent")).isEqualTo("NYK");
        assertThat(b1.flag("is_home")).isTrue();
        assertThat(player(OPENER_DATE, "n2").flag("is_home")).isFalse();
    }

    @Test
    void usageRateInAReconstructedOvertimeGameUsesTheRebuiltTeamTotals() {
        ModelRow b1 = player(OVERTIME_DATE, "b1");

        // b1: 25 FGA, 8 FTA, 4 TOV in 48 minutes; Boston rebuilt: 86 FGA, 19 FTA, 12 TOV, 265 minutes
        // usage = 100 * ((25 + 0.44 * 8 + 4) * (265 / 5)) / (48 * (86 + 0.44 * 19 + 12))
        //       = 100 * (32.52 * 53) / (48 * 106.36)
        assertThat(b1.decimal("usage_rate")).isCloseTo(100 * (32.52 * 53) / (48 * 106.36), EXACT);
        assertThat(b1.integer("team_minutes")).isEqualTo(265);
    }

    @Test
    void cameosHaveNoUsageBelowAMinuteAndNeverAboveOneHundred() {
        try (ModelRunner cameos = ModelRunner.withRawTables()) {
            String game = "20231101_NYK_BOS";
            LocalDate date = RawRows.dateOf(game);
            //                                  min  ot  pts fgm fga 3pm 3pa ftm fta orb drb ast stl blk tov pf
            new RawRows(cameos).game(game, "2023-24", "regular")
                    .teamBox(game, "BOS", 240, 0, 100, 40, 90, 10, 30, 10, 12, 10, 35, 20,  6,  4, 12, 18)
                    .teamBox(game, "NYK", 240, 0,  98, 38, 88, 10, 28, 12, 16, 11, 33, 21,  7,  5, 13, 19)
                    //                              min   pts fgm fga 3pm 3pa ftm fta orb drb ast stl blk tov pf
                    .playerBox(game, "BOS", "b1", 35.7,   20,  8, 18, 2,  6, 2, 2, 1, 5, 3, 1, 0, 11, 2)
                    // 18 seconds, 2 missed shots: the estimate is 100 * 2 * 48 / (0.3 * (90 + 5.28 + 12)) = 298%
                    .playerBox(game, "BOS", "c1", 0.3,     0,  0,  2, 0,  0, 0, 0, 0, 0, 0, 0, 0,  0, 0)
                    // 3 minutes, 6 shots, 2 free throws and a turnover: 117.5%, more than all the team's plays
                    .playerBox(game, "BOS", "c2", 3.0,     9,  3,  6, 1,  2, 2, 2, 0, 0, 0, 0, 0,  1, 0);
            cameos.runAll(List.of("team_offense_game_summary", "player_game_summary"), date);

            ModelRow c1 = cameos.row("player_game_summary", date, "player_id", "c1");
            assertThat(c1.decimal("minutes")).isEqualTo(0.3);
            assertThat(c1.isNull("usage_rate")).isTrue();
            assertThat(c1.decimal("ts_pct")).isZero();

            // Boston's plays: 90 FGA + 0.44 * 12 FTA + 12 turnovers credited to b1, c1, c2 (11 + 0 + 1)
            double c2Estimate = 100 * (6 + 0.44 * 2 + 1) * 48 / (3.0 * (90 + 0.44 * 12 + 12));
            assertThat(c2Estimate).isGreaterThan(117).isLessThan(118);
            assertThat(cameos.row("player_game_summary", date, "player_id", "c2").decimal("usage_rate"))
                    .isEqualTo(100.0);
            // b1 is an ordinary line: 100 * (18 + 0.88 + 11) * 48 / (35.7 * 107.28)
            assertThat(cameos.row("player_game_summary", date, "player_id", "b1").decimal("usage_rate"))
                    .isCloseTo(100 * (18 + 0.44 * 2 + 11) * 48 / (35.7 * (90 + 0.44 * 12 + 12)), EXACT);
            // and the date passes its output checks (usage present for both players of 1+ minutes, none above 100)
            assertThat(cameos.query(ModelRunner.modelSql("player_game_summary.checks"), date)).isEmpty();
        }
    }

    @Test
    void trueShootingCountsFreeThrowAttemptsAtPointFortyFour() {
        // ts = points / (2 * (FGA + 0.44 * FTA)) = 30 / (2 * (20 + 2.2)) = 30 / 44.4
        assertThat(player(OPENER_DATE, "b1").decimal("ts_pct")).isCloseTo(30 / 44.4, EXACT);
    }

    @Test
    void shotZonesCountAttemptsMakesAndAssistedMakes() {
        ModelRow b1 = player(OPENER_DATE, "b1");

        assertThat(b1.flag("has_shot_zones")).isTrue();
        assertThat(b1.integer("paint_attempts")).isEqualTo(8);
        assertThat(b1.integer("paint_makes")).isEqualTo(5);
        assertThat(b1.integer("mid_range_attempts")).isEqualTo(3);
        assertThat(b1.integer("mid_range_makes")).isEqualTo(2);
        assertThat(b1.integer("three_attempts")).isEqualTo(9).isEqualTo(b1.integer("fg3a"));
        assertThat(b1.integer("three_makes")).isEqualTo(4).isEqualTo(b1.integer("fg3m"));
        // assisted: 3 in the paint + 0 mid-range + 4 threes; the other 11 - 7 makes were unassisted
        assertThat(b1.integer("assisted_makes")).isEqualTo(3 + 0 + 4);
        assertThat(b1.integer("unassisted_makes")).isEqualTo(11 - 7);
        // rates over all 8 + 3 + 9 = 20 attempts (= FGA), assisted share over 11 makes (= FGM)
        assertThat(b1.decimal("paint_rate")).isCloseTo(8 / 20.0, EXACT);
        assertThat(b1.decimal("mid_range_rate")).isCloseTo(3 / 20.0, EXACT);
        assertThat(b1.decimal("three_rate")).isCloseTo(9 / 20.0, EXACT);
        assertThat(b1.decimal("assisted_rate")).isCloseTo(7 / 11.0, EXACT);
    }

    @Test
    void playerWithoutAttemptsHasZeroZonesOnADateWithPlayByPlay() {
        ModelRow n1 = player(OPENER_DATE, "n1");

        assertThat(n1.flag("has_shot_zones")).isTrue();
        for (String zone : ZONE_COLUMNS) {
            assertThat(n1.integer(zone)).as(zone).isZero();
        }
        assertThat(n1.isNull("paint_rate")).isTrue();
        assertThat(n1.decimal("minutes")).isEqualTo(10.0);
        assertThat(n1.decimal("usage_rate")).isPositive();
    }

    @Test
    void dnpRowKeepsItsReasonWithoutMinutesOrUsage() {
        ModelRow b3 = player(OPENER_DATE, "b3");

        assertThat(b3.text("dnp_reason")).isEqualTo("Coach's decision");
        assertThat(b3.isNull("minutes")).isTrue();
        assertThat(b3.isNull("usage_rate")).isTrue();
        assertThat(b3.isNull("ts_pct")).isTrue();
        assertThat(b3.isNull("points")).isTrue();
        assertThat(b3.text("team")).isEqualTo("BOS");
        // the date has play-by-play, and b3 took no shots
        assertThat(b3.integer("paint_attempts")).isZero();
        assertThat(player(OVERTIME_DATE, "b3").text("dnp_reason")).isEqualTo("Injury: ankle");
    }

    @Test
    void shotZonesAreNullOnADateWithoutPlayByPlay() {
        ModelRow b1 = player(OVERTIME_DATE, "b1");

        assertThat(b1.flag("has_shot_zones")).isFalse();
        for (String zone : ZONE_COLUMNS) {
            assertThat(b1.isNull(zone)).as(zone).isTrue();
        }
        assertThat(b1.isNull("paint_rate")).isTrue();
        // the box score still counts
        assertThat(b1.integer("points")).isEqualTo(35);
        assertThat(b1.integer("reb")).isEqualTo(1 + 7);
    }

    @Test
    void everyBoxScoreRowIsAPlayerRow() {
        // opener: b1, b2, b3 (DNP), n1, n2; overtime game: b1-b7 and n1-n5
        assertThat(runner.rows("player_game_summary", OPENER_DATE)).hasSize(5);
        assertThat(runner.rows("player_game_summary", OVERTIME_DATE)).hasSize(7 + 5);
    }
}
