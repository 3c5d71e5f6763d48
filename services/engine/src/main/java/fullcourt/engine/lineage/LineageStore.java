package fullcourt.engine.lineage;

import fullcourt.engine.warehouse.ColumnValues;
import fullcourt.engine.warehouse.Warehouse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Partition lineage in the warehouse ({@code ops}), append-only, so it survives restarts and a
 * write never updates a row:
 * <ul>
 *   <li>{@code ops.partition_lineage}: a {@code begun} row before a partition is written (its
 *   version), then a {@code written} row (row count, fingerprint) or a {@code skipped} row after,
 *   with the same {@code write_id}. A write whose {@code begun} row has no end was interrupted
 *   between the data and its lineage: that partition is stale, never silently fresh. (BigQuery
 *   cannot put a WRITE_TRUNCATE job and an INSERT in one transaction, hence two rows on both
 *   engines.)</li>
 *   <li>{@code ops.lineage_inputs}: per write, every partition it read (upstream processor or raw
 *   table, each date of its windows) with that partition's fingerprint at read time.</li>
 *   <li>{@code ops.processor_versions}: each phase service registers its processors' versions at
 *   start, so the coordinator, which never imports service code, knows the current ones.</li>
 * </ul>
 */
public final class LineageStore {

    public static final String LINEAGE = "ops.partition_lineage";
    public static final String INPUTS = "ops.lineage_inputs";
    public static final String VERSIONS = "ops.processor_versions";

    /** The DDL of the three tables, in the subset both engines run (BigQuery's provisioner creates them too). */
    public static final List<String> DDL = List.of(
            "CREATE TABLE IF NOT EXISTS " + LINEAGE + " (processor STRING NOT NULL, game_date DATE NOT NULL,"
                    + " write_id STRING NOT NULL, stage STRING NOT NULL, version STRING, run_id STRING,"
                    + " row_count INT64, fingerprint STRING, detail STRING, recorded_at TIMESTAMP NOT NULL)",
            "CREATE TABLE IF NOT EXISTS " + INPUTS + " (write_id STRING NOT NULL, processor STRING NOT NULL,"
                    + " game_date DATE NOT NULL, input STRING NOT NULL, input_date DATE NOT NULL,"
                    + " fingerprint STRING NOT NULL)",
            "CREATE TABLE IF NOT EXISTS " + VERSIONS + " (processor STRING NOT NULL, version STRING NOT NULL,"
                    + " registered_at TIMESTAMP NOT NULL)");

    /** The latest begun write of each (processor, date) and its end, if any: shared by every read. */
    static final String LATEST = latest("");

    /**
     * The CTEs {@code begun}, {@code latest} and {@code ended} over {@code @from..@to}, with {@code filter} (an
     * {@code AND ...} on the lineage columns, or empty) inside both scans, so the window function ranks only the
     * partitions asked for.
     */
    private static String latest(String filter) {
        return "WITH begun AS ("
                + " SELECT processor, game_date, write_id, version, run_id, recorded_at,"
                + " ROW_NUMBER() OVER (PARTITION BY processor, game_date ORDER BY recorded_at DESC, write_id DESC)"
                + " AS recency FROM " + LINEAGE + " WHERE stage = 'begun' AND game_date BETWEEN @from AND @to" + filter
                + "), latest AS (SELECT processor, game_date, write_id, version, run_id, recorded_at FROM begun"
                + " WHERE recency = 1),"
                + " ended AS (SELECT write_id, stage, row_count, fingerprint, detail FROM " + LINEAGE
                + " WHERE stage <> 'begun' AND game_date BETWEEN @from AND @to" + filter + ")";
    }

    private static String latestRows(String filter) {
        return latest(filter) + " SELECT l.processor, l.game_date, l.write_id, l.version, l.run_id, l.recorded_at,"
                + " e.stage, e.row_count, e.fingerprint, e.detail FROM latest AS l LEFT JOIN ended AS e"
                + " ON e.write_id = l.write_id";
    }

    private final Warehouse warehouse;

    /** The CTEs {@code begun}, {@code latest} and {@code ended} over {@code @from..@to}, for queries that read lineage. */
    public static String latestCte() {
        return LATEST;
    }

    /** A store over tables that exist ({@link #create}). */
    public LineageStore(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** Creates the lineage tables where they do not exist yet, then the store. */
    public static LineageStore create(Warehouse warehouse) {
        DDL.forEach(ddl -> warehouse.update(ddl, Map.of()));
        return new LineageStore(warehouse);
    }

    /** Records that a write of (processor, date) begins, with everything it read: before the partition is touched. */
    public void begin(String writeId, String processor, LocalDate date, String version, String runId, Instant at,
                      Map<InputKey, String> inputs) {
        if (!inputs.isEmpty()) {
            List<Map<String, Object>> rows = new ArrayList<>(inputs.size());
            inputs.forEach((k, fp) -> rows.add(Map.of("write_id", writeId, "processor", processor, "game_date", date,
                    "input", k.input(), "input_date", k.date(), "fingerprint", fp)));
            warehouse.updateBatch("INSERT INTO " + INPUTS + " (write_id, processor, game_date, input, input_date,"
                    + " fingerprint) VALUES (@write_id, @processor, @game_date, @input, @input_date, @fingerprint)", rows);
        }
        insert(writeId, processor, date, "begun", version, runId, null, null, null, at);
    }

    /** Records the partition a begun write left: its rows and fingerprint. */
    public void written(String writeId, String processor, LocalDate date, String version, String runId,
                        Fingerprint fingerprint, Instant at) {
        insert(writeId, processor, date, "written", version, runId, fingerprint.rows(), fingerprint.text(), null, at);
    }

    /** Records that a begun write skipped its partition, and why. */
    public void skipped(String writeId, String processor, LocalDate date, String version, String runId, String reason,
                        Instant at) {
        insert(writeId, processor, date, "skipped", version, runId, 0L, Fingerprint.EMPTY.text(), reason, at);
    }

    private void insert(String writeId, String processor, LocalDate date, String stage, String version, String runId,
                        Long rows, String fingerprint, String detail, Instant at) {
        Map<String, Object> row = new HashMap<>();
        row.put("processor", processor);
        row.put("game_date", date);
        row.put("write_id", writeId);
        row.put("stage", stage);
        row.put("version", version);
        row.put("run_id", runId);
        row.put("row_count", rows);
        row.put("fingerprint", fingerprint);
        row.put("detail", detail);
        row.put("recorded_at", Timestamp.from(at));
        warehouse.update("INSERT INTO " + LINEAGE + " (processor, game_date, write_id, stage, version, run_id,"
                + " row_count, fingerprint, detail, recorded_at) VALUES (@processor, @game_date, @write_id, @stage,"
                + " @version, @run_id, @row_count, @fingerprint, @detail, @recorded_at)", row);
    }

    /** The latest write of every partition of {@code processors} (all when empty) dated in [from, to]. */
    public Map<PartitionKey, LatestWrite> latest(Collection<String> processors, LocalDate from, LocalDate to) {
        Map<String, Object> params = new HashMap<>();
        params.put("from", from);
        params.put("to", to);
        String filter = "";
        if (!processors.isEmpty()) {
            List<String> names = new ArrayList<>();
            int i = 0;
            for (String p : processors) {
                params.put("p" + i, p);
                names.add("@p" + i++);
            }
            filter = " AND processor IN (" + String.join(", ", names) + ")";
        }
        String sql = latestRows(filter);
        Map<PartitionKey, LatestWrite> out = new LinkedHashMap<>();
        for (Map<String, Object> r : warehouse.query(sql, params)) {
            String stage = (String) r.get("stage");
            LatestWrite w = new LatestWrite((String) r.get("processor"), ColumnValues.date(r.get("game_date")),
                    (String) r.get("write_id"), (String) r.get("version"), ColumnValues.instant(r.get("recorded_at")),
                    (String) r.get("run_id"),
                    stage == null ? null : LatestWrite.Outcome.valueOf(stage.toUpperCase(java.util.Locale.ROOT)),
                    r.get("row_count") == null ? 0 : ((Number) r.get("row_count")).longValue(),
                    (String) r.get("fingerprint"), (String) r.get("detail"));
            out.put(new PartitionKey(w.processor(), w.date()), w);
        }
        return out;
    }

    /** What the latest write of (processor, date) read, with the fingerprints it saw. */
    public Map<InputKey, String> inputsOf(String writeId) {
        Map<InputKey, String> out = new TreeMap<>();
        for (Map<String, Object> r : warehouse.query("SELECT input, input_date, fingerprint FROM " + INPUTS
                + " WHERE write_id = @w", Map.of("w", writeId))) {
            out.put(new InputKey((String) r.get("input"), ColumnValues.date(r.get("input_date"))), (String) r.get("fingerprint"));
        }
        return out;
    }

    /** Registers the versions a service runs now (a service registers at each start). */
    public void registerVersions(Map<String, String> versions, Instant at) {
        List<Map<String, Object>> rows = new ArrayList<>();
        versions.forEach((p, v) -> rows.add(Map.of("processor", p, "version", v, "registered_at", Timestamp.from(at))));
        warehouse.updateBatch("INSERT INTO " + VERSIONS + " (processor, version, registered_at)"
                + " VALUES (@processor, @version, @registered_at)", rows);
    }

    /** The latest registered version of each processor. */
    public Map<String, String> currentVersions() {
        Map<String, String> out = new TreeMap<>();
        for (Map<String, Object> r : warehouse.query("SELECT processor, version FROM (SELECT processor, version,"
                + " ROW_NUMBER() OVER (PARTITION BY processor ORDER BY registered_at DESC) AS recency FROM " + VERSIONS
                + ") AS v WHERE recency = 1", Map.of())) {
            out.put((String) r.get("processor"), (String) r.get("version"));
        }
        return out;
    }
}
