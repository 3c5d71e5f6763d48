package fullcourt.seasons.raw;

import fullcourt.seasons.play.GameResult;
import fullcourt.seasons.play.PlayerLine;
import fullcourt.seasons.play.PropLine;
import fullcourt.seasons.play.ShotEvent;
import fullcourt.seasons.schedule.ScheduledGame;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/** Appends raw rows through DuckDB's appender, one per table, counting what it wrote. */
public final class RawRowWriter implements AutoCloseable {

    private final DuckDBAppender schedule;
    private final DuckDBAppender players;
    private final DuckDBAppender teams;
    private final DuckDBAppender shots;
    private final DuckDBAppender props;
    private final Map<String, Long> counts = new LinkedHashMap<>();

    public RawRowWriter(Connection connection) throws SQLException {
        DuckDBConnection duck = connection.unwrap(DuckDBConnection.class);
        schedule = duck.createAppender("raw", "schedule");
        players = duck.createAppender("raw", "player_box_scores");
        teams = duck.createAppender("raw", "team_box_scores");
        shots = duck.createAppender("raw", "shot_events");
        props = duck.createAppender("raw", "prop_lines");
        for (String table : RawTables.NAMES) {
            counts.put(table, 0L);
        }
    }

    public void schedule(ScheduledGame game, String season) throws SQLException {
        schedule.beginRow()
                .append(game.gameId())
                .append(game.date())
                .append(season)
                .append(game.type().column())
                .append(game.home().code())
                .append(game.away().code())
                .endRow();
        count("schedule", 1);
    }

    public void playerBoxScores(GameResult result) throws SQLException {
        ScheduledGame game = result.game();
        playerRows(game, game.home().code(), game.away().code(), result.home());
        playerRows(game, game.away().code(), game.home().code(), result.away());
    }

    private void playerRows(ScheduledGame game, String team, String opponent, List<PlayerLine> lines) throws SQLException {
        String gameId = game.gameId();
        for (PlayerLine l : lines) {
            players.beginRow()
                    .append(gameId)
                    .append(game.date())
                    .append(team)
                    .append(opponent)
                    .append(l.player().id())
                    .append(l.player().name())
                    .append(l.starter());
            if (l.played()) {
                players.append(l.minutes())
                        .append(l.points())
                        .append(l.fgm()).append(l.fga())
                        .append(l.fg3m()).append(l.fg3a())
                        .append(l.ftm()).append(l.fta())
                        .append(l.oreb()).append(l.dreb())
                        .append(l.ast()).append(l.stl()).append(l.blk()).append(l.tov()).append(l.pf())
                        .append(l.plusMinus())
                        .appendNull();
            } else {
                for (int k = 0; k < 16; k++) {
                    players.appendNull();
                }
                players.append(l.dnpReason());
            }
            players.endRow();
        }
        count("player_box_scores", lines.size());
    }

    public void teamBoxScores(GameResult result) throws SQLException {
        ScheduledGame game = result.game();
        teamRow(result, game.home().code(), game.away().code(), true, result.home());
        teamRow(result, game.away().code(), game.home().code(), false, result.away());
    }

    private void teamRow(GameResult result, String team, String opponent, boolean home, List<PlayerLine> lines)
            throws SQLException {
        int[] t = new int[14];
        for (PlayerLine l : lines) {
            int[] v = {l.points(), l.fgm(), l.fga(), l.fg3m(), l.fg3a(), l.ftm(), l.fta(),
                l.oreb(), l.dreb(), l.ast(), l.stl(), l.blk(), l.tov(), l.pf()};
            for (int k = 0; k < t.length; k++) {
                t[k] += v[k];
            }
        }
        teams.beginRow()
                .append(result.game().gameId())
                .append(result.game().date())
                .append(team)
                .append(opponent)
                .append(home)
                .append(result.teamMinutes())
                .append(result.overtimePeriods());
        for (int v : t) {
            teams.append(v);
        }
        teams.endRow();
        count("team_box_scores", 1);
    }

    public void shotEvents(GameResult result) throws SQLException {
        ScheduledGame game = result.game();
        String gameId = game.gameId();
        int eventId = 0;
        for (ShotEvent s : result.shots()) {
            shots.beginRow()
                    .append(gameId)
                    .append(game.date())
                    .append(++eventId)
                    .append(s.period())
                    .append(s.team())
                    .append(s.playerId())
                    .append(s.zone().column())
                    .append(s.made())
                    .append(s.assisted())
                    .endRow();
        }
        count("shot_events", result.shots().size());
    }

    public void propLine(PropLine line) throws SQLException {
        props.beginRow()
                .append(line.gameId())
                .append(line.gameDate())
                .append(line.playerId())
                .append(line.pointsLine())
                .append(line.overOdds())
                .append(line.underOdds())
                .append(line.capturedAt())
                .endRow();
        count("prop_lines", 1);
    }

    /** Rows written per table, in the schema's table order. */
    public Map<String, Long> counts() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    private void count(String table, long n) {
        counts.merge(table, n, Long::sum);
    }

    @Override
    public void close() throws SQLException {
        SQLException failure = null;
        for (DuckDBAppender a : List.of(schedule, players, teams, shots, props)) {
            try {
                a.close();
            } catch (SQLException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
