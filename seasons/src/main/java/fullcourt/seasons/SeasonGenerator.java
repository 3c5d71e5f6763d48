package fullcourt.seasons;

import fullcourt.seasons.league.LeagueHistory;
import fullcourt.seasons.play.SeasonOutcome;
import fullcourt.seasons.play.SeasonSimulator;
import fullcourt.seasons.raw.RawRowWriter;
import fullcourt.seasons.raw.RawTables;
import fullcourt.seasons.schedule.RegularSeasonScheduler;
import fullcourt.seasons.schedule.ScheduledGame;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * Fills DuckDB's raw tables with synthetic seasons. The same seed always gives the same rows: a
 * season depends only on the seed and its label, except for prop lines, which, as in the
 * platform's history, exist only for recent dates: the last season asked for, and the second
 * half (after the All-Star break) of the season before it when that is asked for too.
 */
public final class SeasonGenerator {

    private static final int REGULAR_SEASON_GAMES = 1230;

    private final long seed;
    private final LeagueHistory history;

    public SeasonGenerator(long seed) {
        this.seed = seed;
        this.history = new LeagueHistory(seed, Season.FIRST_START_YEAR);
    }

    /**
     * Creates the raw tables where missing and replaces every row dated within the given seasons
     * (their first day to the end of their playoff window), in one transaction.
     */
    public GenerationReport generate(Connection duckdb, List<Season> seasons) throws SQLException {
        List<Season> ordered = seasons.stream().distinct().sorted(Comparator.comparing(Season::regularStart)).toList();
        if (ordered.isEmpty()) {
            return new GenerationReport(List.of(), new TreeMap<>(), List.of());
        }
        RawTables.create(duckdb);
        boolean autoCommit = duckdb.getAutoCommit();
        duckdb.setAutoCommit(false);
        try {
            List<SeasonSummary> summaries = new ArrayList<>();
            List<SourceGap> gaps = new ArrayList<>();
            GenerationReport report;
            for (Season season : ordered) {
                RawTables.deleteDates(duckdb, season.firstDay(), season.lastDay());
            }
            try (RawRowWriter writer = new RawRowWriter(duckdb)) {
                Season last = ordered.get(ordered.size() - 1);
                for (Season season : ordered) {
                    int year = season.startYear();
                    List<ScheduledGame> schedule =
                            new RegularSeasonScheduler(season, RandomStreams.of(seed, "schedule", year)).schedule();
                    List<SourceGap> seasonGaps = SourceGaps.choose(season, schedule, RandomStreams.of(seed, "gaps", year));
                    SourceRows rows = new SourceRows(writer, season.label(), seasonGaps);
                    SeasonOutcome outcome = new SeasonSimulator(season, history.season(year),
                            RandomStreams.of(seed, "play", year), RandomStreams.of(seed, "props", year),
                            propLinesFrom(season, last)).simulate(schedule, rows);
                    summaries.add(new SeasonSummary(season.label(), outcome.regularGames(), outcome.playoffGames(),
                            outcome.gameDates(), outcome.overtimeGames(), rows.propLineDates(), outcome.champion()));
                    gaps.addAll(seasonGaps);
                }
                report = new GenerationReport(summaries, writer.counts(), gaps);
            } catch (SourceRows.RawWriteException e) {
                throw e.getCause();
            }
            duckdb.commit();
            return report;
        } catch (SQLException | RuntimeException e) {
            duckdb.rollback();
            throw e;
        } finally {
            duckdb.setAutoCommit(autoCommit);
        }
    }

    /**
     * Schedule rows dated within the season (its first day to the end of its playoff window), whatever wrote them:
     * for a season that is not {@link #present}, rows someone loaded, which {@link #generate} would delete.
     */
    public long scheduledGames(Connection duckdb, Season season) throws SQLException {
        try (PreparedStatement ps = duckdb.prepareStatement(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'raw' AND table_name = 'schedule'")) {
            if (count(ps) == 0) {
                return 0;
            }
        }
        try (PreparedStatement ps = duckdb.prepareStatement(
                "SELECT count(*) FROM raw.schedule WHERE game_date BETWEEN ? AND ?")) {
            ps.setObject(1, season.firstDay());
            ps.setObject(2, season.lastDay());
            return count(ps);
        }
    }

    /** Whether the season's regular-season schedule and its box scores are already in the raw tables. */
    public boolean present(Connection duckdb, Season season) throws SQLException {
        try (PreparedStatement ps = duckdb.prepareStatement(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'raw' "
                        + "AND table_name IN ('schedule', 'player_box_scores')")) {
            if (count(ps) < 2) {
                return false;
            }
        }
        try (PreparedStatement ps = duckdb.prepareStatement(
                "SELECT count(*) FROM raw.schedule WHERE season = ? AND season_type = 'regular'")) {
            ps.setString(1, season.label());
            if (count(ps) != REGULAR_SEASON_GAMES) {
                return false;
            }
        }
        try (PreparedStatement ps = duckdb.prepareStatement(
                "SELECT count(*) FROM raw.player_box_scores WHERE game_date BETWEEN ? AND ?")) {
            ps.setObject(1, season.firstDay());
            ps.setObject(2, season.lastDay());
            return count(ps) > 0;
        }
    }

    /** The odds source keeps recent lines only: the latest season, and the second half of the one before. */
    private static LocalDate propLinesFrom(Season season, Season last) {
        if (season.equals(last)) {
            return season.firstDay();
        }
        if (season.startYear() == last.startYear() - 1) {
            return season.allStarBreakEnd().plusDays(1);
        }
        return null;
    }

    private static long count(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
