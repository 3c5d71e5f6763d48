package fullcourt.precompute.models;

import fullcourt.engine.testing.models.ModelRow;
import fullcourt.engine.testing.models.ModelRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** player_shot_zone_analysis on the EarlySeason fixture; the arithmetic is in each test. */
class PlayerShotZoneAnalysisModelTest {

    private static final String MODEL = "player_shot_zone_analysis";
    private static final Offset<Double> EXACT = within(1e-9);

    private static ModelRunner runner;

    @BeforeAll
    static void compute() {
        runner = EarlySeason.withAnalytics();
        runner.run(MODEL, EarlySeason.D);
    }

    @AfterAll
    static void closeWarehouse() {
        runner.close();
    }

    @Test
    void oneRowPerPlayerOnTheDatesRosters() {
        // b1 and b9 for Boston, p1 and m1 at Miami
        assertThat(runner.rows(MODEL, EarlySeason.D)).hasSize(4);
        ModelRow b1 = runner.row(MODEL, EarlySeason.D, "player_id", "b1");
        assertThat(b1.text("team")).isEqualTo("BOS");
        assertThat(b1.text("opponent")).isEqualTo("NYK");
        assertThat(b1.text("season")).isEqualTo("2023-24");
    }

    @Test
    void last10WindowDropsTheTwoOldestOfTwelveGames() {
        ModelRow b1 = runner.row(MODEL, EarlySeason.D, "player_id", "b1");

        // 12 games played before D (games 6-17); the last 10 are games 8-17, each paint 2, mid 1, three 1:
        // 20 + 10 + 10 = 40 attempts -> paint 20/40, mid 10/40, three 10/40
        // (games 6-7, 10 paint attempts each, would make paint 40/60)
        assertThat(b1.integer("games_played_last_10")).isEqualTo(10);
        assertThat(b1.integer("games_with_zone_data_last_10")).isEqualTo(10);
        assertThat(b1.decimal("paint_rate_last_10")).isCloseTo(0.5, EXACT);
        assertThat(b1.decimal("mid_range_rate_last_10")).isCloseTo(0.25, EXACT);
        assertThat(b1.decimal("three_rate_last_10")).isCloseTo(0.25, EXACT);
        // makes per game: paint 1 (assisted) + mid 1 (unassisted) -> 10 assisted / 20 makes
        assertThat(b1.decimal("assisted_rate_last_10")).isCloseTo(0.5, EXACT);
        assertThat(b1.flag("has_zone_data")).isTrue();
    }

    @Test
    void last20WindowHoldsTheWholeSeasonSoFarAndNotThePreviousSeason() {
        ModelRow b1 = runner.row(MODEL, EarlySeason.D, "player_id", "b1");

        // all 12 games of 2023-24; the 2022-23 finale (10 threes) is not one of them
        // attempts: games 6-7 paint 2 * 10 = 20, games 8-17 paint 20, mid 10, three 10 -> 60 in all
        // (with the finale: three (10 + 10) / 70 and 13 games)
        assertThat(b1.integer("games_played_last_20")).isEqualTo(12);
        assertThat(b1.integer("games_with_zone_data_last_20")).isEqualTo(12);
        assertThat(b1.decimal("paint_rate_last_20")).isCloseTo(40.0 / 60, EXACT);
        assertThat(b1.decimal("mid_range_rate_last_20")).isCloseTo(10.0 / 60, EXACT);
        assertThat(b1.decimal("three_rate_last_20")).isCloseTo(10.0 / 60, EXACT);
        // makes: games 6-7 4 each, all assisted (8 / 8); games 8-17 20 makes, 10 assisted -> 18 / 28
        assertThat(b1.decimal("assisted_rate_last_20")).isCloseTo(18.0 / 28, EXACT);
    }

    @Test
    void playerWithoutZoneDataHasNullRates() {
        ModelRow p1 = runner.row(MODEL, EarlySeason.D, "player_id", "p1");

        // one earlier game (11-09), whose game has no play-by-play
        assertThat(p1.integer("games_played_last_10")).isEqualTo(1);
        assertThat(p1.integer("games_with_zone_data_last_10")).isZero();
        assertThat(p1.flag("has_zone_data")).isFalse();
        assertThat(p1.isNull("paint_rate_last_10")).isTrue();
        assertThat(p1.isNull("mid_range_rate_last_10")).isTrue();
        assertThat(p1.isNull("three_rate_last_10")).isTrue();
        assertThat(p1.isNull("assisted_rate_last_10")).isTrue();
        assertThat(p1.isNull("paint_rate_last_20")).isTrue();
    }

    @Test
    void playerWithoutEarlierGamesHasEmptyWindows() {
        ModelRow b9 = runner.row(MODEL, EarlySeason.D, "player_id", "b9");

        // plays only on D: D's own game is never read
        assertThat(b9.integer("games_played_last_10")).isZero();
        assertThat(b9.integer("games_played_last_20")).isZero();
        assertThat(b9.flag("has_zone_data")).isFalse();
        assertThat(b9.isNull("paint_rate_last_10")).isTrue();
    }
}
