package fullcourt.precompute.models;

import java.util.List;

/** The Phase 3 models the Phase 4 models read, and the Phase 4 models, each list in dependency order. */
final class PrecomputeModels {

    static final List<String> ANALYTICS_UPSTREAMS = List.of(
            "team_offense_game_summary",
            "team_defense_game_summary",
            "player_game_summary",
            "upcoming_team_game_context",
            "upcoming_player_game_context");

    static final List<String> PRECOMPUTE_MODELS = List.of(
            "team_defense_zone_analysis",
            "player_shot_zone_analysis",
            "player_composite_factors",
            "player_daily_cache",
            "ml_feature_store_v2");

    private PrecomputeModels() {
    }
}
