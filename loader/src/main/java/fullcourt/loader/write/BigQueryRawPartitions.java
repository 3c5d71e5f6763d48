package fullcourt.loader.write;

import com.google.auth.Credentials;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQuery.TableDataListOption;
import com.google.cloud.bigquery.BigQueryError;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.FormatOptions;
import com.google.cloud.bigquery.Job;
import com.google.cloud.bigquery.JobId;
import com.google.cloud.bigquery.JobInfo.CreateDisposition;
import com.google.cloud.bigquery.JobInfo.WriteDisposition;
import com.google.cloud.bigquery.JobStatus;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.TableDataWriteChannel;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.TableResult;
import com.google.cloud.bigquery.TimePartitioning;
import com.google.cloud.bigquery.WriteChannelConfiguration;
import fullcourt.infra.retry.BackoffPolicy;
import fullcourt.infra.warehouse.BigQueryClients;
import fullcourt.infra.warehouse.BigQueryErrors;
import fullcourt.infra.warehouse.TableSchemas;
import fullcourt.loader.contract.RawTable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The raw tables of a BigQuery warehouse. Each changed date of a table is replaced by one load job writing
 * {@code raw.table$YYYYMMDD} with WRITE_TRUNCATE, as the processors' query jobs replace their partitions: atomic per
 * date (readers see the old rows or the new ones), idempotent, no DML quota. The rows go up as newline-delimited JSON
 * exported by the staging DuckDB from the rows the load accepted, with the table's declared schema (infra's
 * warehouse/raw_tables.sql, the one declaration DuckDB and BigQuery share), so nothing unchecked reaches BigQuery.
 *
 * <p>What the warehouse holds is read without query jobs: tabledata.list of a date's partition (free), for the
 * schedule's games and the row counts. BigQuery's rows are not digested, so a date that has rows always counts as
 * replaced, and loading the same file twice writes (and announces) its dates again; the result is the same rows.
 *
 * <p>A load of several dates is atomic per date, not as a whole: when a date fails, the dates before it are
 * written, and the failure names both. Errors BigQuery calls transient (rate limits, backend errors, 429/5xx, lost
 * connections) are retried under a {@link BackoffPolicy}; the rest fail at once with BigQuery's reason (see
 * {@link BigQueryErrors}).
 */
public final class BigQueryRawPartitions implements RawPartitions {

    public static final String DATASET = "raw";
    private static final DateTimeFormatter PARTITION_ID = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Pattern GAME_ID_DATE = Pattern.compile("^[0-9]{8}_.*");

    private final BigQuery bigquery;
    private final BackoffPolicy backoff;
    private final RandomGenerator jitter;
    private final Duration pollInterval;
    private final String location;
    private final Map<String, Schema> schemas = TableSchemas.raw();

    BigQueryRawPartitions(BigQuery bigquery, BackoffPolicy backoff, RandomGenerator jitter, Duration pollInterval,
                          String location) {
        this.bigquery = bigquery;
        this.backoff = backoff;
        this.jitter = jitter;
        this.pollInterval = pollInterval;
        this.location = location;
    }

    /**
     * The raw tables of {@code projectId}.
     *
     * @param endpoint    the API root ("https://bigquery.googleapis.com" when null); tests pass a local stand-in
     * @param location    the datasets' location (e.g. "US"), or null for the default
     * @param credentials null for Application Default Credentials
     */
    public static BigQueryRawPartitions connect(String projectId, String endpoint, String location,
                                                Credentials credentials, BackoffPolicy backoff,
                                                RandomGenerator jitter, Duration pollInterval) {
        return new BigQueryRawPartitions(BigQueryClients.connect(projectId, endpoint, location, credentials), backoff,
                jitter, pollInterval, location);
    }

    /** Read from each game's date partition of raw.schedule: a game id starts with its date (YYYYMMDD_AWAY_HOME). */
    @Override
    public Map<String, LocalDate> scheduledGames(Collection<String> gameIds) {
        Map<LocalDate, Set<String>> byDate = new TreeMap<>();
        for (String id : gameIds) {
            dateOf(id).ifPresent(d -> byDate.computeIfAbsent(d, k -> new TreeSet<>()).add(id));
        }
        Map<String, LocalDate> games = new HashMap<>();
        Schema schema = schema("schedule");
        for (Map.Entry<LocalDate, Set<String>> e : byDate.entrySet()) {
            TableId partition = partition("schedule", e.getKey());
            for (FieldValueList row : retried("read " + partition.getTable(), () -> rows(partition, schema))) {
                String id = row.get("game_id").getStringValue();
                if (e.getValue().contains(id)) {
                    games.put(id, LocalDate.parse(row.get("game_date").getStringValue()));
                }
            }
        }
        return games;
    }

    /** Row counts only (tabledata.list of each date's partition, no rows read): the digests never match. */
    @Override
    public Map<LocalDate, PartitionState> currentState(RawTable table, Set<LocalDate> dates) {
        Map<LocalDate, PartitionState> states = new TreeMap<>();
        for (LocalDate date : new TreeSet<>(dates)) {
            TableId partition = partition(table.name(), date);
            long rows = retried("count rows of " + DATASET + "." + partition.getTable(), () -> rowCount(partition));
            if (rows > 0) {
                states.put(date, new PartitionState(rows, null));
            }
        }
        return states;
    }

    @Override
    public Map<LocalDate, PartitionState> stagedState(StagedDates staged) throws SQLException {
        return PartitionDigests.of(staged.staging(), staged.table(), staged.relation(), staged.dates());
    }

    @Override
    public void replace(List<StagedDates> writes) throws SQLException {
        List<String> written = new ArrayList<>();
        for (StagedDates w : writes) {
            for (LocalDate date : new TreeSet<>(w.dates())) {
                String what = "load " + w.table().qualifiedName() + " " + date;
                try {
                    Path rows = export(w, date);
                    try {
                        load(what, w.table(), date, rows);
                    } finally {
                        Files.deleteIfExists(rows);
                    }
                } catch (RawWriteFailure e) {
                    throw new RawWriteFailure(e.getMessage() + (written.isEmpty() ? "; nothing was written"
                            : "; already replaced, each whole: " + written + "; the other dates were not written"),
                            e.getCause());
                } catch (IOException e) {
                    throw new UncheckedIOException(what + ": " + e.getMessage(), e);
                }
                written.add(w.table().qualifiedName() + " " + date);
            }
        }
    }

    /** The accepted rows of one date as newline-delimited JSON, in a temporary file. */
    private static Path export(StagedDates w, LocalDate date) throws IOException, SQLException {
        Path file = Files.createTempFile("fullcourt-load-" + w.table().name() + "-" + date + "-", ".json");
        String sql = "COPY (SELECT " + String.join(", ", w.table().columnNames()) + " FROM " + w.relation()
                + " WHERE game_date = DATE '" + date + "') TO '" + file.toString().replace("'", "''") + "' (FORMAT json)";
        try (Statement st = w.staging().createStatement()) {
            st.execute(sql);
        }
        return file;
    }

    /**
     * One load job replacing the date's partition with the file's rows. An attempt whose job was never created (the
     * upload failed) is retried under the same job id; one whose job ran and failed gets a fresh id, since BigQuery
     * keeps every job id for good. If an earlier attempt created the job after all ("Already Exists"), that job is
     * awaited instead of loading twice.
     */
    private void load(String what, RawTable table, LocalDate date, Path rows) {
        WriteChannelConfiguration config = WriteChannelConfiguration
                .newBuilder(partition(table.name(), date), FormatOptions.json())
                .setSchema(schema(table.name()))
                .setWriteDisposition(WriteDisposition.WRITE_TRUNCATE)
                .setCreateDisposition(CreateDisposition.CREATE_IF_NEEDED)
                .setTimePartitioning(TimePartitioning.newBuilder(TimePartitioning.Type.DAY)
                        .setField(RawTable.PARTITION_COLUMN).build())
                .setIgnoreUnknownValues(false)
                .setMaxBadRecords(0)
                .build();
        JobId[] nextId = {newJobId()};
        retried(what, () -> {
            JobId id = nextId[0];
            Job job;
            try {
                job = upload(id, config, rows);
            } catch (BigQueryException e) {
                if (e.getCode() != 409) {
                    throw e;
                }
                job = bigquery.getJob(id); // created by an earlier attempt whose answer was lost
            }
            nextId[0] = newJobId();
            Job done = awaitDone(what, job);
            BigQueryError error = done.getStatus().getError();
            if (error != null) {
                throw new BigQueryException(List.of(error));
            }
            return done;
        });
    }

    private Job upload(JobId id, WriteChannelConfiguration config, Path rows) {
        TableDataWriteChannel writer = bigquery.writer(id, config);
        try (OutputStream out = Channels.newOutputStream(writer)) {
            Files.copy(rows, out);
        } catch (IOException e) {
            // a failed upload request surfaces here, as the client's BigQueryException, when it is one
            if (e.getCause() instanceof BigQueryException b) {
                throw b;
            }
            throw new BigQueryException(e);
        }
        return writer.getJob();
    }

    private Job awaitDone(String what, Job job) {
        Job current = job;
        while (current.getStatus() == null || current.getStatus().getState() != JobStatus.State.DONE) {
            sleep(pollInterval);
            JobId id = job.getJobId();
            current = retried(what + " (polling job " + id.getJob() + ")", () -> bigquery.getJob(id));
            if (current == null) {
                throw new RawWriteFailure(what + ": job " + id.getJob() + " disappeared while running", null);
            }
        }
        return current;
    }

    private <T> T retried(String what, Supplier<T> attempt) {
        for (int n = 1; ; n++) {
            try {
                return attempt.get();
            } catch (BigQueryException e) {
                String detail = BigQueryErrors.describe(e);
                if (BigQueryErrors.isLongTermQuota(e) || !BigQueryErrors.isRetryable(e)) {
                    throw new RawWriteFailure(what + " failed: " + detail, e);
                }
                if (n >= backoff.maxAttempts()) {
                    throw new RawWriteFailure(what + " failed after " + n + " attempts: " + detail, e);
                }
                sleep(backoff.delayAfter(n, jitter));
            }
        }
    }

    private List<FieldValueList> rows(TableId partition, Schema schema) {
        List<FieldValueList> rows = new ArrayList<>();
        try {
            TableResult page = bigquery.listTableData(partition, schema, TableDataListOption.pageSize(10_000));
            while (true) {
                page.getValues().forEach(rows::add);
                if (!page.hasNextPage()) {
                    return rows;
                }
                page = page.getNextPage();
            }
        } catch (BigQueryException e) {
            if (e.getCode() == 404) {
                return List.of(); // no partition (or no table yet): no games that day
            }
            throw e;
        }
    }

    private long rowCount(TableId partition) {
        try {
            return bigquery.listTableData(partition, TableDataListOption.pageSize(0)).getTotalRows();
        } catch (BigQueryException e) {
            if (e.getCode() == 404) {
                return 0;
            }
            throw e;
        }
    }

    private Schema schema(String table) {
        Schema schema = schemas.get(DATASET + "." + table);
        if (schema == null) {
            throw new IllegalArgumentException("no declared schema for " + DATASET + "." + table);
        }
        return schema;
    }

    private static TableId partition(String table, LocalDate date) {
        return TableId.of(DATASET, table + "$" + PARTITION_ID.format(date));
    }

    private static java.util.Optional<LocalDate> dateOf(String gameId) {
        if (!GAME_ID_DATE.matcher(gameId).matches()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(LocalDate.parse(gameId.substring(0, 8), PARTITION_ID));
        } catch (DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }

    private JobId newJobId() {
        return JobId.newBuilder().setJob("fullcourt_load_" + UUID.randomUUID()).setLocation(location).build();
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RawWriteFailure("interrupted while waiting for BigQuery", e);
        }
    }
}
