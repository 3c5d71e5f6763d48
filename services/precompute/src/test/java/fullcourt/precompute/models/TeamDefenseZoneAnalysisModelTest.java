package fullcourt.precompute.models;

import fullcourt.engine.testing.models.ModelRow;
import fullcourt.engine.testing.models.ModelRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** team_defense_zone_analysis on the EarlySeason fixture; the arithmetic is in each test. */
class TeamDefenseZoneAnalysisModelTest {

    private static final String MODEL = "team_defense_zone_analysis";
    private static final Offset<Double> EXACT = within(1e-9);
    private static final LocalDate GAME_3_DATE = EarlySeason.dateOfGame(3);

    private static ModelRunner runner;

    @BeforeAll
    static void compute() {
        runner = EarlySeason.withAnalytics();
        runner.run(MODEL, EarlySeason.D);
        runner.run(MODEL, GAME_3_DATE);
    }

    @AfterAll
    static void closeWarehouse() {
        runner.close();
    }

    @Test
    void oneRowPerTeamScheduledOnTheDate() {
        // NYK @ BOS and PHI @ MIA on D
        assertThat(runner.rows(MODEL, EarlySeason.D)).hasSize(4);
        ModelRow bos = runner.row(MODEL, EarlySeason.D, "team", "BOS");
        assertThat(bos.text("opponent")).isEqualTo("NYK");
        assertThat(bos.flag("is_home")).isTrue();
        assertThat(bos.text("season")).isEqualTo("2023-24");
    }

    @Test
    void windowKeepsTheLast15GamesAndDropsTheTwoOldest() {
        ModelRow bos = runner.row(MODEL, EarlySeason.D, "team", "BOS");

        // 17 earlier games; the last 15 are games 3-17, all with play-by-play
        assertThat(bos.integer("games_in_window")).isEqualTo(15);
        assertThat(bos.integer("games_with_zone_data")).isEqualTo(15);
        // games 3-17: 110 points on 95.48 possessions each -> 115.20
        // (with games 1-2 at 140 on 96.67 it would be higher; with D's 140, more)
        assertThat(bos.decimal("defensive_rating_avg"))
                .isCloseTo(100 * 110 / EarlySeason.POSSESSIONS_GAMES_3_17, EXACT).isBetween(115.2, 115.21);
        // per game: paint 4/2, mid-range 2/1, three 4/1
        assertThat(bos.decimal("paint_attempts_allowed_per_game")).isCloseTo(4.0, EXACT);
        assertThat(bos.decimal("paint_makes_allowed_per_game")).isCloseTo(2.0, EXACT);
        assertThat(bos.decimal("mid_range_attempts_allowed_per_game")).isCloseTo(2.0, EXACT);
        assertThat(bos.decimal("mid_range_makes_allowed_per_game")).isCloseTo(1.0, EXACT);
        assertThat(bos.decimal("three_attempts_allowed_per_game")).isCloseTo(4.0, EXACT);
        assertThat(bos.decimal("three_makes_allowed_per_game")).isCloseTo(1.0, EXACT);
        // paint 30 / 60 = 0.5 (games 1-2 included: 50 / 80 = 0.625); mid 15 / 30; three 15 / 60
        assertThat(bos.decimal("paint_fg_pct_allowed")).isCloseTo(0.5, EXACT);
        assertThat(bos.decimal("mid_range_fg_pct_allowed")).isCloseTo(0.5, EXACT);
        assertThat(bos.decimal("three_fg_pct_allowed")).isCloseTo(0.25, EXACT);
        // attempts 60 + 30 + 60 = 150: paint 60 / 150 = 0.4, mid 30 / 150 = 0.2, three 0.4
        assertThat(bos.decimal("paint_rate_allowed")).isCloseTo(0.4, EXACT);
        assertThat(bos.decimal("mid_range_rate_allowed")).isCloseTo(0.2, EXACT);
        assertThat(bos.decimal("three_rate_allowed")).isCloseTo(0.4, EXACT);
        assertThat(bos.flag("has_zone_data")).isTrue();
    }

    @Test
    void leagueComparisonPoolsEveryTeamsOwnLast15Games() {
        ModelRow bos = runner.row(MODEL, EarlySeason.D, "team", "BOS");

        // BOS allowed (games 3-17): paint 60 att / 30 made, mid-range 30 / 15
        // NYK allowed (its games 3-17; b1 shot in 6-17): paint 2 * 10 + 10 * 2 = 40 att, 2 * 4 + 10 * 1 = 18 made;
        //   mid-range 10 att / 10 made
        // MIA and PHI: one game each, no play-by-play, so nothing
        // league paint (30 + 18) / (60 + 40) = 0.48; mid-range (15 + 10) / (30 + 10) = 0.625
        assertThat(bos.decimal("league_paint_fg_pct_allowed")).isCloseTo(0.48, EXACT);
        assertThat(bos.decimal("league_mid_range_fg_pct_allowed")).isCloseTo(0.625, EXACT);
        assertThat(bos.decimal("paint_fg_pct_allowed_vs_league")).isCloseTo(0.5 - 0.48, EXACT);
        assertThat(bos.decimal("mid_range_fg_pct_allowed_vs_league")).isCloseTo(0.5 - 0.625, EXACT);
    }

    @Test
    void teamWithoutPlayByPlayHasNoZoneDataButCountsItsGames() {
        ModelRow mia = runner.row(MODEL, EarlySeason.D, "team", "MIA");

        assertThat(mia.integer("games_in_window")).isEqualTo(1);
        assertThat(mia.integer("games_with_zone_data")).isZero();
        assertThat(mia.flag("has_zone_data")).isFalse();
        assertThat(mia.isNull("paint_fg_pct_allowed")).isTrue();
        assertThat(mia.isNull("paint_attempts_allowed_per_game")).isTrue();
        assertThat(mia.isNull("three_rate_allowed")).isTrue();
        assertThat(mia.isNull("paint_fg_pct_allowed_vs_league")).isTrue();
        assertThat(mia.isNull("defensive_rating_avg")).isFalse();
    }

    @Test
    void windowDoesNotReachIntoThePreviousSeason() {
        ModelRow bos = runner.row(MODEL, GAME_3_DATE, "team", "BOS");

        // before game 3 only games 1 and 2 of 2023-24; the 2022-23 finale (90 points, paint 0/10) is not counted:
        // with it the average would be (140 + 140 + 90) / 3 = 123.33 and paint 20 / 30
        assertThat(bos.integer("games_in_window")).isEqualTo(2);
        assertThat(bos.decimal("defensive_rating_avg")).isCloseTo(100 * 140 / EarlySeason.POSSESSIONS_GAMES_1_2, EXACT);
        assertThat(bos.decimal("paint_fg_pct_allowed")).isCloseTo(20.0 / 20, EXACT);
        // nothing outside the paint in games 1-2: 0 / 0 is NULL, not 0
        assertThat(bos.isNull("mid_range_fg_pct_allowed")).isTrue();
        assertThat(bos.decimal("paint_rate_allowed")).isCloseTo(1.0, EXACT);
    }
}
