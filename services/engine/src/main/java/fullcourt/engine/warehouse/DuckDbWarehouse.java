package fullcourt.engine.warehouse;

import fullcourt.engine.processor.Cancellation;
import fullcourt.engine.processor.PermanentFailure;
import fullcourt.engine.processor.RetryableFailure;
import fullcourt.infra.warehouse.TableSchemas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Properties;
import java.util.Set;
import org.duckdb.DuckDBConnection;

/**
 * The embedded warehouse: one DuckDB file; queries and partition writes borrow a kept connection (duplicated from a
 * root connection, as DuckDB wants for concurrent use within a process; {@link KeptConnections}), other operations
 * open one of their own; a partition replaced in one transaction. Dataset names ({@code raw}, {@code analytics}, ...,
 * {@code ops}) are DuckDB schemas.
 */
public class DuckDbWarehouse implements Warehouse, AutoCloseable {

    /** Datasets that exist in every warehouse. */
    public static final Set<String> DATASETS = Set.of("raw", "analytics", "precompute", "predictions", "publishing", "ops");

    /**
     * Date arithmetic, safe division, hashing and splitting text into rows are spelled differently by DuckDB and
     * BigQuery, so models call these, defined by each backend in the {@code ops} dataset (BigQuery's in
     * warehouse/bigquery_functions.sql).
     */
    static final List<String> PORTABLE_FUNCTIONS = List.of(
            "CREATE OR REPLACE MACRO ops.days_between(later_date, earlier_date) AS"
                    + " CAST(CAST(later_date AS DATE) - CAST(earlier_date AS DATE) AS BIGINT)",
            "CREATE OR REPLACE MACRO ops.add_days(d, n) AS CAST(CAST(d AS DATE) + CAST(n AS INTEGER) AS DATE)",
            "CREATE OR REPLACE MACRO ops.safe_div(a, b) AS"
                    + " CASE WHEN b IS NULL OR b = 0 THEN NULL ELSE CAST(a AS DOUBLE) / CAST(b AS DOUBLE) END",
            "CREATE OR REPLACE MACRO ops.hash40(s) AS CAST('0x' || substr(md5(CAST(s AS VARCHAR)), 1, 10) AS BIGINT)",
            "CREATE OR REPLACE MACRO ops.row_hash40(r) AS CAST(hash(r) % 1099511627776 AS BIGINT)",
            "CREATE OR REPLACE MACRO ops.score_rows(s) AS TABLE SELECT split_part(r, chr(31), 1) AS game_id,"
                    + " split_part(r, chr(31), 2) AS player_id, CAST(split_part(r, chr(31), 3) AS DOUBLE) AS ml_points"
                    + " FROM (SELECT unnest(string_split(s, chr(30))) AS r) AS score_rows WHERE r <> ''");

    private final DuckDBConnection root;
    /**
     * Tables known to exist (a lookup or a write found or created them): not looked up again (output tables are
     * declared and created at open; the lookup was 6% of a backfill's worker time, and exports and training windows
     * asked before every task). Forgotten when a write to them fails or a DROP runs, in case one was dropped.
     */
    private final Set<String> written = ConcurrentHashMap.newKeySet();

    /** The kept connections of queries and partition writes ({@link KeptConnections}). */
    private final KeptConnections kept = new KeptConnections(this::connection);
    /** The ledger's fenced appends, with the tables' columns they keep. */
    private final DuckDbFencedAppends fencedAppends = new DuckDbFencedAppends();

    public DuckDbWarehouse(DuckDBConnection root) {
        this.root = root;
    }

    /** Opens (creating if needed) the database file, or an in-memory database for {@code :memory:}. */
    public static DuckDbWarehouse open(String path) {
        return open(path, DEFAULT_MEMORY_LIMIT);
    }

    /** DuckDB's own memory limit (80% of the machine's RAM). */
    public static final String DEFAULT_MEMORY_LIMIT = "default";

    /**
     * {@link #open(String)} with DuckDB's buffer manager held to {@code memoryLimit} ({@code 1GB}, {@code 512MB}...;
     * {@value #DEFAULT_MEMORY_LIMIT} leaves DuckDB's own).
     */
    public static DuckDbWarehouse open(String path, String memoryLimit) {
        return open(path, memoryLimit, DEFAULT_THREADS);
    }

    /** DuckDB's own number of threads: one per core. */
    public static final int DEFAULT_THREADS = 0;

    /**
     * {@link #open(String, String)} with DuckDB's threads set to {@code threads} ({@value #DEFAULT_THREADS}: DuckDB's
     * own, one per core). A worker runs many small statements at once, one per task, each on its task's thread:
     * DuckDB's own threads add hand-offs between them without adding cores (bench/REPORT.md section 6, sixth session).
     */
    public static DuckDbWarehouse open(String path, String memoryLimit, int threads) {
        Properties settings = new Properties();
        if (!memoryLimit.equalsIgnoreCase(DEFAULT_MEMORY_LIMIT)) {
            settings.setProperty("memory_limit", memoryLimit);
        }
        if (threads != DEFAULT_THREADS) {
            if (threads < 1) {
                throw new PermanentFailure("fullcourt.warehouse.duckdb-threads must be 1 or more, or "
                        + DEFAULT_THREADS + " for DuckDB's own (one per core); got " + threads);
            }
            settings.setProperty("threads", Integer.toString(threads));
        }
        try {
            if (!path.equals(":memory:")) {
                Path parent = Path.of(path).toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
            }
            // DriverManager's service-loader scan misses the driver under Quarkus' class loaders
            Class.forName("org.duckdb.DuckDBDriver");
            String url = path.equals(":memory:") ? "jdbc:duckdb:" : "jdbc:duckdb:" + path;
            DuckDbWarehouse w = new DuckDbWarehouse((DuckDBConnection) connect(url, settings, memoryLimit));
            for (String dataset : DATASETS) {
                w.update("CREATE SCHEMA IF NOT EXISTS " + dataset, Map.of());
            }
            for (String macro : PORTABLE_FUNCTIONS) {
                w.update(macro, Map.of());
            }
            // every processor's output table, before any task: a fresh warehouse never races to create them
            for (String table : TableSchemas.statements(TableSchemas.OUTPUTS)) {
                w.update(table, Map.of());
            }
            return w;
        } catch (SQLException e) {
            throw new PermanentFailure("cannot open DuckDB database '" + path + "': " + e.getMessage()
                    + " (is another Fullcourt process using it? DuckDB allows one writing process per file)", e);
        } catch (ClassNotFoundException e) {
            throw new PermanentFailure("the DuckDB JDBC driver is not on the classpath", e);
        } catch (java.io.IOException e) {
            throw new PermanentFailure("cannot create the directory of '" + path + "': " + e.getMessage(), e);
        }
    }

    private static Connection connect(String url, Properties settings, String memoryLimit)
            throws SQLException {
        try {
            return DriverManager.getConnection(url, settings);
        } catch (SQLException e) {
            if (settings.containsKey("memory_limit") && String.valueOf(e.getMessage()).contains("memory")) {
                throw new PermanentFailure("DuckDB refused the memory limit '" + memoryLimit + "' (" + e.getMessage()
                        + "): set fullcourt.warehouse.duckdb-memory-limit to a size such as 1GB or 512MB, or to "
                        + DEFAULT_MEMORY_LIMIT + " for DuckDB's own", e);
            }
            throw e;
        }
    }

    /** A new connection to the same database, for bulk loaders (the season generator's appenders); close it after use. */
    public Connection connection() throws SQLException {
        return root.duplicate();
    }

    @Override
    public long replacePartition(String table, String partitionColumn, LocalDate date, String selectSql,
                                 Map<String, Object> params, Cancellation cancellation, WriteBracket bracket) {
        return withKeptConnection("replace partition " + table + " " + partitionColumn + "=" + date, cancellation, w -> {
            Connection c = w.connection();
            if (!tableExists(table)) {
                execute(c, "CREATE TABLE IF NOT EXISTS " + table + " AS SELECT * FROM (" + selectSql + ") AS shape LIMIT 0",
                        params, cancellation);
            }
            written.add(table);
            // by name, as BigQuery matches a query's columns to its destination table's
            String insert = "INSERT INTO " + table + " BY NAME " + selectSql;
            return replace(w, table, partitionColumn, date, cancellation, bracket, hashed -> hashed == null
                    ? new Inserted(execute(c, insert, params, cancellation), 0, 0)
                    : insertHashed(c, insert, params, cancellation, hashed));
        });
    }

    /** In one transaction: the bracket, the partition's delete and nothing in its place (a table never created: none). */
    @Override
    public void clearPartition(String table, String partitionColumn, LocalDate date, Cancellation cancellation,
                               WriteBracket bracket) {
        boolean exists = tableExists(table);
        withKeptConnection("clear partition " + table + " " + partitionColumn + "=" + date, cancellation,
                w -> replace(w, exists ? table : null, partitionColumn, date, cancellation, bracket,
                        hashed -> new Inserted(0, 0, 0)));
    }

    /** {@code write} on a kept connection ({@link KeptConnections}), its failure classified as {@code what}'s. */
    private <T> T withKeptConnection(String what, Cancellation cancellation, KeptConnections.Operation<T> write) {
        try {
            return kept.with(write);
        } catch (SQLException e) {
            throw classify(what, e, cancellation);
        }
    }

    /** How many kept connections are idle (tests). */
    int idleConnections() {
        return kept.idle();
    }

    /** What a write's insert did: its rows, and of them those of the partition with the sum of their hashes. */
    private record Inserted(long rows, long partitionRows, long hashSum) {
    }

    private interface Insert {
        /** Inserts; with {@code hashed}, hands back the inserted rows' hashes ({@link WriteBracket.FromWrite}). */
        Inserted run(WriteBracket.FromWrite hashed) throws SQLException;
    }

    /**
     * The bracket's statements around the partition's delete (none when {@code table} is null) and {@code insert}. A
     * statement after it whose computed columns are a sum over the write's own rows ({@link WriteBracket.FromWrite}:
     * lineage's {@code written} row with the partition's fingerprint) gets them from the insert's {@code RETURNING}
     * and runs as a plain INSERT of its rows: no second statement planned over the table and scanning the partition.
     */
    private long replace(KeptConnection w, String table, String partitionColumn, LocalDate date,
                         Cancellation cancellation, WriteBracket bracket, Insert insert) throws SQLException {
        List<WriteBracket.Statement> after = new ArrayList<>(bracket.after().get());
        int hashedAt = -1;
        for (int i = 0; i < after.size() && table != null; i++) {
            WriteBracket.Rows rows = after.get(i).rows();
            if (rows != null && rows.computed() != null && rows.computed().fromWrite() != null
                    && rows.computed().fromWrite().of(table, partitionColumn, date)) {
                hashedAt = i;
                break;
            }
        }
        Connection c = w.connection();
        c.setAutoCommit(false);
        try {
            runPrepared(w, bracket.before());
            if (table != null) {
                execute(c, "DELETE FROM " + table + " WHERE " + partitionColumn + " = @date", Map.of("date", date),
                        cancellation);
            }
            Inserted inserted = insert.run(hashedAt < 0 ? null : after.get(hashedAt).rows().computed().fromWrite());
            if (hashedAt >= 0) {
                after.set(hashedAt, WriteBracket.resolved(after.get(hashedAt), inserted.partitionRows(),
                        inserted.hashSum()));
            }
            long rows = inserted.rows();
            runPrepared(w, after);
            // a timed-out attempt has been reported retryable: it must not commit behind its retry
            cancellation.check();
            c.commit();
            c.setAutoCommit(true); // as a new connection: a table the next write creates is committed at once
            return rows;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            if (table != null) {
                written.remove(table);
            }
            throw e;
        }
    }

    private static long execute(Connection c, String sql, Map<String, Object> params, Cancellation cancellation)
            throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params);
             AutoCloseable hook = cancellation.onCancel(() -> cancelQuietly(ps))) {
            // DuckDB's cancel only stops a statement already executing: one cancelled before must not start
            cancellation.check();
            return ps.executeLargeUpdate();
        } catch (SQLException e) {
            throw e;
        } catch (Exception e) {
            throw new SQLException(e);
        }
    }

    /**
     * {@code insert} with {@code RETURNING} its partition column and {@code hashed}'s row hash: its row count, and the
     * count and hash sum of its rows in {@code hashed}'s partition.
     */
    private static Inserted insertHashed(Connection c, String insert, Map<String, Object> params,
                                         Cancellation cancellation, WriteBracket.FromWrite hashed) throws SQLException {
        String sql = insert + " RETURNING " + hashed.partitionColumn() + ", " + hashed.rowHash();
        try (PreparedStatement ps = prepare(c, sql, params);
             AutoCloseable hook = cancellation.onCancel(() -> cancelQuietly(ps))) {
            cancellation.check();
            long rows = 0;
            long partitionRows = 0;
            long sum = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows++;
                    if (hashed.partition().equals(ColumnValues.date(rs.getObject(1)))) {
                        partitionRows++;
                        sum += rs.getLong(2);
                    }
                }
            }
            return new Inserted(rows, partitionRows, sum);
        } catch (SQLException e) {
            throw e;
        } catch (Exception e) {
            throw new SQLException(e);
        }
    }

    private static void cancelQuietly(Statement s) {
        try {
            s.cancel();
        } catch (SQLException ignored) {
            // the statement finished or closed meanwhile: nothing left to cancel
        }
    }

    static List<Object> valuesOf(NamedParameters p, Map<String, Object> params) {
        try {
            return p.values(params);
        } catch (IllegalArgumentException e) {
            throw new PermanentFailure(e.getMessage(), e);
        }
    }

    /**
     * {@code sql} ({@code @name} parameters) prepared on {@code c}, its values bound. Not written in as literals, though
     * DuckDB would plan those cheaper: with DuckDB 1.5.2 a comparison with a constant, pushed into the table scan as a
     * filter, lets through rows that a concurrent transaction commits during the scan, outside the filter's range
     * (seen on the four-season run: a season-to-date export counted the next date's rows, written at the same moment;
     * {@code ConstantFilterRaceTest} reproduces it on DuckDB alone and holds this path to bound values).
     */
    static PreparedStatement prepare(Connection c, String sql, Map<String, Object> params) throws SQLException {
        NamedParameters p = NamedParameters.parse(sql);
        List<Object> values = valuesOf(p, params);
        PreparedStatement ps = c.prepareStatement(p.jdbcSql());
        try {
            bind(ps, values);
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
        return ps;
    }

    static void bind(PreparedStatement ps, List<Object> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            ps.setObject(i + 1, values.get(i));
        }
    }

    /** On a kept connection ({@link KeptConnections}): no connection opened and closed per query. */
    @Override
    public List<Map<String, Object>> query(String sql, Map<String, Object> params) {
        return withKeptConnection("query", null, w -> {
            try (PreparedStatement ps = prepare(w.connection(), sql, params); ResultSet rs = ps.executeQuery()) {
                return rows(rs);
            }
        });
    }

    /**
     * The rows of {@code rs}, column label -> value, dates as {@code LocalDate}: maps that share the result's labels
     * ({@link ResultRows}).
     */
    private static List<Map<String, Object>> rows(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<String> labels = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            labels.add(md.getColumnLabel(i));
        }
        ResultRows columns = new ResultRows(labels);
        List<Map<String, Object>> rows = new ArrayList<>();
        while (rs.next()) {
            Object[] values = new Object[n];
            for (int i = 0; i < n; i++) {
                Object v = rs.getObject(i + 1);
                values[i] = v instanceof java.sql.Date d ? d.toLocalDate() : v;
            }
            rows.add(columns.row(values));
        }
        return rows;
    }

    @Override
    public long update(String sql, Map<String, Object> params) {
        if (sql.regionMatches(true, 0, "DROP ", 0, 5)) {
            written.clear(); // a table known to exist may be gone: look them up again
        }
        try (Connection c = connection(); PreparedStatement ps = prepare(c, sql, params)) {
            return ps.executeLargeUpdate();
        } catch (SQLException e) {
            throw classify("update", e, null);
        }
    }

    /** {@link DuckDbFencedAppends}, on a kept connection: the ledger's writer appends several times a second. */
    @Override
    public boolean appendIf(String table, List<Column> columns, List<Map<String, Object>> rows, String condition,
                            Map<String, Object> conditionParams) {
        if (rows.isEmpty()) {
            return true;
        }
        return withKeptConnection("append to " + table, null,
                w -> fencedAppends.appendIf(w.connection(), table, columns, rows, condition, conditionParams));
    }

    /**
     * All sets in one transaction. A single-row INSERT (the task ledger's append) runs as multi-row
     * INSERTs of up to {@link MultiRowInserts#ROWS_PER_INSERT} rows ({@link SingleRowInsert}); any other statement
     * runs once per set.
     */
    @Override
    public void updateBatch(String sql, List<Map<String, Object>> paramSets) {
        if (paramSets.isEmpty()) {
            return;
        }
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            try {
                run(c, sql, paramSets);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw classify("batch update", e, null);
        }
    }

    /** Runs {@code sql} once per parameter set on {@code c}, a single-row INSERT as multi-row INSERTs. */
    private static void run(Connection c, String sql, List<Map<String, Object>> paramSets) throws SQLException {
        Optional<SingleRowInsert> insert = SingleRowInsert.parse(sql);
        if (insert.isPresent()) {
            MultiRowInserts.run(c, insert.get(), paramSets);
            return;
        }
        NamedParameters p = NamedParameters.parse(sql);
        try (PreparedStatement ps = c.prepareStatement(p.jdbcSql())) {
            for (Map<String, Object> params : paramSets) {
                bind(ps, valuesOf(p, params));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Runs each statement once per parameter set on {@code w}, each prepared once per connection ({@link KeptConnection}):
     * a write's bracket (its lineage rows, a few per write) runs the same statements at every write. A single-row INSERT
     * given several rows (a write's reads) runs as one multi-row INSERT, prepared once per row count.
     */
    private static void runPrepared(KeptConnection w, List<WriteBracket.Statement> statements) throws SQLException {
        for (WriteBracket.Statement statement : statements) {
            if (statement.paramSets().isEmpty()) {
                continue;
            }
            Optional<SingleRowInsert> rows = statement.inserted() == null && statement.paramSets().size() > 1
                    && statement.paramSets().size() <= MultiRowInserts.ROWS_PER_INSERT
                    ? SingleRowInsert.parse(statement.sql()) : Optional.empty();
            if (rows.isPresent()) {
                // a write's reads (a row per input span) in one execution: one per row cost ~0.1 ms each
                KeptConnection.Prepared p = w.preparedRows(rows.get(), statement.paramSets().size());
                bind(p.statement(), MultiRowInserts.values(p.parameters(), statement.paramSets()));
                p.statement().executeLargeUpdate();
                continue;
            }
            KeptConnection.Prepared p = w.prepared(statement.inserted() == null ? statement.sql()
                    : statement.sql() + " RETURNING *");
            for (Map<String, Object> params : statement.paramSets()) {
                bind(p.statement(), valuesOf(p.parameters(), params));
                if (statement.inserted() == null) {
                    p.statement().executeLargeUpdate();
                } else {
                    try (ResultSet rs = p.statement().executeQuery()) {
                        rows(rs).forEach(statement.inserted());
                    }
                }
            }
        }
    }

    @Override
    public boolean tableExists(String table) {
        if (written.contains(table)) {
            return true;
        }
        String[] parts = table.split("\\.", 2);
        String schema = parts.length == 2 ? parts[0] : "main";
        String name = parts.length == 2 ? parts[1] : parts[0];
        boolean present = !query("SELECT 1 AS present FROM information_schema.tables WHERE table_schema = @s"
                + " AND table_name = @t", Map.of("s", schema, "t", name)).isEmpty();
        if (present) {
            written.add(table);
        }
        return present;
    }

    @Override
    public List<Column> columns(String table) {
        String[] parts = table.split("\\.", 2);
        String schema = parts.length == 2 ? parts[0] : "main";
        String name = parts.length == 2 ? parts[1] : parts[0];
        return query("SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = @s"
                + " AND table_name = @t ORDER BY ordinal_position", Map.of("s", schema, "t", name)).stream()
                .map(r -> new Column((String) r.get("column_name"), (String) r.get("data_type"))).toList();
    }

    /**
     * DuckDB's optimistic concurrency aborts one of two transactions touching the same rows
     * ("Conflict", "write-write conflict"): another attempt succeeds, so those are retryable, as
     * are I/O errors, cancellations and a memory limit reached by the statements running at once.
     * Syntax, binder and constraint errors are permanent.
     */
    static RuntimeException classify(String what, SQLException e, Cancellation cancellation) {
        String msg = String.valueOf(e.getMessage());
        String lower = msg.toLowerCase(Locale.ROOT);
        if (cancellation != null && cancellation.isCancelled()) {
            return new RetryableFailure(what + " cancelled: the task's deadline passed", e);
        }
        if (lower.contains("catalog error") && lower.contains("does not exist")) {
            // a table is created by its processor's first write: a window with no dates yet (a
            // season's first day) lets a reader start before it exists, so wait for it
            return new RetryableFailure(what + " failed, will retry (a table its upstream has not created yet?): "
                    + msg, e);
        }
        if (lower.contains("out of memory error")) {
            // the memory limit is shared by every statement running at once: one that finds it full succeeds once
            // the others are done with theirs (fullcourt.warehouse.duckdb-memory-limit raises it)
            return new RetryableFailure(what + " failed, will retry (DuckDB's memory limit was reached by the"
                    + " statements running at once; fullcourt.warehouse.duckdb-memory-limit raises it): " + msg, e);
        }
        if (lower.contains("conflict") || lower.contains("io error") || lower.contains("interrupt")
                || lower.contains("could not set lock")) {
            return new RetryableFailure(what + " failed, will retry: " + msg, e);
        }
        return new PermanentFailure(what + " failed: " + msg, e);
    }

    @Override
    public void close() {
        kept.close();
        try {
            root.close();
        } catch (SQLException e) {
            throw new IllegalStateException("closing DuckDB: " + e.getMessage(), e);
        }
    }
}
