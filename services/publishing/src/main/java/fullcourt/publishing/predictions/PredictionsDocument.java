package fullcourt.publishing.predictions;

import java.util.List;

/**
 * {@code v1/predictions/<date>.json}: every prediction system's points prediction for each
 * player-game of the date (schema: exports/schemas/predictions.schema.json).
 */
public record PredictionsDocument(int schemaVersion, String gameDate, List<SystemVersion> generatedFrom,
                                  List<PlayerGame> playerGames) {

    /** A system and the model that made its predictions: version and training window. */
    public record SystemVersion(String systemId, String systemVersion, String modelVersion, String trainingFrom,
                                String trainingTo, Long trainingRows) {
    }

    /** One player-game: the points line (null without one) and each system's prediction, by system id. */
    public record PlayerGame(String gameId, String team, String opponent, boolean isHome, String playerId,
                             String playerName, Double pointsLine, List<SystemPrediction> predictions) {
    }

    /** One system's call: recommendation is OVER, UNDER or PASS, null without a line. */
    public record SystemPrediction(String systemId, Double predictedPoints, Double edge, String recommendation,
                                   Double confidence, String modelVersion) {
    }
}
