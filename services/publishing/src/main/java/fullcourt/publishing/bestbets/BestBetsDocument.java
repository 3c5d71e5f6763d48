package fullcourt.publishing.bestbets;

import fullcourt.publishing.predictions.PredictionsDocument;
import java.util.List;

/**
 * {@code v1/best-bets/<date>.json}: the date's top picks of one system (schema:
 * exports/schemas/best-bets.schema.json).
 */
public record BestBetsDocument(int schemaVersion, String gameDate, String season, String systemId, int limit,
                               List<PredictionsDocument.SystemVersion> generatedFrom, List<Pick> picks) {

    /**
     * One pick, ranked from 1; {@code systemSeasonHitRate} is the system's hit rate over the
     * season's earlier dates (null before its first call with a result).
     */
    public record Pick(int rank, String gameId, String playerId, String playerName, String team, String opponent,
                       boolean isHome, double pointsLine, Double predictedPoints, Double edge, String recommendation,
                       Double confidence, String modelVersion, Double systemSeasonHitRate) {
    }
}
