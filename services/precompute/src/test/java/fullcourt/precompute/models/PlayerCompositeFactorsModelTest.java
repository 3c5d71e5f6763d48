package fullcourt.precompute.models;

import fullcourt.engine.testing.models.ModelRow;
import fullcourt.engine.testing.models.ModelRunner;

import static fullcourt.precompute.models.EarlySeason.b1UsageRate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** player_composite_factors on the EarlySeason fixture; the arithmetic is in each test. */
class PlayerCompositeFactorsModelTest {

    private static final String MODEL = "player_composite_factors";
    private static final Offset<Double> EXACT = within(1e-9);

    private static ModelRunner runner;

    @BeforeAll
    static void compute() {
        runner = EarlySeason.withPrecompute(List.of(EarlySeason.D));
    }

    @AfterAll
    static void closeWarehouse() {
        runner.close();
    }

    private static ModelRow player(String playerId) {
        return runner.row(MODEL, EarlySeason.D, "player_id", playerId);
    }

    @Test
    void oneRowPerPlayerOfTheDatesPlayerContexts() {
        // b1 and b9 for Boston, p1 for Philadelphia, m1 for Miami
        assertThat(runner.rows(MODEL, EarlySeason.D)).hasSize(4);
        ModelRow b1 = player("b1");
        assertThat(b1.text("team")).isEqualTo("BOS");
        assertThat(b1.text("opponent")).isEqualTo("NYK");
        assertThat(b1.flag("is_home")).isTrue();
        assertThat(b1.text("player_name")).isEqualTo("Player b1");
    }

    @Test
    void fatigueAddsRestScheduleAndMinutesParts() {
        // b1: Boston played the day before (days_rest 1: 40), every day of D-7 .. D-1 (7 games, capped at 4: 40),
        // 30 minutes in each of his last 5 (20 * 30 / 40 = 15)
        ModelRow b1 = player("b1");
        assertThat(b1.integer("days_rest")).isEqualTo(1);
        assertThat(b1.flag("is_back_to_back")).isTrue();
        assertThat(b1.integer("games_in_last_7_days")).isEqualTo(7);
        assertThat(b1.decimal("minutes_avg_last_5")).isCloseTo(30.0, EXACT);
        assertThat(b1.decimal("fatigue_score")).isCloseTo(40 + 40 + 15, EXACT);
        assertThat(b1.flag("has_fatigue_inputs")).isTrue();

        // p1: Philadelphia played 11-09 (days_rest 1: 40), one game in the last 7 days (10), 32 minutes (16)
        assertThat(player("p1").decimal("fatigue_score")).isCloseTo(40 + 10 + 16, EXACT);
    }

    @Test
    void shotZoneMismatchWeighsThePlayersSharesByTheOpponentsZoneDefenseAgainstTheLeague() {
        ModelRow b1 = player("b1");

        // b1's last 10 (games 8-17): paint 0.5, mid-range 0.25, three 0.25
        // New York allowed in its last 15 (games 3-17, b1's shots from game 6): paint 40 att / 18 made = 0.45,
        //   mid-range 10 / 10 = 1.0, three 10 / 0 = 0.0
        // league (Boston's and New York's windows pooled): paint 0.48, mid-range 25 / 40 = 0.625,
        //   three (15 + 0) / (60 + 10) = 15 / 70
        double paint = 0.45 - 0.48;
        double midRange = 1.0 - 0.625;
        double three = 0.0 - 15.0 / 70;
        assertThat(b1.decimal("opponent_paint_fg_pct_allowed_vs_league")).isCloseTo(paint, EXACT);
        assertThat(b1.decimal("opponent_mid_range_fg_pct_allowed_vs_league")).isCloseTo(midRange, EXACT);
        assertThat(b1.decimal("opponent_three_fg_pct_allowed_vs_league")).isCloseTo(three, EXACT);
        // 100 * (-0.015 + 0.09375 - 0.05357) = 2.518
        assertThat(b1.decimal("shot_zone_mismatch_score"))
                .isCloseTo(100 * (0.5 * paint + 0.25 * midRange + 0.25 * three), EXACT);
        assertThat(b1.flag("has_shot_zone_mismatch_inputs")).isTrue();
    }

    @Test
    void paceScoreComparesTheGamesExpectedPaceWithTheTeamsPlayingThatDate() {
        // last-10 pace = possessions per 48 minutes (240 team minutes), the game's for both teams:
        // Boston and New York 95.48 (games 8-17); Philadelphia and Miami, one game each rebuilt from their
        // one player's line: Philadelphia 15 + 0.4 * 4 - 1.07 * 1 / (1 + 5) * (15 - 7) + 2,
        // Miami 16 + 0.4 * 2 - 1.07 * 1 / (1 + 6) * (16 - 8) + 2, averaged: 17.38
        double bosNyk = EarlySeason.POSSESSIONS_GAMES_3_17;
        double phiMia = ((15 + 0.4 * 4 - 1.07 * 1 / (1 + 5) * (15 - 7) + 2)
                + (16 + 0.4 * 2 - 1.07 * 1 / (1 + 6) * (16 - 8) + 2)) / 2;
        double teamsPlaying = (2 * bosNyk + 2 * phiMia) / 4;
        ModelRow b1 = player("b1");
        assertThat(b1.decimal("team_pace_avg_last_10")).isCloseTo(bosNyk, EXACT);
        assertThat(b1.decimal("opponent_pace_avg_last_10")).isCloseTo(bosNyk, EXACT);
        assertThat(b1.decimal("pace_avg_teams_playing")).isCloseTo(teamsPlaying, EXACT);
        assertThat(b1.decimal("pace_score")).isCloseTo((bosNyk + bosNyk) / 2 - teamsPlaying, EXACT);
        assertThat(b1.flag("has_pace_inputs")).isTrue();
        assertThat(player("p1").decimal("pace_score")).isCloseTo((phiMia + phiMia) / 2 - teamsPlaying, EXACT);
    }

    @Test
    void usageSpikeIsTheLast5GamesPlayedAgainstTheSeasonAndNeverReadsTheDatesOwnGame() {
        ModelRow b1 = player("b1");

        // last 5 games played: 13-17, 5 turnovers each; season: games 6-12 with 2, games 13-17 with 5.
        // Only the turnovers differ (30 minutes in every game, so weighting by minutes changes nothing
        // here), and the spike is positive. D's own game (10 turnovers) would raise both averages.
        double last5 = b1UsageRate(5);
        double season = (7 * b1UsageRate(2) + 5 * b1UsageRate(5)) / 12;
        assertThat(b1.decimal("usage_rate_avg_last_5")).isCloseTo(last5, EXACT);
        assertThat(b1.decimal("usage_rate_avg_season")).isCloseTo(season, EXACT);
        assertThat(b1.decimal("usage_spike_score")).isCloseTo(last5 - season, EXACT);
        assertThat(last5 - season).isPositive();
        assertThat(b1.flag("has_usage_spike_inputs")).isTrue();

        // p1: one game, the same in both windows
        assertThat(player("p1").decimal("usage_spike_score")).isCloseTo(0.0, EXACT);
        assertThat(player("p1").flag("has_usage_spike_inputs")).isTrue();
    }

    @Test
    void scoresWithoutInputsAreZeroAndFlagged() {
        // b9 has played no game before D: no minutes, zone rates or usage; his team still has a pace
        ModelRow b9 = player("b9");
        assertThat(b9.decimal("fatigue_score")).isZero();
        assertThat(b9.flag("has_fatigue_inputs")).isFalse();
        assertThat(b9.decimal("shot_zone_mismatch_score")).isZero();
        assertThat(b9.flag("has_shot_zone_mismatch_inputs")).isFalse();
        assertThat(b9.decimal("usage_spike_score")).isZero();
        assertThat(b9.flag("has_usage_spike_inputs")).isFalse();
        assertThat(b9.decimal("pace_score")).isCloseTo(player("b1").decimal("pace_score"), EXACT);
        assertThat(b9.flag("has_pace_inputs")).isTrue();

        // p1 has played, but without play-by-play (and Miami's defense has no zone data either)
        ModelRow p1 = player("p1");
        assertThat(p1.isNull("paint_rate_last_10")).isTrue();
        assertThat(p1.decimal("shot_zone_mismatch_score")).isZero();
        assertThat(p1.flag("has_shot_zone_mismatch_inputs")).isFalse();
    }
}
