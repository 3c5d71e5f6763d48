package fullcourt.loader.check;

import fullcourt.loader.contract.RawColumn;
import fullcourt.loader.contract.RawTable;
import fullcourt.loader.stage.StagingArea;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The checks of staged rows, run by DuckDB on the staging connection: types and required columns on the text,
 * then {@link RowRules}, key uniqueness within the load and, for every table but the schedule, the game on the
 * schedule ({@code known_games}: this load's accepted schedule rows, else the warehouse's). Rows that pass end in
 * {@code accepted_<table>} with the contract's types.
 */
public final class RowChecks {

    /** Games a non-schedule row may refer to: (game_id, game_date), filled before those tables are checked. */
    public static final String KNOWN_GAMES = "known_games";

    private final Connection connection;

    public RowChecks(Connection connection) {
        this.connection = connection;
    }

    public static String typedOf(RawTable table) {
        return "typed_" + table.name();
    }

    public static String acceptedOf(RawTable table) {
        return "accepted_" + table.name();
    }

    /** Every row of {@code table}'s staging table that breaks the contract, with all its reasons. */
    public List<Rejection> check(RawTable table) throws SQLException {
        Map<String, List<String>> reasons = new TreeMap<>();
        collect(reasons, "SELECT _file, _line, reason FROM (SELECT _file, _line, unnest([" + typeRules(table)
                + "]) AS reason FROM " + StagingArea.stageOf(table) + ") WHERE reason IS NOT NULL");
        execute("CREATE OR REPLACE TEMP TABLE " + typedOf(table) + " AS SELECT _file, _line, " + table.columns().stream()
                .map(c -> "CASE WHEN " + c.name() + " IS NOT NULL AND " + c.type().validSql(c.name()) + " THEN "
                        + c.type().castSql(c.name()) + " END AS " + c.name())
                .collect(Collectors.joining(", ")) + " FROM " + StagingArea.stageOf(table));
        collect(reasons, "SELECT _file, _line, reason FROM (SELECT _file, _line, unnest(["
                + String.join(", ", RowRules.of(table.name())) + "]) AS reason FROM " + typedOf(table)
                + ") WHERE reason IS NOT NULL");
        collect(reasons, duplicateKeys(table));
        if (!table.name().equals("schedule")) {
            collect(reasons, notOnTheSchedule(table));
        }
        List<Rejection> rejections = new ArrayList<>();
        reasons.forEach((place, list) -> {
            int colon = place.lastIndexOf('\u0000');
            rejections.add(new Rejection(place.substring(0, colon), Long.parseLong(place.substring(colon + 1)),
                    String.join("; ", list)));
        });
        rejections.sort(null);
        return rejections;
    }

    /** {@code accepted_<table>}: the typed rows of {@code table} not in {@code rejected}, in the contract's columns. */
    public void accept(RawTable table, Collection<Rejection> rejected) throws SQLException {
        execute("CREATE OR REPLACE TEMP TABLE rejected_rows (_file VARCHAR, _line BIGINT)");
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO rejected_rows VALUES (?, ?)")) {
            for (Rejection r : rejected) {
                ps.setString(1, r.file());
                ps.setLong(2, r.line());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        execute("CREATE OR REPLACE TEMP TABLE " + acceptedOf(table) + " AS SELECT "
                + String.join(", ", table.columnNames()) + " FROM " + typedOf(table) + " t WHERE NOT EXISTS (SELECT 1"
                + " FROM rejected_rows r WHERE r._file = t._file AND r._line = t._line) ORDER BY _file, _line");
    }

    private static String typeRules(RawTable table) {
        List<String> rules = new ArrayList<>();
        for (RawColumn c : table.columns()) {
            if (c.required()) {
                rules.add("CASE WHEN " + c.name() + " IS NULL THEN '" + c.name() + " is required' END");
            }
            if (c.type() != fullcourt.loader.contract.RawType.VARCHAR) {
                rules.add("CASE WHEN " + c.name() + " IS NOT NULL AND NOT " + c.type().validSql(c.name()) + " THEN '"
                        + c.name() + ": ''' || " + c.name() + " || ''' is not " + c.type().expectation() + "' END");
            }
        }
        return rules.isEmpty() ? "NULL" : String.join(", ", rules);
    }

    private static String duplicateKeys(RawTable table) {
        List<String> key = table.key();
        String keyList = String.join(", ", key);
        String values = key.stream().map(k -> "CAST(t." + k + " AS VARCHAR)").collect(Collectors.joining(" || ', ' || "));
        return "SELECT t._file, t._line, 'key (" + keyList + ") = (' || " + values + " || ') appears ' || d.n"
                + " || ' times in this load: ' || d.places AS reason FROM " + typedOf(table) + " t JOIN (SELECT "
                + keyList + ", count(*) AS n, string_agg(_file || ':' || _line, ', ' ORDER BY _file, _line) AS places"
                + " FROM " + typedOf(table) + " WHERE " + key.stream().map(k -> k + " IS NOT NULL")
                .collect(Collectors.joining(" AND ")) + " GROUP BY " + keyList + " HAVING count(*) > 1) d USING ("
                + keyList + ")";
    }

    private static String notOnTheSchedule(RawTable table) {
        return "SELECT t._file, t._line, CASE WHEN g.game_id IS NULL THEN 'game ' || t.game_id || ' is not on the"
                + " schedule (neither in this load''s raw.schedule rows nor in the warehouse)' ELSE 'game ' || t.game_id"
                + " || ' is on the schedule on ' || g.game_date || ', not on ' || t.game_date END AS reason FROM "
                + typedOf(table) + " t LEFT JOIN " + KNOWN_GAMES + " g ON g.game_id = t.game_id"
                + " WHERE regexp_full_match(t.game_id, '" + RowRules.GAME_ID + "') AND t.game_date IS NOT NULL"
                + " AND (g.game_id IS NULL OR g.game_date <> t.game_date)";
    }

    private void collect(Map<String, List<String>> reasons, String sql) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                // file and line as one sortable key; \0 cannot occur in a path
                String place = rs.getString(1) + '\u0000' + String.format("%012d", rs.getLong(2));
                reasons.computeIfAbsent(place, p -> new ArrayList<>()).add(rs.getString(3));
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        }
    }
}
