package fullcourt.engine.lineage;

import com.google.cloud.bigquery.Field;
import fullcourt.engine.warehouse.Column;
import fullcourt.engine.warehouse.ColumnValues;
import fullcourt.engine.warehouse.Warehouse;
import fullcourt.engine.warehouse.WriteBracket;
import fullcourt.infra.warehouse.PartitionedTable;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

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

    /**
     * The three tables as declared once, for BigQuery's provisioner with their partitioning
     * ({@link PartitionedTable#lineage()}): their DDL, their columns for appends and the INSERTs below all come from it.
     */
    private static final Map<String, PartitionedTable> DECLARED = declared();

    /** The DDL of the three tables, in the subset both engines run (BigQuery's provisioner creates them too). */
    public static final List<String> DDL = DECLARED.values().stream().map(LineageStore::createTable).toList();

    /** The columns of {@link #LINEAGE} and their types, in the table's order: what a row of it holds. */
    public static final List<Column> LINEAGE_COLUMNS = columnsOf(LINEAGE);
    /** The columns of {@link #READS} and their types, in the table's order. */
    public static final List<Column> READS_COLUMNS = columnsOf(READS);

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

    /** A row of {@link #READS}: what DuckDB runs in a write's transaction (BigQuery appends the row instead). */
    static final String INSERT_READ = WriteBracket.Statement.insertSql(READS, READS_COLUMNS);
    /** A row of {@link #LINEAGE}: what DuckDB runs in a write's transaction (BigQuery appends the row instead). */
    static final String INSERT_LINEAGE = WriteBracket.Statement.insertSql(LINEAGE, LINEAGE_COLUMNS);
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
     * no write refers to, never a write without its reads. Each knows its rows, so that BigQuery appends them
     * (Storage Write API) instead of running DML.
     */
    public static List<WriteBracket.Statement> beginning(String writeId, String processor, LocalDate date,
                                                         String version, String runId, Instant at,
                                                         Map<InputSpan, String> reads) {
        List<Map<String, Object>> rows = new ArrayList<>(reads.size());
        reads.forEach((span, digest) -> rows.add(Map.of("write_id", writeId, "processor", processor,
                "game_date", date, "input", span.input(), "first_date", span.first(), "last_date", span.last(),
                "digest", digest)));
        return List.of(WriteBracket.Statement.insert(READS, READS_COLUMNS, rows),
                WriteBracket.Statement.insert(LINEAGE, LINEAGE_COLUMNS, List.of(row(writeId, processor, date, "begun",
                        version, runId, null, null, null, at))));
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

    /**
     * {@link #written}, handing the row as written (with its fingerprint) to {@code inserted} where the engine returns
     * it. The statement is an {@code INSERT ... SELECT} of the row ({@link #writtenSql}: DuckDB runs it in the write's
     * transaction) and knows the row apart from its two computed columns, {@code row_count} and {@code fingerprint},
     * which {@link #fingerprintSql} selects the same way: BigQuery runs that SELECT as an ordinary query job behind the
     * write, then appends the row with its values (no DML). DuckDB computes them from the hashes its write's INSERT
     * hands back ({@link WriteBracket.FromWrite}: the same row hash, counted and summed), then inserts the row.
     */
    public static WriteBracket.Statement written(String writeId, String processor, LocalDate date, String version,
                                                 String runId, Instant at, String table, String partitionColumn,
                                                 List<Column> columns, Consumer<Map<String, Object>> inserted) {
        Map<String, Object> row = row(writeId, processor, date, "written", version, runId, null, null, null, at);
        row.remove("row_count");
        row.remove("fingerprint");
        row.remove("detail");
        WriteBracket.Rows rows = new WriteBracket.Rows(LINEAGE, LINEAGE_COLUMNS, List.of(row), new WriteBracket.Computed(
                fingerprintSql(table, partitionColumn, columns), Map.of(GAME_DATE, date),
                new WriteBracket.FromWrite(table, partitionColumn, date, PartitionFingerprints.rowHash(columns),
                        (count, sum) -> Map.of("row_count", count, "fingerprint", new Fingerprint(count, sum).text()))));
        return new WriteBracket.Statement(writtenSql(table, partitionColumn, columns), List.of(row), inserted, rows);
    }

    /** The parameter the partition's fingerprint query takes its date from: the row's own {@code game_date}. */
    private static final String GAME_DATE = "game_date";

    /** The row count as lineage records it, over {@link PartitionFingerprints#partitionQuery} as {@code f}. */
    private static final String ROW_COUNT = "f.row_count";
    /** The fingerprint as lineage records it ({@link Fingerprint#text()}: {@code rows:checksum}), over the same. */
    private static final String FINGERPRINT = "CAST(f.row_count AS STRING) || ':' || CAST(f.checksum AS STRING)";

    /**
     * The INSERT ... SELECT of {@link #written}: the row's parameters, {@link #ROW_COUNT} and {@link #FINGERPRINT},
     * and no {@code detail}.
     */
    public static String writtenSql(String table, String partitionColumn, List<Column> columns) {
        String values = LINEAGE_COLUMNS.stream().map(c -> switch (c.name()) {
            case "row_count" -> ROW_COUNT;
            case "fingerprint" -> FINGERPRINT;
            case "detail" -> "CAST(NULL AS STRING)";
            default -> "@" + c.name();
        }).collect(Collectors.joining(", "));
        return "INSERT INTO " + LINEAGE + " (" + LINEAGE_COLUMNS.stream().map(Column::name)
                .collect(Collectors.joining(", ")) + ") SELECT " + values + " FROM ("
                + PartitionFingerprints.partitionQuery(table, partitionColumn, columns) + ") AS f";
    }

    /**
     * The partition's {@code row_count} (INT64) and {@code fingerprint} (STRING) as {@link #writtenSql} selects them,
     * in one row: the SELECT BigQuery runs behind a write for the {@code written} row it appends.
     */
    public static String fingerprintSql(String table, String partitionColumn, List<Column> columns) {
        return "SELECT " + ROW_COUNT + " AS row_count, " + FINGERPRINT + " AS fingerprint FROM ("
                + PartitionFingerprints.partitionQuery(table, partitionColumn, columns) + ") AS f";
    }

    /** The statement that records that a begun write skipped its partition (left it empty), and why. */
    public static WriteBracket.Statement skipped(String writeId, String processor, LocalDate date, String version,
                                                 String runId, String reason, Instant at) {
        return WriteBracket.Statement.insert(LINEAGE, LINEAGE_COLUMNS, List.of(row(writeId, processor, date, "skipped",
                version, runId, 0L, Fingerprint.EMPTY.text(), reason, at)));
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

    private static Map<String, PartitionedTable> declared() {
        Map<String, PartitionedTable> out = new LinkedHashMap<>();
        PartitionedTable.lineage().forEach(t -> out.put(t.qualifiedName(), t));
        if (!out.keySet().equals(Set.of(LINEAGE, READS, VERSIONS))) {
            throw new IllegalStateException("the declared lineage tables " + out.keySet() + " are not the store's");
        }
        return out;
    }

    /** {@code CREATE TABLE IF NOT EXISTS} of a declared table: each column with its GoogleSQL type, NOT NULL where required. */
    private static String createTable(PartitionedTable table) {
        return "CREATE TABLE IF NOT EXISTS " + table.qualifiedName() + " (" + table.schema().getFields().stream()
                .map(f -> f.getName() + " " + f.getType().getStandardType().name()
                        + (f.getMode() == Field.Mode.REQUIRED ? " NOT NULL" : ""))
                .collect(Collectors.joining(", ")) + ")";
    }

    private static List<Column> columnsOf(String table) {
        return DECLARED.get(table).schema().getFields().stream()
                .map(f -> new Column(f.getName(), f.getType().getStandardType().name())).toList();
    }
}
