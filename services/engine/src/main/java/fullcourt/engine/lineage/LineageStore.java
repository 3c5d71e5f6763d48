package fullcourt.engine.lineage;

import fullcourt.engine.warehouse.Column;
import fullcourt.engine.warehouse.ColumnValues;
import fullcourt.engine.warehouse.Warehouse;
import fullcourt.engine.warehouse.WriteBracket;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
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
 *   <li>{@code ops.lineage_reads}: per write, what it read: one row per window of each input
 *   (upstream processor or raw table) with its dates and the digest of their fingerprints at read
 *   time ({@link FingerprintIndex}).</li>
 *   <li>{@code ops.processor_versions}: each phase service registers its processors' versions at
 *   start, so the coordinator, which never imports service code, knows the current ones.</li>
 * </ul>
 */
public final class LineageStore {

    public static final String LINEAGE = "ops.partition_lineage";
    public static final String READS = "ops.lineage_reads";
    public static final String VERSIONS = "ops.processor_versions";

    /** The DDL of the three tables, in the subset both engines run (BigQuery's provisioner creates them too). */
    public static final List<String> DDL = List.of(
            "CREATE TABLE IF NOT EXISTS " + LINEAGE + " (processor STRING NOT NULL, game_date DATE NOT NULL,"
                    + " write_id STRING NOT NULL, stage STRING NOT NULL, version STRING, run_id STRING,"
                    + " row_count INT64, fingerprint STRING, detail STRING, recorded_at TIMESTAMP NOT NULL)",
            "CREATE TABLE IF NOT EXISTS " + READS + " (write_id STRING NOT NULL, processor STRING NOT NULL,"
                    + " game_date DATE NOT NULL, input STRING NOT NULL, first_date DATE NOT NULL,"
                    + " last_date DATE NOT NULL, digest STRING NOT NULL)",
            "CREATE TABLE IF NOT EXISTS " + VERSIONS + " (processor STRING NOT NULL, version STRING NOT NULL,"
                    + " registered_at TIMESTAMP NOT NULL)");

    /**
     * The CTEs {@code begun}, {@code latest} and {@code ended} over {@code @from..@to}: the latest begun write of each
     * (processor, date), by {@code recorded_at} then {@code write_id}, and the ends of writes; the same choice as
     * {@link #latest}, for queries that join lineage in the warehouse.
     */
    static final String LATEST = "WITH begun AS ("
            + " SELECT processor, game_date, write_id, version, run_id, recorded_at,"
            + " ROW_NUMBER() OVER (PARTITION BY processor, game_date ORDER BY recorded_at DESC, write_id DESC)"
            + " AS recency FROM " + LINEAGE + " WHERE stage = 'begun' AND game_date BETWEEN @from AND @to"
            + "), latest AS (SELECT processor, game_date, write_id, version, run_id, recorded_at FROM begun"
            + " WHERE recency = 1),"
            + " ended AS (SELECT write_id, stage, row_count, fingerprint, detail FROM " + LINEAGE
            + " WHERE stage <> 'begun' AND game_date BETWEEN @from AND @to)";

    static final String INSERT_READ = "INSERT INTO " + READS + " (write_id, processor, game_date, input, first_date,"
            + " last_date, digest) VALUES (@write_id, @processor, @game_date, @input, @first_date, @last_date, @digest)";
    static final String INSERT_LINEAGE = "INSERT INTO " + LINEAGE + " (processor, game_date, write_id, stage, version,"
            + " run_id, row_count, fingerprint, detail, recorded_at) VALUES (@processor, @game_date, @write_id, @stage,"
            + " @version, @run_id, @row_count, @fingerprint, @detail, @recorded_at)";
    static final String READS_OF_WRITE = "SELECT input, first_date, last_date, digest FROM " + READS
            + " WHERE write_id = @w";
    static final String INSERT_VERSION = "INSERT INTO " + VERSIONS + " (processor, version, registered_at)"
            + " VALUES (@processor, @version, @registered_at)";
    static final String CURRENT_VERSIONS = "SELECT processor, version FROM (SELECT processor, version,"
            + " ROW_NUMBER() OVER (PARTITION BY processor ORDER BY registered_at DESC) AS recency FROM " + VERSIONS
            + ") AS v WHERE recency = 1";

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

    /**
     * The statements that record that a write of (processor, date) begins, with what it read (span -> digest), to run
     * before the write or in its transaction ({@link WriteBracket}). The reads go first: a crash between leaves rows
     * no write refers to, never a write without its reads.
     */
    public static List<WriteBracket.Statement> beginning(String writeId, String processor, LocalDate date,
                                                         String version, String runId, Instant at,
                                                         Map<InputSpan, String> reads) {
        List<Map<String, Object>> rows = new ArrayList<>(reads.size());
        reads.forEach((span, digest) -> rows.add(Map.of("write_id", writeId, "processor", processor,
                "game_date", date, "input", span.input(), "first_date", span.first(), "last_date", span.last(),
                "digest", digest)));
        return List.of(new WriteBracket.Statement(INSERT_READ, rows),
                WriteBracket.Statement.of(INSERT_LINEAGE, row(writeId, processor, date, "begun", version, runId,
                        null, null, null, at)));
    }

    /**
     * The statement that records a write's outcome right behind it (or in its transaction): {@code written}, with
     * the row count and fingerprint of the partition as it is then ({@link PartitionFingerprints#partitionQuery}),
     * computed by the warehouse in the same statement.
     */
    public static WriteBracket.Statement written(String writeId, String processor, LocalDate date, String version,
                                                 String runId, Instant at, String table, String partitionColumn,
                                                 List<Column> columns) {
        return written(writeId, processor, date, version, runId, at, table, partitionColumn, columns, null);
    }

    /** {@link #written}, handing the row as written (with its fingerprint) to {@code inserted} where the engine returns it. */
    public static WriteBracket.Statement written(String writeId, String processor, LocalDate date, String version,
                                                 String runId, Instant at, String table, String partitionColumn,
                                                 List<Column> columns,
                                                 java.util.function.Consumer<Map<String, Object>> inserted) {
        Map<String, Object> row = row(writeId, processor, date, "written", version, runId, null, null, null, at);
        row.remove("row_count");
        row.remove("fingerprint");
        row.remove("detail");
        return new WriteBracket.Statement(writtenSql(table, partitionColumn, columns), List.of(row), inserted);
    }

    /** The INSERT ... SELECT of {@link #written}, for the SQL analysis. */
    public static String writtenSql(String table, String partitionColumn, List<Column> columns) {
        return "INSERT INTO " + LINEAGE + " (processor, game_date, write_id, stage, version, run_id, row_count,"
                + " fingerprint, detail, recorded_at) SELECT @processor, @game_date, @write_id, @stage, @version,"
                + " @run_id, f.row_count, CAST(f.row_count AS STRING) || ':' || CAST(f.checksum AS STRING),"
                + " CAST(NULL AS STRING), @recorded_at FROM ("
                + PartitionFingerprints.partitionQuery(table, partitionColumn, columns) + ") AS f";
    }

    /** The statement that records that a begun write skipped its partition (left it empty), and why. */
    public static WriteBracket.Statement skipped(String writeId, String processor, LocalDate date, String version,
                                                 String runId, String reason, Instant at) {
        return WriteBracket.Statement.of(INSERT_LINEAGE, row(writeId, processor, date, "skipped", version, runId, 0L,
                Fingerprint.EMPTY.text(), reason, at));
    }

    private static Map<String, Object> row(String writeId, String processor, LocalDate date, String stage,
                                           String version, String runId, Long rows, String fingerprint, String detail,
                                           Instant at) {
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
        return row;
    }

    /**
     * The latest write of every partition of {@code processors} (all when empty) dated in [from, to]: the latest
     * {@code begun} row (by {@code recorded_at}, then {@code write_id}) and its end, if any. One scan of the rows,
     * ranked here: a worker asks for a window's partitions before every write, and ranking in the warehouse cost it
     * more than reading the rows (bench/REPORT.md, section 5).
     */
    public Map<PartitionKey, LatestWrite> latest(Collection<String> processors, LocalDate from, LocalDate to) {
        Map<String, Object> params = new HashMap<>();
        params.put("from", from);
        params.put("to", to);
        int i = 0;
        for (String p : processors) {
            params.put("p" + i++, p);
        }
        Map<PartitionKey, Map<String, Object>> begun = new HashMap<>();
        Map<String, Map<String, Object>> ended = new HashMap<>();
        for (Map<String, Object> r : warehouse.query(lineageRows(processors.size()), params)) {
            if ("begun".equals(r.get("stage"))) {
                begun.merge(new PartitionKey((String) r.get("processor"), ColumnValues.date(r.get("game_date"))), r,
                        (a, b) -> LATER.compare(a, b) >= 0 ? a : b);
            } else {
                ended.put((String) r.get("write_id"), r);
            }
        }
        Map<PartitionKey, LatestWrite> out = new TreeMap<>(BY_DATE);
        begun.forEach((key, b) -> {
            Map<String, Object> e = ended.get((String) b.get("write_id"));
            String stage = e == null ? null : (String) e.get("stage");
            out.put(key, new LatestWrite(key.processor(), key.date(), (String) b.get("write_id"),
                    (String) b.get("version"), ColumnValues.instant(b.get("recorded_at")), (String) b.get("run_id"),
                    stage == null ? null : LatestWrite.Outcome.valueOf(stage.toUpperCase(java.util.Locale.ROOT)),
                    e == null || e.get("row_count") == null ? 0 : ((Number) e.get("row_count")).longValue(),
                    e == null ? null : (String) e.get("fingerprint"), e == null ? null : (String) e.get("detail")));
        });
        return out;
    }

    /** The lineage rows of {@code @from..@to}, of processors {@code @p0..@p<n-1>} (all when n is 0). */
    static String lineageRows(int processors) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < processors; i++) {
            names.add("@p" + i);
        }
        return "SELECT processor, game_date, write_id, stage, version, run_id, row_count, fingerprint, detail,"
                + " recorded_at FROM " + LINEAGE + " WHERE game_date BETWEEN @from AND @to"
                + (processors == 0 ? "" : " AND processor IN (" + String.join(", ", names) + ")");
    }

    private static final Comparator<Map<String, Object>> LATER = Comparator
            .comparing((Map<String, Object> r) -> ColumnValues.instant(r.get("recorded_at")))
            .thenComparing(r -> (String) r.get("write_id"));

    private static final Comparator<PartitionKey> BY_DATE = Comparator.comparing(PartitionKey::date)
            .thenComparing(PartitionKey::processor);

    /** What a write read: each span with the digest it saw. */
    public Map<InputSpan, String> readsOf(String writeId) {
        Map<InputSpan, String> out = new TreeMap<>();
        for (Map<String, Object> r : warehouse.query(READS_OF_WRITE, Map.of("w", writeId))) {
            out.put(span(r), (String) r.get("digest"));
        }
        return out;
    }

    /** The span of a row with {@code input}, {@code first_date} and {@code last_date}. */
    public static InputSpan span(Map<String, Object> row) {
        return new InputSpan((String) row.get("input"), ColumnValues.date(row.get("first_date")),
                ColumnValues.date(row.get("last_date")));
    }

    /** Registers the versions a service runs now (a service registers at each start). */
    public void registerVersions(Map<String, String> versions, Instant at) {
        List<Map<String, Object>> rows = new ArrayList<>();
        versions.forEach((p, v) -> rows.add(Map.of("processor", p, "version", v, "registered_at", Timestamp.from(at))));
        warehouse.updateBatch(INSERT_VERSION, rows);
    }

    /** The latest registered version of each processor. */
    public Map<String, String> currentVersions() {
        Map<String, String> out = new TreeMap<>();
        for (Map<String, Object> r : warehouse.query(CURRENT_VERSIONS, Map.of())) {
            out.put((String) r.get("processor"), (String) r.get("version"));
        }
        return out;
    }
}
