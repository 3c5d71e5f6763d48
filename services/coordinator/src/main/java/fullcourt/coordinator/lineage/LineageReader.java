package fullcourt.coordinator.lineage;

import fullcourt.coordinator.lineage.LineageFacts.ChangedInput;
import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.ProcessorDeclaration;
import fullcourt.engine.catalog.RawInput;
import fullcourt.engine.lineage.InputKey;
import fullcourt.engine.lineage.LatestWrite;
import fullcourt.engine.lineage.LineageStore;
import fullcourt.engine.lineage.PartitionFingerprints;
import fullcourt.engine.lineage.PartitionKey;
import fullcourt.engine.warehouse.Column;
import fullcourt.engine.warehouse.ColumnValues;
import fullcourt.engine.warehouse.Warehouse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads {@link LineageFacts} from the warehouse in a fixed number of queries, whatever the number of
 * partitions: the latest writes; one query that joins every input the latest writes read with the
 * fingerprints now (upstreams' from their lineage, raw tables' computed from the data) and returns
 * only those that differ; and the dates each output table has rows for. All SQL runs on both engines.
 */
public final class LineageReader {

    /** Lineage covers every date: windows reach back across seasons. */
    static final LocalDate FIRST = LocalDate.of(1900, 1, 1);
    static final LocalDate LAST = LocalDate.of(2999, 12, 31);

    private final Catalog catalog;
    private final Warehouse warehouse;

    public LineageReader(Catalog catalog, Warehouse warehouse) {
        this.catalog = catalog;
        this.warehouse = warehouse;
    }

    public LineageFacts read() {
        LineageStore store = LineageStore.create(warehouse);
        Map<PartitionKey, LatestWrite> latest = store.latest(List.of(), FIRST, LAST);
        return new LineageFacts(store.currentVersions(), latest, changedInputs(), present());
    }

    /** The SQL of the changed-inputs query for these raw tables (with their columns); public for the SQL analysis. */
    public static String changedInputsQuery(Map<String, List<Column>> rawTables) {
        StringBuilder now = new StringBuilder("SELECT l.processor AS input, l.game_date AS input_date,"
                + " CASE WHEN e.stage = 'written' THEN e.fingerprint WHEN e.stage = 'skipped' THEN '0:0'"
                + " ELSE 'unknown' END AS fingerprint FROM latest AS l LEFT JOIN ended AS e ON e.write_id = l.write_id");
        for (Map.Entry<String, List<Column>> raw : rawTables.entrySet()) {
            // the table name as a literal, like the FROM beside it: a catalog constant checked as raw.<name>
            now.append(" UNION ALL SELECT '").append(raw.getKey()).append("' AS input, f.partition_date AS input_date,")
                    .append(" CAST(f.row_count AS STRING) || ':' || CAST(f.checksum AS STRING) AS fingerprint FROM (")
                    .append(PartitionFingerprints.query(raw.getKey(), "game_date", raw.getValue())).append(") AS f");
        }
        return LineageStore.latestCte() + ", now_fingerprints AS (" + now + ")"
                + " SELECT l.processor, l.game_date, i.input, i.input_date, i.fingerprint AS read_fingerprint,"
                + " COALESCE(n.fingerprint, '0:0') AS now_fingerprint"
                + " FROM latest AS l JOIN " + LineageStore.INPUTS + " AS i ON i.write_id = l.write_id"
                + " LEFT JOIN now_fingerprints AS n ON n.input = i.input AND n.input_date = i.input_date"
                + " WHERE i.fingerprint <> COALESCE(n.fingerprint, '0:0')"
                + " ORDER BY l.game_date, l.processor, i.input_date, i.input";
    }

    private Map<PartitionKey, List<ChangedInput>> changedInputs() {
        Map<String, List<Column>> raw = new java.util.TreeMap<>();
        for (String table : rawTables()) {
            List<Column> columns = warehouse.columns(table);
            if (!columns.isEmpty()) {
                raw.put(table, columns);
            }
        }
        Map<String, Object> params = new HashMap<>();
        params.put("from", FIRST);
        params.put("to", LAST);
        Map<PartitionKey, List<ChangedInput>> out = new HashMap<>();
        for (Map<String, Object> r : warehouse.query(changedInputsQuery(raw), params)) {
            PartitionKey key = new PartitionKey((String) r.get("processor"), ColumnValues.date(r.get("game_date")));
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(new ChangedInput(
                    new InputKey((String) r.get("input"), ColumnValues.date(r.get("input_date"))),
                    (String) r.get("read_fingerprint"), (String) r.get("now_fingerprint")));
        }
        return out;
    }

    private Set<String> rawTables() {
        Set<String> out = new TreeSet<>();
        for (ProcessorDeclaration d : catalog.all()) {
            d.rawInputs().stream().map(RawInput::table).forEach(out::add);
        }
        return out;
    }

    /** The partitions with rows, per output table (one DISTINCT query each). */
    private Set<PartitionKey> present() {
        Set<PartitionKey> out = new HashSet<>();
        for (ProcessorDeclaration d : catalog.all()) {
            if (!warehouse.tableExists(d.table())) {
                continue;
            }
            for (Map<String, Object> r : warehouse.query("SELECT DISTINCT " + d.partitionColumn() + " AS d FROM "
                    + d.table(), Map.of())) {
                out.add(new PartitionKey(d.name(), ColumnValues.date(r.get("d"))));
            }
        }
        return out;
    }
}
