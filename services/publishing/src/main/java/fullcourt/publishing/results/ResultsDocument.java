package fullcourt.publishing.results;

import java.util.List;

/** {@code v1/results/<date>.json}: the date's final scores and every player's line (schema: exports/schemas/results.schema.json). */
public record ResultsDocument(int schemaVersion, String gameDate, List<Game> games) {

    /** One game, by game id. */
    public record Game(String gameId, String season, String seasonType, TeamResult away, TeamResult home) {
    }

    /** A team's final points (null when no source had its totals) and its players: starters first, then by minutes. */
    public record TeamResult(String team, Long points, List<PlayerLine> players) {
    }

    /** A player's box-score line; minutes and stats are null when the player did not play (dnpReason says why). */
    public record PlayerLine(String playerId, String playerName, boolean starter, Double minutes, Long points,
                             Long rebounds, Long assists, Long threesMade, String dnpReason) {
    }

    /** Records of the document, as its manifest row counts them: player lines. */
    public long playerLines() {
        return games.stream().mapToLong(g -> g.away().players().size() + g.home().players().size()).sum();
    }
}
