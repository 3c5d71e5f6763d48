package fullcourt.engine.catalog;

import java.util.List;

/**
 * The contract between Phase 4 and Phase 5: the 21 features of {@code precompute.ml_feature_store_v2} in their index
 * order, which the feature store's model writes and a trained model reads (a model is only valid for the order it was
 * trained on). Indices 14-17 are the shot-zone rates that fall back to league averages. Listed once, here, for the
 * producer's tests and the consumer's code alike.
 */
public final class FeatureStore {

    public static final List<String> FEATURES = List.of(
            "points_avg_last_5", "points_avg_last_10", "points_avg_season", "points_std_last_10",
            "minutes_avg_last_10", "usage_rate_avg_last_10", "fatigue_score", "shot_zone_mismatch_score",
            "pace_score", "usage_spike_score", "days_rest", "is_back_to_back", "is_home_game", "games_played_season",
            "paint_rate_last_10", "mid_range_rate_last_10", "three_rate_last_10", "assisted_rate_last_10",
            "opponent_defensive_rating", "team_pace_avg_last_10", "ts_pct_avg_last_10");

    /** The shot-zone rates (indices 14-17). */
    public static final List<String> ZONE_FEATURES = FEATURES.subList(14, 18);

    private FeatureStore() {
    }
}
