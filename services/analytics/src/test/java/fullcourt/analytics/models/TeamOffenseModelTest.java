package fullcourt.analytics.models;

import fullcourt.engine.testing.models.ModelRow;

import static fullcourt.analytics.models.OpeningWeek.BACK_TO_BACK_DATE;
import static fullcourt.analytics.models.OpeningWeek.OPENER;
import static fullcourt.analytics.models.OpeningWeek.OPENER_DATE;
import static fullcourt.analytics.models.OpeningWeek.OVERTIME_DATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** team_offense_game_summary on the opening-week fixture, against totals worked out by hand. */
class TeamOffenseModelTest extends OpeningWeekTest {

    private static final Offset<Double> EXACT = within(1e-9);
    private static ModelRow offense(LocalDate date, String team) {
        return runner.row("team_offense_game_summary", date, "team", team);
    }

    @Test
    void teamTotalsComeFromTheTeamSourceWhenItHasTheGame() {
        ModelRow bos = offense(OPENER_DATE, "BOS");

        assertThat(bos.text("team_source")).isEqualTo("team_box_scores");
        assertThat(bos.text("game_id")).isEqualTo(OPENER);
        assertThat(bos.text("season")).isEqualTo("2023-24");
        assertThat(bos.text("season_type")).isEqualTo("regular");
        assertThat(bos.text("opponent")).isEqualTo("NYK");
        assertThat(bos.flag("is_home")).isTrue();
        assertThat(bos.integer("minutes")).isEqualTo(240);
        assertThat(bos.integer("overtime_periods")).isZero();
        assertThat(bos.integer("points")).isEqualTo(110);
        assertThat(bos.integer("fga")).isEqualTo(88);
        assertThat(bos.integer("reb")).isEqualTo(10 + 35);
        // possessions = FGA - OREB + TOV + 0.44 * FTA = 88 - 10 + 12 + 0.44 * 20 = 98.8
        assertThat(bos.decimal("possessions")).isCloseTo(98.8, EXACT);
        // offensive rating = 100 * points / possessions
        assertThat(bos.decimal("offensive_rating")).isCloseTo(100 * 110 / 98.8, EXACT);
        // pace = 48 * possessions / (minutes / 5) = 48 * 98.8 / 48: in regulation, the possessions
        assertThat(bos.decimal("pace")).isCloseTo(98.8, EXACT);
        // effective FG% = (FGM + 0.5 * 3PM) / FGA = (40 + 7) / 88
        assertThat(bos.decimal("efg_pct")).isCloseTo(47.0 / 88, EXACT);
        // true shooting = points / (2 * (FGA + 0.44 * FTA)) = 110 / (2 * 96.8)
        assertThat(bos.decimal("ts_pct")).isCloseTo(110 / 193.6, EXACT);

        ModelRow nyk = offense(OPENER_DATE, "NYK");
        assertThat(nyk.flag("is_home")).isFalse();
        assertThat(nyk.text("opponent")).isEqualTo("BOS");
        // 90 - 12 + 14 + 0.44 * 22 = 92 + 9.68
        assertThat(nyk.decimal("possessions")).isCloseTo(101.68, EXACT);
    }

    @Test
    void gameMissingFromTheTeamSourceIsReconstructedFromPlayerBoxScores() {
        ModelRow bos = offense(OVERTIME_DATE, "BOS");

        assertThat(bos.text("team_source")).isEqualTo("reconstructed");
        // sums of b1, b2, b4, b5, b6, b7; b3 did not play and adds nothing
        assertThat(bos.integer("points")).isEqualTo(35 + 20 + 18 + 16 + 12 + 10).isEqualTo(111);
        assertThat(bos.integer("fgm")).isEqualTo(12 + 8 + 7 + 6 + 5 + 4).isEqualTo(42);
        assertThat(bos.integer("fga")).isEqualTo(25 + 15 + 14 + 12 + 11 + 9).isEqualTo(86);
        assertThat(bos.integer("fg3m")).isEqualTo(5 + 2 + 2 + 0 + 1 + 2).isEqualTo(12);
        assertThat(bos.integer("fg3a")).isEqualTo(11 + 5 + 6 + 1 + 4 + 5).isEqualTo(32);
        assertThat(bos.integer("ftm")).isEqualTo(6 + 2 + 2 + 4 + 1 + 0).isEqualTo(15);
        assertThat(bos.integer("fta")).isEqualTo(8 + 2 + 3 + 4 + 2 + 0).isEqualTo(19);
        assertThat(bos.integer("oreb")).isEqualTo(1 + 2 + 0 + 3 + 2 + 1).isEqualTo(9);
        assertThat(bos.integer("dreb")).isEqualTo(7 + 5 + 4 + 8 + 3 + 2).isEqualTo(29);
        assertThat(bos.integer("reb")).isEqualTo(9 + 29);
        assertThat(bos.integer("ast")).isEqualTo(6 + 3 + 5 + 1 + 2 + 4).isEqualTo(21);
        assertThat(bos.integer("stl")).isEqualTo(1 + 0 + 2 + 0 + 1 + 1).isEqualTo(5);
        assertThat(bos.integer("blk")).isEqualTo(0 + 1 + 0 + 2 + 0 + 0).isEqualTo(3);
        assertThat(bos.integer("tov")).isEqualTo(4 + 2 + 1 + 2 + 1 + 2).isEqualTo(12);
        assertThat(bos.integer("pf")).isEqualTo(3 + 4 + 2 + 5 + 3 + 1).isEqualTo(18);
        // the rebuilt points agree with the rebuilt shooting: 2 * (42 - 12) + 3 * 12 + 15 = 111
        assertThat(2 * (42 - 12) + 3 * 12 + 15).isEqualTo(111);

        ModelRow nyk = offense(OVERTIME_DATE, "NYK");
        assertThat(nyk.text("team_source")).isEqualTo("reconstructed");
        assertThat(nyk.integer("points")).isEqualTo(30 + 25 + 20 + 20 + 13);
        // 89 - 9 + 11 + 0.44 * 17 = 91 + 7.48
        assertThat(nyk.decimal("possessions")).isCloseTo(98.48, EXACT);
    }

    @Test
    void overtimeGameCountsTwentyFiveMoreTeamMinutesAndPaceAdjusts() {
        ModelRow bos = offense(OVERTIME_DATE, "BOS");

        // player minutes 48 + 46 + 45 + 44 + 41 + 40 = 264; (264 - 240) / 25 = 0.96 rounds to 1 period
        assertThat(bos.integer("overtime_periods")).isEqualTo(1);
        assertThat(bos.integer("minutes")).isEqualTo(240 + 25);
        // possessions = 86 - 9 + 12 + 0.44 * 19 = 97.36
        assertThat(bos.decimal("possessions")).isCloseTo(97.36, EXACT);
        assertThat(bos.decimal("offensive_rating")).isCloseTo(100 * 111 / 97.36, EXACT);
        // pace = 48 * 97.36 / (265 / 5): the same possessions spread over 53 game minutes, not 48
        assertThat(bos.decimal("pace")).isCloseTo(48 * 97.36 / 53, EXACT).isLessThan(97.36);

        // New York: five players at 53 minutes = 265 exactly
        ModelRow nyk = offense(OVERTIME_DATE, "NYK");
        assertThat(nyk.integer("minutes")).isEqualTo(265);
        assertThat(nyk.integer("overtime_periods")).isEqualTo(1);
    }

    @Test
    void everyScheduledTeamGetsARowEvenWhenNoSourceHasTheGame() {
        assertThat(runner.rows("team_offense_game_summary", BACK_TO_BACK_DATE)).hasSize(2);
        ModelRow nyk = offense(BACK_TO_BACK_DATE, "NYK");

        assertThat(nyk.text("team_source")).isEqualTo("missing");
        assertThat(nyk.flag("is_home")).isTrue();
        assertThat(nyk.text("opponent")).isEqualTo("BOS");
        assertThat(nyk.isNull("points")).isTrue();
        assertThat(nyk.isNull("possessions")).isTrue();
        assertThat(nyk.isNull("offensive_rating")).isTrue();
        assertThat(nyk.isNull("pace")).isTrue();
    }
}
