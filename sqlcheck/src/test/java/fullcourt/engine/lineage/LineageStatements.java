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
     * The store's writes, which run once per parameter set (a write's bracket, {@code updateBatch}), as the BigQuery
     * adapter sends them ({@link Batches}): built by the store's own methods with the parameters its callers pass, each
     * as sent and, where a call passes one set, also two or three sets in one batch (so renamed parameters and sets
     * with different nulls are analyzed together). {@code tables}: the catalog's tables, whose output tables each get
     * the {@code written} row a worker records behind a write.
     */
    public static List<SqlStatement> batches(Map<String, List<Column>> tables) {
        Map<InputSpan, String> reads = new TreeMap<>();
        reads.put(new InputSpan("raw.player_box_scores", TO, TO), "d41d8cd9");
        reads.put(new InputSpan("raw.team_box_scores", TO, TO), "0cc175b9");
        reads.put(new InputSpan("analytics.player_game_summary", FROM, TO), "92eb5ffe");
        List<WriteBracket.Statement> beginning = LineageStore.beginning("w-1", "player_rolling_form", TO,
                "sql-0123456789ab", "run-1", AT, reads);
        WriteBracket.Statement begun = beginning.get(1);
        WriteBracket.Statement skipped = LineageStore.skipped("w-2", "player_rolling_form", TO, "sql-0123456789ab",
                "run-1", "no games on this date", AT);
        WriteBracket.Statement skippedToo = LineageStore.skipped("w-3", "team_defense_game_summary", TO,
                "sql-0123456789ab", "run-1", "no games on this date", AT);

        List<SqlStatement> out = new ArrayList<>();
        out.addAll(Batches.of(STORE + "beginning: INSERT_READ", beginning.get(0)));
        out.addAll(Batches.of(STORE + "beginning: INSERT_LINEAGE (begun)", begun));
        out.addAll(Batches.of(STORE + "skipped: INSERT_LINEAGE", skipped));
        out.addAll(Batches.of(STORE + "INSERT_LINEAGE (begun and skipped rows)", new WriteBracket.Statement(
                begun.sql(), List.of(begun.paramSets().get(0), skipped.paramSets().get(0),
                skippedToo.paramSets().get(0)))));
        tables.forEach((table, columns) -> {
            if (isOutput(table, columns)) {
                WriteBracket.Statement written = written("w-1", table, columns);
                out.addAll(Batches.of(STORE + "written(" + table + ")", written));
                out.addAll(Batches.of(STORE + "written(" + table + ")", new WriteBracket.Statement(written.sql(),
                        List.of(written.paramSets().get(0), written("w-2", table, columns).paramSets().get(0)))));
            }
        });
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("player_game_summary", "sql-0123456789ab");
        versions.put("team_offense_game_summary", "sql-23456789abcd");
        versions.put("player_prop_predictions", "java-3456789abcde");
        for (WriteBracket.Statement batch : updateBatches(store -> store.registerVersions(versions, AT))) {
            out.addAll(Batches.of(STORE + "registerVersions: INSERT_VERSION", batch));
        }
        return out;
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
