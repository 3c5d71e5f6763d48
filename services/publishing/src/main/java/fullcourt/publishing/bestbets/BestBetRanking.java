package fullcourt.publishing.bestbets;

import fullcourt.publishing.predictions.PredictionRows.Prediction;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Which predictions are best bets and in what order: calls (OVER or UNDER) against a line, most
 * confident first, then the largest |edge|, then game and player id so that ties keep one order.
 */
public final class BestBetRanking {

    static final Set<String> CALLS = Set.of("OVER", "UNDER");

    static final Comparator<Prediction> ORDER = Comparator
            .comparing(Prediction::confidence, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing((Prediction p) -> p.edge() == null ? null : Math.abs(p.edge()),
                    Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Prediction::gameId)
            .thenComparing(Prediction::playerId);

    private BestBetRanking() {
    }

    /** The best {@code limit} of {@code systemId}'s calls among {@code predictions}, best first. */
    public static List<Prediction> top(List<Prediction> predictions, String systemId, int limit) {
        return predictions.stream()
                .filter(p -> p.systemId().equals(systemId))
                .filter(BestBetRanking::isCall)
                .sorted(ORDER)
                .limit(limit)
                .toList();
    }

    /**
     * An OVER or UNDER against a line. A null recommendation with a line is a system that made no
     * prediction (a player's first game of the season, or of a backfill whose earlier dates were never
     * computed; no trained model): no call, hence no pick. Checked before {@code Set.contains}, which
     * throws on null.
     */
    static boolean isCall(Prediction p) {
        return p.hasPropLine() && p.pointsLine() != null && p.recommendation() != null
                && CALLS.contains(p.recommendation());
    }
}
