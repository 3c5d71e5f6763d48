package fullcourt.analytics.models;

import fullcourt.engine.testing.models.ModelRow;

import static fullcourt.analytics.models.OpeningWeek.OPENER;
import static fullcourt.analytics.models.OpeningWeek.OPENER_DATE;
import static fullcourt.analytics.models.OpeningWeek.OVERTIME_DATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
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

        // b1: 20 FGA, 5 FTA, 3 TOV in 36 minutes; Boston (team source): 88 FGA, 20 FTA, 12 TOV, 240 minutes
        // usage = 100 * ((20 + 0.44 * 5 + 3) * (240 / 5)) / (36 * (88 + 0.44 * 20 + 12))
        //       = 100 * (25.2 * 48) / (36 * 108.8) = 100 * 1209.6 / 3916.8 = 30.88...
        assertThat(b1.decimal("usage_rate")).isCloseTo(100 * 1209.6 / 3916.8, EXACT);
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
