package fullcourt.predictions.ml;

import fullcourt.engine.processor.PermanentFailure;
import java.util.List;
import java.util.Map;

/**
 * The 21 features of {@code precompute.ml_feature_store_v2}, in their index order: the contract
 * between the feature store and the trained model (a model is only valid for the order it was
 * trained on). Indices 14-17 are the shot-zone rates that fall back to league averages.
 */
public final class FeatureVector {

    public static final List<String> NAMES = List.of(
            "points_avg_last_5", "points_avg_last_10", "points_avg_season", "points_std_last_10",
            "minutes_avg_last_10", "usage_rate_avg_last_10", "fatigue_score", "shot_zone_mismatch_score",
            "pace_score", "usage_spike_score", "days_rest", "is_back_to_back", "is_home_game", "games_played_season",
            "paint_rate_last_10", "mid_range_rate_last_10", "three_rate_last_10", "assisted_rate_last_10",
            "opponent_defensive_rating", "team_pace_avg_last_10", "ts_pct_avg_last_10");

    public static final int SIZE = NAMES.size();

    private FeatureVector() {
    }

    /**
     * Copies the features of {@code row} into row {@code index} of a row-major matrix.
     *
     * @throws PermanentFailure when a feature is missing: the feature store fills every one
     */
    static void copy(Map<String, Object> row, float[] matrix, int index) {
        for (int j = 0; j < SIZE; j++) {
            Object value = row.get(NAMES.get(j));
            if (!(value instanceof Number number)) {
                throw new PermanentFailure("ml_feature_store_v2 row of " + row.get("game_date") + " has no value for feature "
                        + j + " (" + NAMES.get(j) + "): the feature store must fill all " + SIZE + " features");
            }
            matrix[index * SIZE + j] = number.floatValue();
        }
    }

    /** {@code f.a, f.b, ...}: the features as a SELECT list over alias {@code f}. */
    static String selectList(String alias) {
        return String.join(", ", NAMES.stream().map(n -> alias + "." + n).toList());
    }
}
