package fullcourt.analytics.models;

import fullcourt.engine.testing.models.ModelRow;

import static fullcourt.analytics.models.OpeningWeek.OPENER_DATE;
import static fullcourt.analytics.models.OpeningWeek.OVERTIME_DATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** team_defense_game_summary on the opening-week fixture: the opponent's offense is the defense allowed. */
class TeamDefenseModelTest extends OpeningWeekTest {

    private static final Offset<Double> EXACT = within(1e-9);
    private static ModelRow defense(LocalDate date, String team) {
        return runner.row("team_defense_game_summary", date, "team", team);
    }

    @Test
    void defenseAllowedIsTheOpponentsOffense() {
        ModelRow bos = defense(OPENER_DATE, "BOS");

        // New York's line in the team source: 102 points, 38/90, 10/32 threes, 16/22 FT, 12 OREB, 14 TOV
        assertThat(bos.integer("points_allowed")).isEqualTo(102);
        assertThat(bos.integer("opp_fgm")).isEqualTo(38);
        assertThat(bos.integer("opp_fga")).isEqualTo(90);
        assertThat(bos.integer("opp_fg3m")).isEqualTo(10);
        assertThat(bos.integer("opp_fg3a")).isEqualTo(32);
        assertThat(bos.integer("opp_ftm")).isEqualTo(16);
        assertThat(bos.integer("opp_fta")).isEqualTo(22);
        assertThat(bos.integer("opp_oreb")).isEqualTo(12);
        assertThat(bos.integer("opp_tov")).isEqualTo(14);
        // opponent possessions = the game's possessions (team_offense_game_summary, both teams' box scores)
        double possessions = TeamOffenseModelTest.OPENER_POSSESSIONS;
        assertThat(bos.decimal("opp_possessions")).isCloseTo(possessions, EXACT);
        // defensive rating = 100 * points allowed / possessions: New York's offensive rating
        assertThat(bos.decimal("defensive_rating")).isCloseTo(100 * 102 / possessions, EXACT);
        assertThat(defense(OPENER_DATE, "NYK").decimal("defensive_rating")).isCloseTo(100 * 110 / possessions, EXACT);
        // defensive rebound share = DREB / (DREB + opponent OREB) = 35 / (35 + 12)
        assertThat(bos.decimal("dreb_pct")).isCloseTo(35.0 / 47, EXACT);
        assertThat(bos.text("opponent_source")).isEqualTo("team_box_scores");
    }

    @Test
    void defenseAgainstAReconstructedOpponentUsesItsRebuiltTotals() {
        ModelRow bos = defense(OVERTIME_DATE, "BOS");

        assertThat(bos.text("opponent_source")).isEqualTo("reconstructed");
        assertThat(bos.integer("points_allowed")).isEqualTo(30 + 25 + 20 + 20 + 13);
        // New York rebuilt: FGA 22+20+18+17+12 = 89, OREB 2+1+3+2+1 = 9, TOV 3+2+3+2+1 = 11, FTA 6+4+2+3+2 = 17;
        // the game's possessions from both rebuilt lines (TeamOffenseModelTest)
        assertThat(bos.decimal("defensive_rating"))
                .isCloseTo(100 * 108 / TeamOffenseModelTest.OVERTIME_POSSESSIONS, EXACT);
        assertThat(bos.integer("minutes")).isEqualTo(265);
    }

    @Test
    void shotZonesAllowedAreTheOpponentsShots() {
        // Boston's defense faced n2's shots: paint 7 (4 made), mid-range 3 (2), three 5 (1)
        ModelRow bos = defense(OPENER_DATE, "BOS");
        assertThat(bos.flag("has_shot_zones")).isTrue();
        assertThat(bos.integer("opp_paint_attempts")).isEqualTo(7);
        assertThat(bos.integer("opp_paint_makes")).isEqualTo(4);
        assertThat(bos.integer("opp_mid_range_attempts")).isEqualTo(3);
        assertThat(bos.integer("opp_mid_range_makes")).isEqualTo(2);
        assertThat(bos.integer("opp_three_attempts")).isEqualTo(5);
        assertThat(bos.integer("opp_three_makes")).isEqualTo(1);

        // New York's defense faced b1's and b2's shots added up
        ModelRow nyk = defense(OPENER_DATE, "NYK");
        assertThat(nyk.integer("opp_paint_attempts")).isEqualTo(8 + 6);
        assertThat(nyk.integer("opp_paint_makes")).isEqualTo(5 + 4);
        assertThat(nyk.integer("opp_mid_range_attempts")).isEqualTo(3 + 2);
        assertThat(nyk.integer("opp_mid_range_makes")).isEqualTo(2 + 1);
        assertThat(nyk.integer("opp_three_attempts")).isEqualTo(9 + 2);
        assertThat(nyk.integer("opp_three_makes")).isEqualTo(4 + 0);
    }

    @Test
    void shotZonesAllowedAreNullOnADateWithoutPlayByPlay() {
        ModelRow bos = defense(OVERTIME_DATE, "BOS");

        assertThat(bos.flag("has_shot_zones")).isFalse();
        for (String zone : new String[] {"opp_paint_attempts", "opp_paint_makes", "opp_mid_range_attempts",
            "opp_mid_range_makes", "opp_three_attempts", "opp_three_makes"}) {
            assertThat(bos.isNull(zone)).as(zone).isTrue();
        }
    }
}
