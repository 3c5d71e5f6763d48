package fullcourt.precompute.models;

import java.util.List;

/** The Phase 3 models the group-1 models read (in dependency order), and the group-1 models (either order). */
final class PrecomputeModels {

    static final List<String> ANALYTICS_UPSTREAMS = List.of(
            "team_offense_game_summary",
            "team_defense_game_summary",
            "player_game_summary");

    static final List<String> PRECOMPUTE_MODELS = List.of(
            "team_defense_zone_analysis",
            "player_shot_zone_analysis");

    private PrecomputeModels() {
    }
}
