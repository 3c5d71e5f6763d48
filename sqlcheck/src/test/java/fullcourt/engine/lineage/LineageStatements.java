package fullcourt.engine.lineage;

import fullcourt.engine.warehouse.Column;
import fullcourt.engine.warehouse.Warehouse;
import fullcourt.engine.warehouse.WriteBracket;
import fullcourt.engine.warehouse.bigquery.Batches;
import fullcourt.sqlcheck.SqlStatement;
import fullcourt.sqlcheck.StatementKind;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The lineage store's and the fingerprints' SQL, parameters as {@link LineageStore} and its callers pass them. */
public final class LineageStatements {

    static final String STORE = "services/engine/src/main/java/fullcourt/engine/lineage/LineageStore.";
    static final LocalDate FROM = LocalDate.of(2021, 10, 19);
    static final LocalDate TO = LocalDate.of(2024, 1, 15);
    static final Instant AT = Instant.parse("2024-01-15T12:00:00Z");

    private LineageStatements() {
    }

    public static List<SqlStatement> ddl() {
        List<SqlStatement> out = new ArrayList<>();
        for (int i = 0; i < LineageStore.DDL.size(); i++) {
            out.add(SqlStatement.of(StatementKind.DDL, STORE + "DDL[" + i + "]", LineageStore.DDL.get(i)));
        }
        return out;
    }

    /** The store's reads, each sent as one query. */
    public static List<SqlStatement> all() {
        return List.of(
                SqlStatement.of(StatementKind.LINEAGE, STORE + "lineageRows(0)", LineageStore.lineageRows(0),
                        "from", FROM, "to", TO),
                SqlStatement.of(StatementKind.LINEAGE, STORE + "lineageRows(2)", LineageStore.lineageRows(2),
                        "from", FROM, "to", TO, "p0", "player_game_summary", "p1", "team_offense_game_summary"),
                SqlStatement.of(StatementKind.LINEAGE, STORE + "latestCte() + a select of latest and ended",
                        LineageStore.latestCte() + " SELECT l.processor, l.game_date, l.version, e.stage, e.row_count"
                                + " FROM latest AS l LEFT JOIN ended AS e ON e.write_id = l.write_id",
                        "from", FROM, "to", TO),
                SqlStatement.of(StatementKind.LINEAGE, STORE + "READS_OF_WRITE", LineageStore.READS_OF_WRITE,
                        "w", "w-1"),
                SqlStatement.of(StatementKind.LINEAGE, STORE + "CURRENT_VERSIONS", LineageStore.CURRENT_VERSIONS));
    }

    /**
     * The store's writes as the BigQuery adapter sends them. A write's bracket ({@code beginning}, {@code written},
     * {@code skipped}) is sent as the adapter decides per statement: one that knows its rows is appended through the
     * Storage Write API (no SQL), its computed columns first selected by one query job, analyzed here as sent (the
     * {@code written} row's fingerprint SELECT of each output table, {@link StatementKind#FINGERPRINT}); one that does
     * not would be sent as DML jobs ({@link Batches}) and is analyzed so (none does now). {@code updateBatch} calls
     * ({@code registerVersions}) are sent as DML jobs, a multi-row INSERT of three sets here. {@code tables}: the
     * catalog's tables, whose output tables each get the {@code written} row a worker records behind a write.
     */
    public static List<SqlStatement> writes(Map<String, List<Column>> tables) {
        Map<InputSpan, String> reads = new TreeMap<>();
        reads.put(new InputSpan("raw.player_box_scores", TO, TO), "d41d8cd9");
        reads.put(new InputSpan("raw.team_box_scores", TO, TO), "0cc175b9");
        reads.put(new InputSpan("analytics.player_game_summary", FROM, TO), "92eb5ffe");
        Map<String, WriteBracket.Statement> bracket = new LinkedHashMap<>();
        List<WriteBracket.Statement> beginning = LineageStore.beginning("w-1", "player_rolling_form", TO,
                "sql-0123456789ab", "run-1", AT, reads);
        bracket.put("beginning: reads", beginning.get(0));
        bracket.put("beginning: begun", beginning.get(1));
        bracket.put("skipped", LineageStore.skipped("w-2", "player_rolling_form", TO, "sql-0123456789ab", "run-1",
                "no games on this date", AT));
        tables.forEach((table, columns) -> {
            if (isOutput(table, columns)) {
                bracket.put("written(" + table + ")", written("w-1", table, columns));
            }
        });

        List<SqlStatement> out = new ArrayList<>();
        bracket.forEach((what, statement) -> out.addAll(asSent(STORE + what, statement)));
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("player_game_summary", "sql-0123456789ab");
        versions.put("team_offense_game_summary", "sql-23456789abcd");
        versions.put("player_prop_predictions", "java-3456789abcde");
        out.addAll(Batches.of(STORE + "registerVersions: INSERT_VERSION", registerVersions(versions, AT)));
        return out;
    }

    /** The one batch {@code registerVersions} sends for {@code versions}. */
    public static WriteBracket.Statement registerVersions(Map<String, String> versions, Instant at) {
        List<WriteBracket.Statement> batches = updateBatches(store -> store.registerVersions(versions, at));
        if (batches.size() != 1 || !batches.get(0).sql().equals(LineageStore.INSERT_VERSION)) {
            throw new IllegalStateException("registerVersions sent " + batches.size() + " batches, not one of"
                    + " INSERT_VERSION: the statements analyzed here are out of date");
        }
        return batches.get(0);
    }

    /**
     * What the BigQuery adapter sends for one statement of a write's bracket: the query computing its rows' computed
     * columns, if any (the rows themselves are appended: no SQL); all of it as DML jobs for a statement that does not
     * know its rows.
     */
    static List<SqlStatement> asSent(String source, WriteBracket.Statement statement) {
        if (statement.rows() == null) {
            return Batches.of(source, statement);
        }
        WriteBracket.Computed computed = statement.rows().computed();
        if (computed == null) {
            return List.of();
        }
        Map<String, Object> params = new LinkedHashMap<>(computed.params());
        return List.of(new SqlStatement(StatementKind.FINGERPRINT, source + ": the SELECT of its computed columns,"
                + " its row appended", computed.query(), params));
    }

    /**
     * {@code PartitionFingerprints.query} of each raw and output table (not ops), over its columns: the staleness
     * check's fingerprints, one query each.
     */
    public static List<SqlStatement> fingerprints(Map<String, List<Column>> tables) {
        List<SqlStatement> out = new ArrayList<>();
        tables.forEach((table, columns) -> {
            if (!table.startsWith("ops.") && columns.stream().anyMatch(c -> c.name().equals("game_date"))) {
                out.add(SqlStatement.of(StatementKind.FINGERPRINT,
                        "services/engine PartitionFingerprints.query(" + table + ")",
                        PartitionFingerprints.query(table, "game_date", columns), "from", FROM, "to", TO));
            }
        });
        return out;
    }

    private static boolean isOutput(String table, List<Column> columns) {
        return !table.startsWith("ops.") && !table.startsWith("raw.")
                && columns.stream().anyMatch(c -> c.name().equals("game_date"));
    }

    private static WriteBracket.Statement written(String writeId, String table, List<Column> columns) {
        return LineageStore.written(writeId, table.substring(table.indexOf('.') + 1), TO, "sql-0123456789ab",
                "run-1", AT, table, "game_date", columns);
    }

    /** The {@code updateBatch} calls {@code use} makes on a store over a warehouse that takes nothing else. */
    private static List<WriteBracket.Statement> updateBatches(java.util.function.Consumer<LineageStore> use) {
        List<WriteBracket.Statement> calls = new ArrayList<>();
        Warehouse recording = (Warehouse) Proxy.newProxyInstance(Warehouse.class.getClassLoader(),
                new Class<?>[] {Warehouse.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("updateBatch")) {
                        throw new UnsupportedOperationException(method.getName() + " is not expected here");
                    }
                    @SuppressWarnings("unchecked")
                    List<Map<String, Object>> sets = (List<Map<String, Object>>) args[1];
                    calls.add(new WriteBracket.Statement((String) args[0], sets));
                    return null;
                });
        use.accept(new LineageStore(recording));
        if (calls.isEmpty()) {
            throw new IllegalStateException("the store sent no batch: the statements analyzed here are out of date");
        }
        return calls;
    }
}
