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
        // possessions (Basketball-Reference) = the mean of both teams' FGA + 0.4 * FTA
        //   - 1.07 * ORB / (ORB + opponent DRB) * (FGA - FGM) + TOV:
        //   Boston   88 + 0.4 * 20 - 1.07 * 10 / (10 + 33) * (88 - 40) + 12 = 96.0558...
        //   New York 90 + 0.4 * 22 - 1.07 * 12 / (12 + 35) * (90 - 38) + 14 = 98.5936...
        double possessions = OPENER_POSSESSIONS;
        assertThat(possessions).isBetween(97.32, 97.33);
        assertThat(bos.decimal("possessions")).isCloseTo(possessions, EXACT);
        // offensive rating = 100 * points / possessions
        assertThat(bos.decimal("offensive_rating")).isCloseTo(100 * 110 / possessions, EXACT);
        // pace = 48 * possessions / (minutes / 5) = 48 * possessions / 48: in regulation, the possessions
        assertThat(bos.decimal("pace")).isCloseTo(possessions, EXACT);
        // effective FG% = (FGM + 0.5 * 3PM) / FGA = (40 + 7) / 88
        assertThat(bos.decimal("efg_pct")).isCloseTo(47.0 / 88, EXACT);
        // true shooting = points / (2 * (FGA + 0.44 * FTA)) = 110 / (2 * 96.8)
        assertThat(bos.decimal("ts_pct")).isCloseTo(110 / 193.6, EXACT);

        ModelRow nyk = offense(OPENER_DATE, "NYK");
        assertThat(nyk.flag("is_home")).isFalse();
        assertThat(nyk.text("opponent")).isEqualTo("BOS");
        // one game, one possession count: both teams have the same possessions and pace
        assertThat(nyk.decimal("possessions")).isCloseTo(possessions, EXACT);
        assertThat(nyk.decimal("pace")).isCloseTo(possessions, EXACT);
        assertThat(nyk.decimal("offensive_rating")).isCloseTo(100 * 102 / possessions, EXACT);
    }

    static final double OPENER_POSSESSIONS = ((88 + 0.4 * 20 - 1.07 * 10 / (10 + 33) * (88 - 40) + 12)
            + (90 + 0.4 * 22 - 1.07 * 12 / (12 + 35) * (90 - 38) + 14)) / 2;
    static final double OVERTIME_POSSESSIONS = ((86 + 0.4 * 19 - 1.07 * 9 / (9 + 28) * (86 - 42) + 12)
            + (89 + 0.4 * 17 - 1.07 * 9 / (9 + 29) * (89 - 43) + 11)) / 2;

    @Test
    void teamTurnoversAreTheTeamSourcesTotalBeyondThePlayersAndUnknownWhenReconstructed() {
        // opener: Boston's team source says 12 turnovers, its listed players b1 and b2 have 3 + 1
        ModelRow bos = offense(OPENER_DATE, "BOS");
        assertThat(bos.integer("tov")).isEqualTo(12);
        assertThat(bos.integer("team_turnovers")).isEqualTo(12 - (3 + 1));
        // overtime game: rebuilt from player box scores, which carry no team turnovers
        ModelRow rebuilt = offense(OVERTIME_DATE, "BOS");
        assertThat(rebuilt.text("team_source")).isEqualTo("reconstructed");
        assertThat(rebuilt.integer("tov")).isEqualTo(4 + 2 + 1 + 2 + 1 + 2);
        assertThat(rebuilt.isNull("team_turnovers")).isTrue();
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
        // rebuilt New York: FGA 89, FGM 43, FTA 17, ORB 9, DRB 28, TOV 11 (Boston: DRB 29)
        assertThat(nyk.integer("fgm")).isEqualTo(11 + 10 + 8 + 9 + 5);
        assertThat(nyk.integer("dreb")).isEqualTo(6 + 5 + 7 + 6 + 4);
        assertThat(nyk.decimal("possessions")).isCloseTo(OVERTIME_POSSESSIONS, EXACT);
    }

    @Test
    void overtimeGameCountsTwentyFiveMoreTeamMinutesAndPaceAdjusts() {
        ModelRow bos = offense(OVERTIME_DATE, "BOS");

        // player minutes 48 + 46 + 45 + 44 + 41 + 40 = 264; (264 - 240) / 25 = 0.96 rounds to 1 period
        assertThat(bos.integer("overtime_periods")).isEqualTo(1);
        assertThat(bos.integer("minutes")).isEqualTo(240 + 25);
        // possessions: Boston 86 + 0.4 * 19 - 1.07 * 9 / (9 + 28) * (86 - 42) + 12,
        //              New York 89 + 0.4 * 17 - 1.07 * 9 / (9 + 29) * (89 - 43) + 11, averaged
        double possessions = OVERTIME_POSSESSIONS;
        assertThat(bos.decimal("possessions")).isCloseTo(possessions, EXACT);
        assertThat(bos.decimal("offensive_rating")).isCloseTo(100 * 111 / possessions, EXACT);
        // pace = 48 * possessions / (265 / 5): the same possessions spread over 53 game minutes, not 48
        assertThat(bos.decimal("pace")).isCloseTo(48 * possessions / 53, EXACT).isLessThan(possessions);

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
