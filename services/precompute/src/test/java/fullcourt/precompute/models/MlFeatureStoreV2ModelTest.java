package fullcourt.precompute.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fullcourt.engine.catalog.FeatureStore;
import fullcourt.engine.testing.models.ModelRow;
import fullcourt.engine.testing.models.ModelRunner;
import fullcourt.engine.warehouse.DialectCheck;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ml_feature_store_v2 on the EarlySeason fixture, computed on every fixture date; the arithmetic is in each test. */
class MlFeatureStoreV2ModelTest {

    private static final String MODEL = "ml_feature_store_v2";
    private static final Offset<Double> EXACT = within(1e-9);

    /** The contract with Phase 5: the 21 features in index order. */
    private static final List<String> FEATURES = FeatureStore.FEATURES;
    private static final List<String> ZONE_FEATURES = FeatureStore.ZONE_FEATURES;

    private static ModelRunner runner;

    @BeforeAll
    static void compute() {
        runner = EarlySeason.withPrecompute(EarlySeason.dates());
    }

    @AfterAll
    static void closeWarehouse() {
        runner.close();
    }

    private static ModelRow player(String playerId) {
        return runner.row(MODEL, EarlySeason.D, "player_id", playerId);
    }

    private static List<Double> zoneFeatures(ModelRow row) {
        return ZONE_FEATURES.stream().map(row::decimal).toList();
    }

    @Test
    void columnsAreTheIdentityTheLineTheVersionAndThe21FeaturesInIndexOrder() {
        Map<String, Object> b1 = player("b1").values();

        // feature 12 is is_home_game: the identity column is_home (BOOL) has the name is_home
        List<String> notFeatures = List.of("game_id", "game_date", "season", "season_type", "team", "opponent",
                "is_home", "player_id", "player_name", "points_line", "has_prop_line", "feature_version", "feature_count",
                "zone_features_imputed");
        assertThat(b1.keySet()).containsExactlyElementsOf(
                Stream.concat(notFeatures.stream(), FEATURES.stream()).toList());
        assertThat(b1.get("feature_version")).isEqualTo("v2");
        assertThat(b1.get("feature_count")).isEqualTo(21L);
        assertThat(b1.get("zone_features_imputed")).isInstanceOf(Boolean.class);
    }

    @Test
    void everyFeatureIsAFloatAndNeverNullOnEveryDateIncludingARookie() {
        int rows = 0;
        for (LocalDate date : EarlySeason.dates()) {
            for (Map<String, Object> row : runner.rows(MODEL, date)) {
                for (String feature : FEATURES) {
                    assertThat(row.get(feature)).as(feature + " of " + row.get("player_id") + " on " + date)
                            .isInstanceOf(Double.class);
                }
                rows++;
            }
        }
        // b1 on the finale and on games 6-18, b9 on D, p1 and m1 on 11-09 and D
        assertThat(rows).isEqualTo(1 + 13 + 1 + 4);
    }

    @Test
    void playerFeaturesComeFromTheDailyCacheCompositeFactorsAndZones() {
        ModelRow b1 = player("b1");
        ModelRow cache = runner.row("player_daily_cache", EarlySeason.D, "player_id", "b1");
        ModelRow factors = runner.row("player_composite_factors", EarlySeason.D, "player_id", "b1");

        // features 0-5 and 20 from the cache (hand-checked in PlayerDailyCacheModelTest), e.g.
        // points over games 13-17 (22 + ... + 30) / 5 = 26 and the population SD of 12, 14, ..., 30 = sqrt(33)
        assertThat(b1.decimal("points_avg_last_5")).isCloseTo(26.0, EXACT);
        assertThat(b1.decimal("points_std_last_10")).isCloseTo(Math.sqrt(33), EXACT);
        for (String feature : List.of("points_avg_last_10", "points_avg_season", "minutes_avg_last_10",
                "usage_rate_avg_last_10", "ts_pct_avg_last_10")) {
            assertThat(b1.decimal(feature)).as(feature).isEqualTo(cache.decimal(feature));
        }
        assertThat(b1.decimal("games_played_season")).isEqualTo(12.0);
        // features 6-9 from the composite factors (hand-checked in PlayerCompositeFactorsModelTest)
        for (String feature : FEATURES.subList(6, 10)) {
            assertThat(b1.decimal(feature)).as(feature).isEqualTo(factors.decimal(feature));
        }
        // Boston at home, back to back
        assertThat(b1.decimal("days_rest")).isEqualTo(1.0);
        assertThat(b1.decimal("is_back_to_back")).isEqualTo(1.0);
        assertThat(b1.flag("is_home")).isTrue();
        assertThat(b1.decimal("is_home_game")).isEqualTo(1.0);
        // New York's defense in games 3-17: Boston's 100 points on the game's 95.48 possessions each game
        assertThat(b1.decimal("opponent_defensive_rating"))
                .isCloseTo(100 * 100 / EarlySeason.POSSESSIONS_GAMES_3_17, EXACT);
        assertThat(b1.decimal("team_pace_avg_last_10")).isCloseTo(EarlySeason.POSSESSIONS_GAMES_3_17, EXACT);
    }

    @Test
    void playerWithZoneDataKeepsHisOwnRates() {
        ModelRow b1 = player("b1");

        // games 8-17: paint 20 / 40, mid-range 10 / 40, three 10 / 40; 10 of 20 makes assisted
        assertThat(zoneFeatures(b1)).containsExactly(0.5, 0.25, 0.25, 0.5);
        assertThat(b1.flag("zone_features_imputed")).isFalse();
    }

    @Test
    void playersWithoutZoneDataTakeTheLeagueAverages() {
        // p1 played without play-by-play; b9 never played before D
        for (String player : List.of("p1", "b9")) {
            ModelRow row = player(player);
            assertThat(zoneFeatures(row)).as(player).containsExactly(0.30, 0.20, 0.30, 0.60);
            assertThat(row.flag("zone_features_imputed")).as(player).isTrue();
        }
    }

    @Test
    void rookieGetsZeroAveragesAndHisTeamsContext() {
        ModelRow b9 = player("b9");

        for (String feature : List.of("points_avg_last_5", "points_avg_last_10", "points_avg_season",
                "points_std_last_10", "minutes_avg_last_10", "usage_rate_avg_last_10", "games_played_season",
                "ts_pct_avg_last_10", "fatigue_score", "shot_zone_mismatch_score", "usage_spike_score")) {
            assertThat(b9.decimal(feature)).as(feature).isZero();
        }
        assertThat(b9.decimal("days_rest")).isEqualTo(1.0);
        assertThat(b9.decimal("team_pace_avg_last_10")).isCloseTo(EarlySeason.POSSESSIONS_GAMES_3_17, EXACT);
    }

    @Test
    void firstGameOfASeasonTakesTheStatedDefaults() {
        // the 2022-23 finale is that season's only fixture date: no earlier game for anyone
        ModelRow b1 = runner.row(MODEL, EarlySeason.FINALE_DATE, "player_id", "b1");

        assertThat(b1.decimal("days_rest")).isEqualTo(7.0);
        assertThat(b1.decimal("is_back_to_back")).isEqualTo(0.0);
        assertThat(b1.decimal("opponent_defensive_rating")).isEqualTo(112.0);
        assertThat(b1.decimal("team_pace_avg_last_10")).isEqualTo(100.0);
        assertThat(b1.decimal("points_avg_season")).isZero();
        assertThat(b1.decimal("pace_score")).isZero();
        assertThat(b1.flag("zone_features_imputed")).isTrue();
    }

    @Test
    void windowsStayInsideTheSeasonAndBeforeTheDate() {
        // on game 6's date b1's only earlier game is the finale of 2022-23: nothing of it is read
        ModelRow firstGame = runner.row(MODEL, EarlySeason.dateOfGame(6), "player_id", "b1");
        assertThat(firstGame.decimal("games_played_season")).isZero();
        assertThat(firstGame.decimal("points_avg_season")).isZero();
        assertThat(zoneFeatures(firstGame)).containsExactly(0.30, 0.20, 0.30, 0.60);

        // on D, D's own 48 points and 15 made threes would show in these
        ModelRow b1 = player("b1");
        assertThat(b1.decimal("points_avg_last_5")).isCloseTo(26.0, EXACT);
        assertThat(b1.decimal("three_rate_last_10")).isCloseTo(0.25, EXACT);
    }

    @Test
    void propLineIsCarriedWhenTheOddsSourceHasOne() {
        ModelRow b1 = player("b1");
        assertThat(b1.decimal("points_line")).isEqualTo(24.5);
        assertThat(b1.flag("has_prop_line")).isTrue();

        ModelRow p1 = player("p1");
        assertThat(p1.isNull("points_line")).isTrue();
        assertThat(p1.flag("has_prop_line")).isFalse();
    }

    @Test
    void aDateWithoutARosterHasNothingToWorkFromAndAGameDateWithOneHas() {
        String gate = ModelRunner.modelSql(MODEL + ".inputs");

        assertThat(runner.query(gate, EarlySeason.D)).isEmpty();
        // the day before the season's first date: no upcoming_player_game_context row
        assertThat(runner.query(gate, EarlySeason.FIRST_DATE.minusDays(1))).extracting(r -> r.get("missing"))
                .containsExactly("no rows in analytics.upcoming_player_game_context (no roster)");
        assertThat(DialectCheck.violations(gate)).isEmpty();
    }
}
