package fullcourt.analytics.models;

import java.util.List;

/** The five Phase 3 models in an order that runs every upstream before its downstream (DEPENDENCIES.md). */
final class AnalyticsModels {

    static final List<String> DEPENDENCY_ORDER = List.of(
            "team_offense_game_summary",
            "team_defense_game_summary",
            "player_game_summary",
            "upcoming_team_game_context",
            "upcoming_player_game_context");

    private AnalyticsModels() {
    }
}
