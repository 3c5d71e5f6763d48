package fullcourt.engine.testing.models;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Writes fixture rows into the raw tables. A game is named by its id, {@code YYYYMMDD_AWAY_HOME},
 * from which its date, home team and away team follow. Box-score stats are given in one order,
 * the order of the raw tables: points, fgm, fga, fg3m, fg3a, ftm, fta, oreb, dreb, ast, stl, blk,
 * tov, pf.
 */
public final class RawRows {

    private static final int STAT_COUNT = 14;

    private final ModelRunner runner;
    private int nextEventId = 1;

    public RawRows(ModelRunner runner) {
        this.runner = runner;
    }

    /** A row of raw.schedule. */
    public RawRows game(String gameId, String season, String seasonType) {
        runner.execute("INSERT INTO raw.schedule VALUES (" + String.join(", ",
                text(gameId), date(gameId), text(season), text(seasonType), text(home(gameId)), text(away(gameId))) + ")");
        return this;
    }

    /** A row of raw.team_box_scores: the team source has this team's totals for the game. */
    public RawRows teamBox(String gameId, String team, int minutes, int overtimePeriods, int... stats) {
        runner.execute("INSERT INTO raw.team_box_scores VALUES (" + String.join(", ",
                text(gameId), date(gameId), text(team), text(opponent(gameId, team)),
                String.valueOf(team.equals(home(gameId))), String.valueOf(minutes), String.valueOf(overtimePeriods),
                numbers(stats)) + ")");
        return this;
    }

    /** A row of raw.player_box_scores for a player who played. */
    public RawRows playerBox(String gameId, String team, String playerId, double minutes, int... stats) {
        runner.execute("INSERT INTO raw.player_box_scores VALUES (" + String.join(", ",
                text(gameId), date(gameId), text(team), text(opponent(gameId, team)), text(playerId),
                text("Player " + playerId), "TRUE", String.valueOf(minutes), numbers(stats), "0", "NULL") + ")");
        return this;
    }

    /** A row of raw.player_box_scores for a player who did not play: no minutes, no stats. */
    public RawRows didNotPlay(String gameId, String team, String playerId, String reason) {
        String noStats = String.join(", ", Collections.nCopies(STAT_COUNT + 1, "NULL"));
        runner.execute("INSERT INTO raw.player_box_scores VALUES (" + String.join(", ",
                text(gameId), date(gameId), text(team), text(opponent(gameId, team)), text(playerId),
                text("Player " + playerId), "FALSE", "NULL", noStats, text(reason)) + ")");
        return this;
    }

    /**
     * {@code attempts} rows of raw.shot_events in one zone: the first {@code makes} made, the first
     * {@code assistedMakes} of those assisted.
     */
    public RawRows shots(String gameId, String team, String playerId, String zone, int attempts, int makes,
                  int assistedMakes) {
        for (int i = 0; i < attempts; i++) {
            runner.execute("INSERT INTO raw.shot_events VALUES (" + String.join(", ",
                    text(gameId), date(gameId), String.valueOf(nextEventId++), "1", text(team), text(playerId),
                    text(zone), String.valueOf(i < makes), String.valueOf(i < assistedMakes)) + ")");
        }
        return this;
    }

    /** A row of raw.prop_lines, captured at {@code capturedAt} ('YYYY-MM-DD HH:MM:SS'). */
    public RawRows propLine(String gameId, String playerId, double pointsLine, int overOdds, int underOdds,
                     String capturedAt) {
        runner.execute("INSERT INTO raw.prop_lines VALUES (" + String.join(", ",
                text(gameId), date(gameId), text(playerId), String.valueOf(pointsLine), String.valueOf(overOdds),
                String.valueOf(underOdds), "TIMESTAMP " + text(capturedAt)) + ")");
        return this;
    }

    public static LocalDate dateOf(String gameId) {
        return LocalDate.of(Integer.parseInt(gameId.substring(0, 4)), Integer.parseInt(gameId.substring(4, 6)),
                Integer.parseInt(gameId.substring(6, 8)));
    }

    private static String away(String gameId) {
        return gameId.split("_")[1];
    }

    private static String home(String gameId) {
        return gameId.split("_")[2];
    }

    private static String opponent(String gameId, String team) {
        if (team.equals(home(gameId))) {
            return away(gameId);
        }
        if (team.equals(away(gameId))) {
            return home(gameId);
        }
        throw new IllegalArgumentException(team + " does not play in " + gameId);
    }

    private static String numbers(int... stats) {
        if (stats.length != STAT_COUNT) {
            throw new IllegalArgumentException("expected " + STAT_COUNT + " stats (points fgm fga fg3m fg3a ftm fta"
                    + " oreb dreb ast stl blk tov pf), got " + Arrays.toString(stats));
        }
        return IntStream.of(stats).mapToObj(String::valueOf).collect(Collectors.joining(", "));
    }

    private static String date(String gameId) {
        return "DATE '" + dateOf(gameId) + "'";
    }

    private static String text(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
