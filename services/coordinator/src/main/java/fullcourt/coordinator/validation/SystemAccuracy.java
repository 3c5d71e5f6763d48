package fullcourt.coordinator.validation;

import fullcourt.engine.warehouse.Warehouse;
import java.util.List;
import java.util.Map;

/**
 * A prediction system's points MAE over one season, on the player-games every system predicted
 * and that were graded (so the systems are compared on the same games).
 */
public record SystemAccuracy(String system, long predictions, double mae) {

    static final String TABLE = "predictions.prediction_accuracy";
    static final String QUERY = """
            WITH graded AS (
                SELECT game_id, player_id, system_id, absolute_error
                FROM predictions.prediction_accuracy
                WHERE season = @season
            ),
            common AS (
                SELECT game_id, player_id
                FROM graded
                GROUP BY game_id, player_id
                HAVING COUNT(DISTINCT system_id) = (SELECT COUNT(DISTINCT system_id) FROM graded)
            )
            SELECT g.system_id, COUNT(*) AS predictions, AVG(g.absolute_error) AS mae
            FROM graded AS g
            JOIN common AS c ON c.game_id = g.game_id AND c.player_id = g.player_id
            GROUP BY g.system_id
            ORDER BY g.system_id""";

    public static List<SystemAccuracy> of(Warehouse warehouse, String season) {
        if (!warehouse.tableExists(TABLE)) {
            return List.of();
        }
        return warehouse.query(QUERY, Map.of("season", season)).stream()
                .map(r -> new SystemAccuracy((String) r.get("system_id"), ((Number) r.get("predictions")).longValue(),
                        ((Number) r.get("mae")).doubleValue()))
                .toList();
    }

    public String render() {
        return String.format("  %-16s MAE %6.3f points over %,d graded player-games", system, mae, predictions);
    }
}
