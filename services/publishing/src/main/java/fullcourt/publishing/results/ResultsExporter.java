package fullcourt.publishing.results;

import fullcourt.engine.processor.Outcome;
import fullcourt.engine.processor.Processor;
import fullcourt.engine.processor.TaskContext;
import fullcourt.engine.warehouse.Warehouse;
import fullcourt.publishing.Export;
import fullcourt.publishing.export.ExportPublisher;
import fullcourt.publishing.export.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** results_export: the date's games (teams, home/away, final points) and each player's line, from the Phase 3 summaries. */
@ApplicationScoped
public class ResultsExporter implements Processor {

    public static final String TEAMS_SQL = "SELECT game_id, season, season_type, team, opponent, is_home, points"
            + " FROM analytics.team_offense_game_summary WHERE game_date = @game_date";
    public static final String PLAYERS_SQL = "SELECT game_id, team, player_id, player_name, starter, minutes, points, reb,"
            + " ast, fg3m, dnp_reason FROM analytics.player_game_summary WHERE game_date = @game_date";

    /** Starters first, then most minutes (DNP last), then player id: a total order, so the file is stable. */
    static final Comparator<ResultsDocument.PlayerLine> PLAYER_ORDER = Comparator
            .comparing((ResultsDocument.PlayerLine p) -> !p.starter())
            .thenComparing(ResultsDocument.PlayerLine::minutes, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(ResultsDocument.PlayerLine::playerId);

    private final ExportPublisher publisher;

    @Inject
    public ResultsExporter(ExportPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public String name() {
        return Export.RESULTS.processor();
    }

    @Override
    public Outcome process(TaskContext task) {
        return publisher.export(task, Export.RESULTS, (warehouse, date) -> {
            ResultsDocument document = read(warehouse, date);
            return new ExportPublisher.Built(document, document.playerLines());
        });
    }

    static ResultsDocument read(Warehouse warehouse, LocalDate date) {
        Map<String, Object> params = Map.of("game_date", date);
        Map<String, List<ResultsDocument.PlayerLine>> playersByTeam = new TreeMap<>();
        for (Map<String, Object> row : warehouse.query(PLAYERS_SQL, params)) {
            playersByTeam.computeIfAbsent(key(Rows.text(row, "game_id"), Rows.text(row, "team")), k -> new ArrayList<>())
                    .add(new ResultsDocument.PlayerLine(Rows.text(row, "player_id"), Rows.text(row, "player_name"),
                            Boolean.TRUE.equals(Rows.flag(row, "starter")), Rows.decimal(row, "minutes"),
                            Rows.integer(row, "points"), Rows.integer(row, "reb"), Rows.integer(row, "ast"),
                            Rows.integer(row, "fg3m"), Rows.text(row, "dnp_reason")));
        }
        Map<String, GameRows> games = new TreeMap<>();
        for (Map<String, Object> row : warehouse.query(TEAMS_SQL, params)) {
            GameRows game = games.computeIfAbsent(Rows.text(row, "game_id"),
                    id -> new GameRows(id, Rows.text(row, "season"), Rows.text(row, "season_type")));
            if (Boolean.TRUE.equals(Rows.flag(row, "is_home"))) {
                game.home = row;
            } else {
                game.away = row;
            }
        }
        List<ResultsDocument.Game> out = new ArrayList<>();
        for (GameRows g : games.values()) {
            out.add(new ResultsDocument.Game(g.gameId, g.season, g.seasonType,
                    team(g.gameId, g.away, g.home, playersByTeam), team(g.gameId, g.home, g.away, playersByTeam)));
        }
        return new ResultsDocument(Export.SCHEMA_VERSION, date.toString(), out);
    }

    /** The team of {@code row}, or (a source gap) the opponent named by the other team's row, without points. */
    private static ResultsDocument.TeamResult team(String gameId, Map<String, Object> row, Map<String, Object> other,
                                                   Map<String, List<ResultsDocument.PlayerLine>> playersByTeam) {
        String team = row != null ? Rows.text(row, "team") : Rows.text(other, "opponent");
        Long points = row != null ? Rows.integer(row, "points") : null;
        List<ResultsDocument.PlayerLine> players = new ArrayList<>(playersByTeam.getOrDefault(key(gameId, team), List.of()));
        players.sort(PLAYER_ORDER);
        return new ResultsDocument.TeamResult(team, points, players);
    }

    private static String key(String gameId, String team) {
        return gameId + "/" + team;
    }

    /** A game's two team rows as read. */
    private static final class GameRows {
        final String gameId;
        final String season;
        final String seasonType;
        Map<String, Object> home;
        Map<String, Object> away;

        GameRows(String gameId, String season, String seasonType) {
            this.gameId = gameId;
            this.season = season;
            this.seasonType = seasonType;
        }
    }
}
