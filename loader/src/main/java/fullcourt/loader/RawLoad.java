package fullcourt.loader;

import fullcourt.loader.announce.RawUpdateAnnouncer;
import fullcourt.loader.check.Rejection;
import fullcourt.loader.check.RowChecks;
import fullcourt.loader.contract.RawContract;
import fullcourt.loader.contract.RawTable;
import fullcourt.loader.stage.RawFile;
import fullcourt.loader.stage.StagingArea;
import fullcourt.loader.write.DateChange;
import fullcourt.loader.write.PartitionState;
import fullcourt.loader.write.RawPartitions;
import fullcourt.loader.write.StagedDates;
import fullcourt.messages.RawUpdate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One load of raw files: read and check every file, then (unless refused or a dry run) replace the dates the
 * accepted rows cover, then announce the dates that changed. Checks come before any write: a load with a rejected
 * row writes nothing unless bad rows are to be skipped; a date whose rows are identical to the warehouse's is left
 * alone, so loading the same file again changes and announces nothing.
 */
public final class RawLoad {

    /** Names this loader in the announcements it publishes. */
    public static final String SOURCE = "fullcourt-load";
    static final String ANNOUNCEMENT_FAILED = "not announced: ";

    private final RawContract contract;
    private final Connection staging;
    private final RawPartitions partitions;
    private final RawUpdateAnnouncer announcer;

    /** {@code staging} is a DuckDB connection for the checks; for a DuckDB warehouse, the warehouse's own. */
    public RawLoad(RawContract contract, Connection staging, RawPartitions partitions, RawUpdateAnnouncer announcer) {
        this.contract = contract;
        this.staging = staging;
        this.partitions = partitions;
        this.announcer = announcer;
    }

    public LoadResult run(List<RawFile> files, boolean dryRun, boolean skipBadRows) throws SQLException {
        List<Rejection> rejections = new ArrayList<>();
        StagingArea area = new StagingArea(staging);
        for (RawFile file : files) {
            rejections.addAll(area.stage(file));
        }
        List<RawTable> tables = contract.tables().stream()
                .filter(t -> files.stream().anyMatch(f -> f.table().name().equals(t.name()))).toList();

        RowChecks checks = new RowChecks(staging);
        execute("CREATE OR REPLACE TEMP TABLE " + RowChecks.KNOWN_GAMES + " (game_id VARCHAR, game_date DATE)");
        // the schedule first: the other tables' games are looked up in this load's accepted schedule rows
        for (RawTable table : tables) {
            if (table.name().equals("schedule")) {
                List<Rejection> refused = checks.check(table);
                rejections.addAll(refused);
                checks.accept(table, refused);
                execute("INSERT INTO " + RowChecks.KNOWN_GAMES + " SELECT game_id, game_date FROM "
                        + RowChecks.acceptedOf(table));
            }
        }
        addWarehouseGames(tables);
        for (RawTable table : tables) {
            if (!table.name().equals("schedule")) {
                List<Rejection> refused = checks.check(table);
                rejections.addAll(refused);
                checks.accept(table, refused);
            }
        }
        // in the order the files were given, then by line
        List<String> order = files.stream().map(RawFile::label).toList();
        rejections.sort(java.util.Comparator.comparingInt((Rejection r) -> order.indexOf(r.file()))
                .thenComparingLong(Rejection::line));

        List<DateChange> changes = new ArrayList<>();
        List<StagedDates> writes = new ArrayList<>();
        for (RawTable table : tables) {
            StagedDates staged = new StagedDates(table, staging, RowChecks.acceptedOf(table), acceptedDates(table));
            Map<LocalDate, PartitionState> before = partitions.currentState(table, staged.dates());
            Map<LocalDate, PartitionState> after = partitions.stagedState(staged);
            Set<LocalDate> changed = new TreeSet<>();
            for (LocalDate date : new TreeSet<>(staged.dates())) {
                PartitionState old = before.get(date);
                PartitionState loaded = after.get(date);
                DateChange.Kind kind = old == null ? DateChange.Kind.NEW
                        : old.equals(loaded) ? DateChange.Kind.UNCHANGED : DateChange.Kind.REPLACED;
                changes.add(new DateChange(table.qualifiedName(), date, old == null ? 0 : old.rows(), loaded.rows(), kind));
                if (kind != DateChange.Kind.UNCHANGED) {
                    changed.add(date);
                }
            }
            writes.add(new StagedDates(table, staging, staged.relation(), changed));
        }

        if (!rejections.isEmpty() && !skipBadRows) {
            return new LoadResult(LoadResult.Outcome.REFUSED, rejections, changes, Map.of(),
                    "nothing written, nothing announced");
        }
        if (dryRun) {
            return new LoadResult(LoadResult.Outcome.DRY_RUN, rejections, changes, Map.of(),
                    "dry run: nothing written, nothing announced");
        }
        partitions.replace(writes);
        return announce(rejections, changes, writes);
    }

    private LoadResult announce(List<Rejection> rejections, List<DateChange> changes, List<StagedDates> writes) {
        Map<String, List<LocalDate>> changed = new LinkedHashMap<>();
        for (StagedDates w : writes) {
            if (!w.dates().isEmpty()) {
                changed.put(w.table().qualifiedName(), new TreeSet<>(w.dates()).stream().toList());
            }
        }
        if (changed.isEmpty()) {
            return new LoadResult(LoadResult.Outcome.WRITTEN, rejections, changes, Map.of(),
                    "no date changed: nothing announced");
        }
        if (announcer.disabledBecause().isPresent()) {
            return new LoadResult(LoadResult.Outcome.WRITTEN, rejections, changes, Map.of(),
                    "not announced (" + announcer.disabledBecause().get() + ")");
        }
        Map<String, List<LocalDate>> announced = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, List<LocalDate>> e : changed.entrySet()) {
                List<LocalDate> dates = e.getValue();
                for (int from = 0; from < dates.size(); from += RawUpdate.MAX_DATES) {
                    List<LocalDate> chunk = dates.subList(from, Math.min(dates.size(), from + RawUpdate.MAX_DATES));
                    announcer.announce(RawUpdate.of(e.getKey(), chunk).withSource(SOURCE));
                    announced.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).addAll(chunk);
                }
            }
        } catch (RuntimeException e) {
            return new LoadResult(LoadResult.Outcome.WRITTEN, rejections, changes, announced,
                    ANNOUNCEMENT_FAILED + e.getMessage());
        }
        return new LoadResult(LoadResult.Outcome.WRITTEN, rejections, changes, announced,
                "announced on raw-updates: " + changed.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue().size() + " date(s)").toList());
    }

    /** Games the load's other tables name that its own schedule rows do not: looked up in the warehouse. */
    private void addWarehouseGames(List<RawTable> tables) throws SQLException {
        Set<String> wanted = new TreeSet<>();
        for (RawTable table : tables) {
            if (table.name().equals("schedule")) {
                continue;
            }
            try (Statement st = staging.createStatement();
                 ResultSet rs = st.executeQuery("SELECT DISTINCT game_id FROM " + StagingArea.stageOf(table)
                         + " WHERE game_id IS NOT NULL AND game_id NOT IN (SELECT game_id FROM "
                         + RowChecks.KNOWN_GAMES + ")")) {
                while (rs.next()) {
                    wanted.add(rs.getString(1));
                }
            }
        }
        Map<String, LocalDate> games = partitions.scheduledGames(wanted);
        try (PreparedStatement ps = staging.prepareStatement("INSERT INTO " + RowChecks.KNOWN_GAMES + " VALUES (?, ?)")) {
            for (Map.Entry<String, LocalDate> g : games.entrySet()) {
                ps.setString(1, g.getKey());
                ps.setObject(2, g.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private Set<LocalDate> acceptedDates(RawTable table) throws SQLException {
        Set<LocalDate> dates = new TreeSet<>();
        try (Statement st = staging.createStatement();
             ResultSet rs = st.executeQuery("SELECT DISTINCT game_date FROM " + RowChecks.acceptedOf(table))) {
            while (rs.next()) {
                dates.add(rs.getObject(1, LocalDate.class));
            }
        }
        return dates;
    }

    private void execute(String sql) throws SQLException {
        try (Statement st = staging.createStatement()) {
            st.execute(sql);
        }
    }
}
