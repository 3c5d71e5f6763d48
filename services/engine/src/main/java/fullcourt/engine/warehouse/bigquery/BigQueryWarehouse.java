package fullcourt.engine.warehouse.bigquery;

import com.google.auth.Credentials;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQuery.TableDataListOption;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.Job;
import com.google.cloud.bigquery.JobInfo.CreateDisposition;
import com.google.cloud.bigquery.JobInfo.WriteDisposition;
import com.google.cloud.bigquery.JobStatistics.QueryStatistics;
import com.google.cloud.bigquery.QueryJobConfiguration;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.Table;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.TableResult;
import com.google.cloud.bigquery.TimePartitioning;
import com.google.cloud.bigquery.storage.v1.BigQueryWriteSettings;
import fullcourt.engine.processor.Cancellation;
import fullcourt.engine.processor.PermanentFailure;
import fullcourt.infra.retry.BackoffPolicy;
import fullcourt.infra.warehouse.BigQueryClients;
import fullcourt.infra.warehouse.BigQueryErrors;
import fullcourt.engine.warehouse.Column;
import fullcourt.engine.warehouse.RowAppends;
import fullcourt.engine.warehouse.Warehouse;
import fullcourt.engine.warehouse.WriteBracket;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The production warehouse: BigQuery query jobs. A partition is replaced by one query job writing
 * {@code dataset.table$YYYYMMDD} with WRITE_TRUNCATE, which is atomic (readers see the old
 * partition or the new one), idempotent, and uses no DML quota. Values always travel as named
 * query parameters. Table references in the SQL ({@code analytics.player_game_summary}) are
 * {@code dataset.table} and BigQuery resolves them against the project that runs the job, as
 * DuckDB resolves them against its schemas, so both run the same text.
 *
 * <p>Append-only tables (the coordinator's ledger) are appended through the Storage Write API instead of DML
 * ({@link #rowAppends()}, {@link StorageWriteAppends}), and so are the rows of a write's lineage: statements of a
 * {@link WriteBracket} that know their rows ({@link WriteBracket.Statement#rows()}).
 *
 * <p>Errors BigQuery calls transient (rate limits, quotas, backend errors, 429/5xx) are retried
 * here under a {@link BackoffPolicy} (exponential, with full jitter), then surfaced as RetryableFailure; the rest are
 * PermanentFailure at once (see {@link BigQueryErrors}).
 */
public class BigQueryWarehouse implements Warehouse, AutoCloseable {

    /** Rows fetched per tabledata.list page when reading query results. */
    static final long PAGE_SIZE = 10_000;

    static final String FUNCTIONS_RESOURCE = "/warehouse/bigquery_functions.sql";

    /** How long one Storage Write API append may take before it counts as unanswered and is retried. */
    static final Duration APPEND_TIMEOUT = Duration.ofSeconds(30);

    private static final DateTimeFormatter PARTITION_ID = DateTimeFormatter.BASIC_ISO_DATE;

    private final BigQuery bigquery;
    private final RetryLoop retry;
    private final QueryJobs jobs;
    private final PartitionWritePacer pacer;
    private final StorageWriteAppends appends;

    /**
     * @param bigquery     a client whose own retries are off (see {@link #connect}), so the
     *                     backoff policy is the only one
     * @param backoff      retries of transient errors
     * @param jitter       where the backoff's jittered delays are drawn from (thread-safe): unseeded in
     *                     production, so processes do not retry in step; seeded in tests
     * @param pollInterval how often a running job's status is read
     * @param location     the BigQuery location of the datasets (e.g. "US"), or null for the default
     * @param pacer        spaces this process's partition writes per table (BigQuery's per-table rate limit)
     * @param storageWrite where the Storage Write API is and how to authenticate, for {@link #rowAppends()}
     */
    BigQueryWarehouse(BigQuery bigquery, BackoffPolicy backoff, RandomGenerator jitter, Duration pollInterval,
                      String location, PartitionWritePacer pacer, BigQueryWriteSettings storageWrite) {
        this.bigquery = bigquery;
        this.retry = new RetryLoop(backoff, jitter, Clock.systemUTC());
        this.jobs = new QueryJobs(bigquery, retry, pollInterval, location);
        this.pacer = pacer;
        this.appends = new StorageWriteAppends(bigquery.getOptions().getProjectId(), storageWrite, retry,
                APPEND_TIMEOUT);
    }

    /**
     * A warehouse on a BigQuery client for {@code projectId}.
     *
     * @param endpoint    the API root ("https://bigquery.googleapis.com" when null); tests pass a
     *                    local stand-in
     * @param credentials null for Application Default Credentials
     * @param partitionWritesPer10s partition writes this process starts per table and 10 s (see {@link PartitionWritePacer})
     */
    public static BigQueryWarehouse connect(String projectId, String endpoint, String location, Credentials credentials,
                                            BackoffPolicy backoff, RandomGenerator jitter, Duration pollInterval,
                                            int partitionWritesPer10s) {
        return connect(projectId, endpoint, location, credentials, backoff, jitter, pollInterval,
                PartitionWritePacer.perTenSeconds(partitionWritesPer10s));
    }

    static BigQueryWarehouse connect(String projectId, String endpoint, String location, Credentials credentials,
                                     BackoffPolicy backoff, RandomGenerator jitter, Duration pollInterval,
                                     PartitionWritePacer pacer) {
        return new BigQueryWarehouse(BigQueryClients.connect(projectId, endpoint, location, credentials), backoff,
                jitter, pollInterval, location, pacer, StorageWriteAppends.settings(credentials));
    }

    /**
     * Replaces the partition with one query job writing {@code table$YYYYMMDD}. BigQuery rejects
     * the job if the select produces a row whose {@code partitionColumn} is not {@code date}
     * ("the partition ID specified in the decorator must match the data being written"), so a
     * model can never spill into a neighbouring date; such a job fails as a PermanentFailure and
     * leaves the old partition in place.
     *
     * @return rows written: the row count of the partition right after the job, read with a free
     *     tabledata.list (maxResults=0). Query statistics carry numDmlAffectedRows only for DML, not
     *     for a query writing a destination table, and the coordinator never runs the same
     *     (processor, date) twice at once, so nothing else writes the partition in between.
     */
    @Override
    public long replacePartition(String table, String partitionColumn, LocalDate date, String selectSql,
                                 Map<String, Object> params, Cancellation cancellation, WriteBracket bracket) {
        cancellation.check();
        run("before the write of " + table + " " + date, bracket.before(), cancellation);
        TableId partition = partitionOf(table, date);
        BoundQuery bound = BoundQuery.bind(selectSql, params);
        QueryJobConfiguration config = queryConfig(bound)
                .setDestinationTable(partition)
                .setWriteDisposition(WriteDisposition.WRITE_TRUNCATE)
                .setCreateDisposition(CreateDisposition.CREATE_IF_NEEDED)
                .setTimePartitioning(TimePartitioning.newBuilder(TimePartitioning.Type.DAY)
                        .setField(partitionColumn).build())
                .build();
        String what = "replace partition " + table + " " + partitionColumn + "=" + date;
        pacer.await(table, cancellation);
        jobs.run(what, config, cancellation);
        long rows = retry.run(what + " (counting rows)", cancellation, () -> partitionRows(partition));
        // no transaction spans the write and its lineage: right behind the write, whatever the deadline says now
        run("after the write of " + table + " " + date, bracket.after().get(), new Cancellation());
        return rows;
    }

    /**
     * Truncates the partition only when it has rows (counted from the table's metadata, no job): a skipped date
     * usually has none, and a truncating job is a partition modification under the table's quotas. The bracket's
     * statements run around it either way.
     */
    @Override
    public void clearPartition(String table, String partitionColumn, LocalDate date, Cancellation cancellation,
                               WriteBracket bracket) {
        TableId partition = partitionOf(table, date);
        String what = "clear partition " + table + " " + partitionColumn + "=" + date;
        if (retry.run(what + " (counting rows)", cancellation, () -> partitionRows(partition)) > 0) {
            replacePartition(table, partitionColumn, date, "SELECT * FROM " + table + " WHERE FALSE", Map.of(),
                    cancellation, bracket);
            return;
        }
        run("before the clear of " + table + " " + date, bracket.before(), cancellation);
        run("after the clear of " + table + " " + date, bracket.after().get(), new Cancellation());
    }

    /**
     * Each statement in order, each done before the next starts: one that knows its rows (lineage's) appended through
     * the Storage Write API, its computed columns first from one SELECT query job ({@link WriteBracket.Statement#append}:
     * no DML, so none of the INSERT limits a backfill's lineage would exceed, docs/lineage-on-bigquery.md); any other
     * as jobs, as {@link #updateBatch} runs it.
     */
    private void run(String what, List<WriteBracket.Statement> statements, Cancellation cancellation) {
        for (WriteBracket.Statement statement : statements) {
            if (statement.rows() != null) {
                cancellation.check();
                statement.append(appends, this);
                continue;
            }
            for (BoundQuery batch : BatchQueries.of(statement.sql(), statement.paramSets())) {
                jobs.run(what, queryConfig(batch).build(), cancellation);
            }
        }
    }

    private TableId partitionOf(String table, LocalDate date) {
        TableId target = tableId(table);
        return TableId.of(target.getDataset(), target.getTable() + "$" + PARTITION_ID.format(date));
    }

    private long partitionRows(TableId partition) {
        try {
            return bigquery.listTableData(partition, TableDataListOption.pageSize(0)).getTotalRows();
        } catch (BigQueryException e) {
            if (e.getCode() == 404) {
                return 0; // a select without rows may leave no partition behind
            }
            throw e;
        }
    }

    /**
     * Runs the query as a job, then reads its result table (the job's anonymous destination):
     * the schema with tables.get and the rows page by page with tabledata.list, each call under the
     * backoff policy. (Job.getQueryResults would do the same but waits with the client's own retry
     * loop, unlimited attempts over 12 hours, which the adapter's policy must replace.)
     */
    @Override
    public List<Map<String, Object>> query(String sql, Map<String, Object> params) {
        Cancellation never = new Cancellation();
        Job done = jobs.run("query", queryConfig(BoundQuery.bind(sql, params)).build(), never);
        TableId resultTable = ((QueryJobConfiguration) done.getConfiguration()).getDestinationTable();
        Table table = retry.run("query (reading the result schema)", never, () -> bigquery.getTable(resultTable));
        if (table == null) {
            throw new PermanentFailure("query: result table " + resultTable + " of job " + done.getJobId().getJob()
                    + " not found");
        }
        Schema schema = table.getDefinition().getSchema();
        TableResult page = retry.run("query (reading rows)", never,
                () -> bigquery.listTableData(resultTable, schema, TableDataListOption.pageSize(PAGE_SIZE)));
        List<FieldValueList> rows = new ArrayList<>();
        while (true) {
            page.getValues().forEach(rows::add);
            if (!page.hasNextPage()) {
                break;
            }
            TableResult current = page;
            page = retry.run("query (reading rows)", never, current::getNextPage);
        }
        return ResultRows.toMaps(schema, rows);
    }

    @Override
    public long update(String sql, Map<String, Object> params) {
        Job done = jobs.run("update", queryConfig(BoundQuery.bind(sql, params)).build(), new Cancellation());
        Long affected = done.<QueryStatistics>getStatistics().getNumDmlAffectedRows();
        return affected == null ? 0 : affected;
    }

    /** See {@link BatchQueries} for how the sets become jobs, and the limit on atomicity. */
    @Override
    public void updateBatch(String sql, List<Map<String, Object>> paramSets) {
        run("batch update", List.of(new WriteBracket.Statement(sql, paramSets)), new Cancellation());
    }

    @Override
    public boolean tableExists(String table) {
        TableId id = tableId(table);
        return retry.run("table exists " + table, new Cancellation(), () -> bigquery.getTable(id) != null);
    }

    /** From the table's schema (tables.get), no query job: Standard SQL type names (FLOAT64, INT64, STRING...). */
    @Override
    public List<Column> columns(String table) {
        TableId id = tableId(table);
        Table found = retry.run("columns of " + table, new Cancellation(), () -> bigquery.getTable(id));
        if (found == null || found.getDefinition() == null || found.getDefinition().getSchema() == null) {
            return List.of();
        }
        return found.getDefinition().getSchema().getFields().stream()
                .map(f -> new Column(f.getName(), f.getType().getStandardType().name())).toList();
    }

    /** The Storage Write API: appends to append-only tables (the ledger, lineage) without a DML job each. */
    @Override
    public Optional<RowAppends> rowAppends() {
        return Optional.of(appends);
    }

    @Override
    public void close() {
        appends.close();
    }

    /**
     * Creates (or replaces) the portable helper functions models call, {@code ops.days_between},
     * {@code ops.add_days} and {@code ops.safe_div}, from warehouse/bigquery_functions.sql; the
     * {@code ops} dataset must exist. DuckDB's counterparts are macros made when it opens.
     */
    public void createPortableFunctions() {
        for (String statement : portableFunctionStatements()) {
            update(statement, Map.of());
        }
    }

    static List<String> portableFunctionStatements() {
        String text;
        try (InputStream in = BigQueryWarehouse.class.getResourceAsStream(FUNCTIONS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(FUNCTIONS_RESOURCE + " is missing from the classpath");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String withoutComments = text.replaceAll("(?m)^\\s*--.*$", "");
        List<String> statements = new ArrayList<>();
        for (String statement : withoutComments.split(";\\s*(\\R|$)")) {
            if (!statement.isBlank()) {
                statements.add(statement.strip());
            }
        }
        return statements;
    }

    private static QueryJobConfiguration.Builder queryConfig(BoundQuery bound) {
        return QueryJobConfiguration.newBuilder(bound.sql())
                .setUseLegacySql(false)
                .setParameterMode("NAMED")
                .setNamedParameters(bound.parameters());
    }

    private static TableId tableId(String table) {
        String[] parts = table.split("\\.");
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new PermanentFailure("table reference '" + table + "' must be dataset.table");
        }
        return TableId.of(parts[0], parts[1]);
    }
}
