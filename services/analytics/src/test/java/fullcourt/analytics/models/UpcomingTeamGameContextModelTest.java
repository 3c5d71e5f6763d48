package fullcourt.analytics.models;

import fullcourt.engine.testing.models.ModelRow;

import static fullcourt.analytics.models.OpeningWeek.BACK_TO_BACK_DATE;
import static fullcourt.analytics.models.OpeningWeek.NYK_AT_PHI_SECOND_DATE;
import static fullcourt.analytics.models.OpeningWeek.OPENER_DATE;
import static fullcourt.analytics.models.OpeningWeek.OVERTIME_DATE;
import static fullcourt.analytics.models.OpeningWeek.PHI_DATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * upcoming_team_game_context on the opening-week fixture. The 2023-24 schedule per team:
 * <pre>
 * BOS: 10-24 H, 10-26 H, 10-27 A                      (2022-23 finale 04-09 H: another season)
 * NYK: 10-19 A, 10-20 A, 10-24 A, 10-25 H, 10-26 A, 10-27 H
 * </pre>
 */
class UpcomingTeamGameContextModelTest extends OpeningWeekTest {

    private static final Offset<Double> EXACT = within(1e-9);
    private static ModelRow context(LocalDate date, String team) {
        return runner.row("upcoming_team_game_context", date, "team", team);
    }

    @Test
    void firstGameOfTheSeasonHasNoRestAndNoForm() {
        ModelRow bos = context(OPENER_DATE, "BOS");

        // the April game belongs to 2022-23
        assertThat(bos.integer("season_game_number")).isEqualTo(1);
        assertThat(bos.isNull("previous_game_date")).isTrue();
        assertThat(bos.isNull("days_rest")).isTrue();
        assertThat(bos.flag("is_back_to_back")).isFalse();
        assertThat(bos.integer("games_in_last_7_days")).isZero();
        assertThat(bos.integer("form_games")).isZero();
        assertThat(bos.isNull("points_avg_last_10")).isTrue();
        assertThat(bos.isNull("offensive_rating_avg_last_10")).isTrue();
    }

    @Test
    void daysRestCountCalendarDaysSinceThePreviousGameOfTheSeason() {
        ModelRow bos = context(OVERTIME_DATE, "BOS");
        // 10-24 -> 10-26
        assertThat(bos.date("previous_game_date")).isEqualTo(OPENER_DATE);
        assertThat(bos.integer("days_rest")).isEqualTo(2);
        assertThat(bos.flag("is_back_to_back")).isFalse();
        // New York played 10-25
        assertThat(bos.integer("opponent_days_rest")).isEqualTo(1);

        // New York's opener: 10-20 -> 10-24
        assertThat(context(OPENER_DATE, "NYK").integer("days_rest")).isEqualTo(4);
    }

    @Test
    void backToBackIsOneDayOfRest() {
        ModelRow bos = context(BACK_TO_BACK_DATE, "BOS");
        ModelRow nyk = context(BACK_TO_BACK_DATE, "NYK");

        // both played 10-26, the day before 10-27
        assertThat(bos.integer("days_rest")).isEqualTo(1);
        assertThat(bos.flag("is_back_to_back")).isTrue();
        assertThat(nyk.integer("days_rest")).isEqualTo(1);
        assertThat(nyk.flag("is_back_to_back")).isTrue();
        assertThat(context(PHI_DATE, "NYK").flag("is_back_to_back")).isTrue();
        assertThat(context(PHI_DATE, "PHI").integer("days_rest")).isEqualTo(25 - 20);
    }

    @Test
    void homeAndAwayStreaksCountConsecutiveGamesEndingWithThisOne() {
        // BOS: H 10-24, H 10-26 -> second home game in a row
        assertThat(context(OVERTIME_DATE, "BOS").integer("home_streak")).isEqualTo(2);
        assertThat(context(OVERTIME_DATE, "BOS").integer("away_streak")).isZero();
        // BOS: ..., A 10-27 -> the home streak ends
        assertThat(context(BACK_TO_BACK_DATE, "BOS").integer("home_streak")).isZero();
        assertThat(context(BACK_TO_BACK_DATE, "BOS").integer("away_streak")).isEqualTo(1);
        // NYK: A 10-19, A 10-20, A 10-24 -> third away game in a row
        assertThat(context(OPENER_DATE, "NYK").integer("away_streak")).isEqualTo(3);
        assertThat(context(OPENER_DATE, "NYK").integer("home_streak")).isZero();
        // NYK: ..., H 10-25 -> one home game
        assertThat(context(PHI_DATE, "NYK").integer("home_streak")).isEqualTo(1);
        assertThat(context(PHI_DATE, "NYK").integer("away_streak")).isZero();
    }

    @Test
    void gamesInTheLastSevenDaysCountTheWeekBeforeTheDateOnly() {
        // 10-27: the window is 10-20 .. 10-26; NYK played 10-20, 10-24, 10-25, 10-26 there (10-19 is 8 days
        // before, 10-27 is the date itself)
        ModelRow nyk = context(BACK_TO_BACK_DATE, "NYK");
        assertThat(nyk.integer("games_in_last_7_days")).isEqualTo(4);
        assertThat(nyk.integer("season_game_number")).isEqualTo(6);
        // BOS: 10-24, 10-26
        assertThat(context(BACK_TO_BACK_DATE, "BOS").integer("games_in_last_7_days")).isEqualTo(2);
        // 10-20: NYK played 10-19 only
        assertThat(context(NYK_AT_PHI_SECOND_DATE, "NYK").integer("games_in_last_7_days")).isEqualTo(1);
    }

    @Test
    void formAveragesTheEarlierGamesOfTheSeasonThatHaveResults() {
        ModelRow bos = context(BACK_TO_BACK_DATE, "BOS");
        // 110 on 10-24 and 111 on 10-26, on those games' possessions (TeamOffenseModelTest); not the
        // 2022-23 finale's 120. The rating is the window's: 221 points over both games' possessions
        // (the mean of the two games' ratings would weigh a possession of the shorter game more);
        // pace: those possessions over 48 + 53 game minutes (240 / 5 and, with the overtime, 265 / 5)
        double opener = TeamOffenseModelTest.OPENER_POSSESSIONS;
        double overtime = TeamOffenseModelTest.OVERTIME_POSSESSIONS;
        assertThat(bos.integer("form_games")).isEqualTo(2);
        assertThat(bos.decimal("points_avg_last_10")).isCloseTo((110 + 111) / 2.0, EXACT);
        assertThat(bos.decimal("offensive_rating_avg_last_10"))
                .isCloseTo(100.0 * (110 + 111) / (opener + overtime), EXACT);
        assertThat(bos.decimal("pace_avg_last_10")).isCloseTo(48 * (opener + overtime) / (48 + 53), EXACT);

        // NYK: 102 (10-24), 99 (10-25), 108 (10-26); 10-19 and 10-20 have no results in any source
        ModelRow nyk = context(BACK_TO_BACK_DATE, "NYK");
        assertThat(nyk.integer("form_games")).isEqualTo(3);
        assertThat(nyk.decimal("points_avg_last_10")).isCloseTo((102 + 99 + 108) / 3.0, EXACT);
    }
}
