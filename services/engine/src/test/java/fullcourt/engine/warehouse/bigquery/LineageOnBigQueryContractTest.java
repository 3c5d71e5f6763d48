package fullcourt.engine.warehouse.bigquery;

import fullcourt.engine.testing.TickingClock;
import static fullcourt.infra.testing.FakeBigQueryApi.Route.INSERT_JOB;
import static fullcourt.infra.testing.FakeBigQueryApi.row;
import static fullcourt.infra.testing.FakeBigQueryApi.rows;
import static fullcourt.infra.testing.FakeBigQueryApi.schema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.cloud.NoCredentials;
import com.google.cloud.bigquery.storage.v1.CreateWriteStreamRequest;
import com.google.cloud.bigquery.storage.v1.WriteStream;
import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.DateDomain;
import fullcourt.engine.catalog.ProcessorDeclaration;
import fullcourt.engine.catalog.RawInput;
import fullcourt.engine.catalog.Window;
import fullcourt.engine.lineage.Fingerprint;
import fullcourt.engine.lineage.LatestWrite;
import fullcourt.engine.lineage.LineageRecorder;
import fullcourt.engine.lineage.LineageStore;
import fullcourt.engine.lineage.PartitionKey;
import fullcourt.engine.processor.Cancellation;
import fullcourt.engine.processor.Outcome;
import fullcourt.engine.processor.PermanentFailure;
import fullcourt.engine.processor.Processor;
import fullcourt.engine.processor.TaskContext;
import fullcourt.engine.testing.FakeBigQueryWrite;
import fullcourt.infra.retry.BackoffPolicy;
import fullcourt.infra.testing.FakeBigQueryApi;
import fullcourt.infra.testing.FakeBigQueryApi.Request;
import fullcourt.infra.warehouse.BigQueryClients;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Lineage recorded around partition writes on the BigQuery adapter, against local stand-ins for both of BigQuery's
 * APIs: the REST API's query jobs ({@link FakeBigQueryApi}) and the Storage Write API ({@link FakeBigQueryWrite}). A
 * written partition's lineage is three appends and one SELECT job, no DML: the reads and the {@code begun} row
 * appended (each acknowledged) before the write job, the partition's fingerprint selected by one query job right
 * behind it and the {@code written} row appended with its values.
 */
class LineageOnBigQueryContractTest {

    static final BackoffPolicy FAST = new BackoffPolicy(5, Duration.ofMillis(1), 2.0, Duration.ofMillis(8));
    static final String STREAMS = "projects/" + FakeBigQueryApi.PROJECT + "/datasets/ops/tables/";
    static final String READS_STREAM = STREAMS + "lineage_reads/streams/";
    static final String LINEAGE_STREAM = STREAMS + "partition_lineage/streams/";

    static final LocalDate JAN_3 = LocalDate.of(2022, 1, 3);
    static final LocalDate JAN_4 = LocalDate.of(2022, 1, 4);
    static final ProcessorDeclaration POINTS = new ProcessorDeclaration("points", 3, "analytics.points", "game_date",
            List.of(), DateDomain.SEASON_DAYS, "sql", 2, List.of(new RawInput("raw.box", Window.SAME_DATE)));
    static final Catalog CATALOG = Catalog.of(List.of(POINTS));
    static final String POINTS_SQL = "SELECT game_date, player, pts * 1.0 AS points FROM raw.box"
            + " WHERE game_date = @game_date";
    /** The partition's fingerprint as BigQuery's SELECT answers it: INT64 on the wire as a JSON string. */
    static final String ROWS = "2";
    static final String FINGERPRINT = "2:987654321";

    /** A second later at each reading, from 2026-12-04T10:00:00.000001Z. */
    final Clock clock = new TickingClock(Instant.parse("2026-12-04T10:00:00.000001Z"));

    FakeBigQueryApi api;
    FakeBigQueryWrite write;
    BigQueryWarehouse warehouse;
    /** Storage Write API requests made by the time each job was inserted, by the job's query text. */
    final List<String> jobsWithAppendsBefore = new ArrayList<>();

    @BeforeEach
    void start() {
        api = FakeBigQueryApi.start();
        write = FakeBigQueryWrite.start();
        warehouse = new BigQueryWarehouse(BigQueryClients.connect(FakeBigQueryApi.PROJECT, api.endpoint(), null,
                NoCredentials.getInstance()), FAST, new Random(7), Duration.ofMillis(1), null,
                PartitionWritePacer.perTenSeconds(50), StorageWriteAppends.settings(write.channels(),
                NoCredentialsProvider.create()));
        api.addTable("raw.schedule", schema("season", "STRING", "game_date", "DATE"));
        api.addTable("raw.box", schema("game_date", "DATE", "player", "STRING", "pts", "INTEGER"));
        api.addTable("analytics.points", schema("game_date", "DATE", "player", "STRING", "points", "FLOAT"));
        api.queryResult("FROM raw.schedule", schema("season", "STRING", "game_date", "DATE"),
                rows(row("2021-22", "2022-01-03"), row("2021-22", "2022-01-04")));
        api.queryResult("FROM raw.box", schema("partition_date", "DATE", "row_count", "INTEGER", "checksum", "INTEGER"),
                rows(row("2022-01-03", "2", "123"), row("2022-01-04", "1", "456")));
        api.queryResult("FROM analytics.points", schema("row_count", "INTEGER", "fingerprint", "STRING"),
                rows(row(ROWS, FINGERPRINT)));
        api.partitionRows("analytics.points$20220103", 2);
        api.partitionRows("analytics.points$20220104", 2);
        api.always(INSERT_JOB, (request, fake) -> {
            jobsWithAppendsBefore.add(write.appends().size() + " " + query(request).path("query").asText());
            return FakeBigQueryApi.asUsual().to(request, fake);
        });
    }

    @AfterEach
    void stop() {
        warehouse.close();
        write.close();
        api.close();
    }

    /** A processor that replaces its partition with the model's rows. */
    static Processor points() {
        return new Processor() {
            @Override
            public String name() {
                return "points";
            }

            @Override
            public String version(ProcessorDeclaration declaration) {
                return "sql-0123456789ab";
            }

            @Override
            public Outcome process(TaskContext task) {
                return Outcome.written(task.warehouse().replacePartition(POINTS.table(), POINTS.partitionColumn(),
                        task.date(), POINTS_SQL, Map.of("game_date", task.date()), task.cancellation()));
            }
        };
    }

    Outcome run(Processor processor, LocalDate date) throws Exception {
        return new LineageRecorder(processor, CATALOG, clock)
                .process(new TaskContext(POINTS, date, "run-1", 1, warehouse, new Cancellation(), false));
    }

    static JsonNode query(Request job) {
        return job.body().path("configuration").path("query");
    }

    List<String> jobQueries() {
        return api.requests(INSERT_JOB).stream().map(r -> query(r).path("query").asText()).toList();
    }

    List<Map<String, Object>> rowsOf(String streamPrefix) {
        return write.appends().stream().filter(a -> a.stream().startsWith(streamPrefix))
                .flatMap(a -> a.rows().stream()).toList();
    }

    /** Whether a query names a lineage table. */
    static boolean namesLineage(String query) {
        return query.contains(LineageStore.LINEAGE) || query.contains(LineageStore.READS);
    }

    static int day(LocalDate date) {
        return (int) date.toEpochDay();
    }

    static String fingerprintSql() {
        return LineageStore.fingerprintSql("analytics.points", "game_date", List.of(
                new fullcourt.engine.warehouse.Column("game_date", "DATE"),
                new fullcourt.engine.warehouse.Column("player", "STRING"),
                new fullcourt.engine.warehouse.Column("points", "FLOAT64")));
    }

    @Test
    void aWrittenPartitionsLineageIsThreeAppendsInOrderAndOneSelectBehindTheWriteAndNoDml() throws Exception {
        assertThat(run(points(), JAN_3)).isEqualTo(Outcome.written(2));
        assertThat(run(points(), JAN_4)).isEqualTo(Outcome.written(2));

        // one COMMITTED stream per lineage table for the process, made at its first append
        assertThat(write.creates()).extracting(CreateWriteStreamRequest::getParent)
                .containsExactly(STREAMS + "lineage_reads", STREAMS + "partition_lineage");
        assertThat(write.creates()).allSatisfy(c -> assertThat(c.getWriteStream().getType())
                .isEqualTo(WriteStream.Type.COMMITTED));
        // per task: the reads, the begun row, the written row; each table's offsets follow each other
        assertThat(write.appends()).extracting(a -> a.stream().replaceFirst("/streams/.*", "") + " @" + a.offset())
                .containsExactly(
                        STREAMS + "lineage_reads @0", STREAMS + "partition_lineage @0", STREAMS + "partition_lineage @1",
                        STREAMS + "lineage_reads @1", STREAMS + "partition_lineage @2", STREAMS + "partition_lineage @3");

        List<Map<String, Object>> lineage = rowsOf(LINEAGE_STREAM);
        assertThat(lineage).extracting(r -> r.get("stage") + " " + r.get("game_date"))
                .containsExactly("begun " + day(JAN_3), "written " + day(JAN_3), "begun " + day(JAN_4),
                        "written " + day(JAN_4));
        Object first = lineage.get(0).get("write_id");
        Object second = lineage.get(2).get("write_id");
        assertThat(lineage).extracting(r -> r.get("write_id")).containsExactly(first, first, second, second);
        assertThat(first).isNotEqualTo(second);
        // the begun row: version and run, no outcome yet (unset fields are nulls)
        assertThat(lineage.get(0)).containsEntry("processor", "points").containsEntry("version", "sql-0123456789ab")
                .containsEntry("run_id", "run-1").doesNotContainKeys("row_count", "fingerprint", "detail");
        // the written row: the SELECT's INT64 row_count and STRING fingerprint, as BigQuery answered them
        assertThat(lineage.get(1)).containsEntry("row_count", 2L).containsEntry("fingerprint", FINGERPRINT)
                .containsEntry("processor", "points").containsEntry("version", "sql-0123456789ab")
                .doesNotContainKey("detail");
        assertThat((Long) lineage.get(1).get("recorded_at")).isGreaterThan((Long) lineage.get(0).get("recorded_at"));

        List<Map<String, Object>> reads = rowsOf(READS_STREAM);
        assertThat(reads).extracting(r -> r.get("write_id")).containsExactly(first, second);
        assertThat(reads.get(0)).containsEntry("processor", "points").containsEntry("input", "raw.box")
                .containsEntry("game_date", day(JAN_3)).containsEntry("first_date", day(JAN_3))
                .containsEntry("last_date", day(JAN_3)).containsKey("digest");

        // query jobs: the reads of the task (schedule, raw fingerprints), the write, then the partition's fingerprint
        // SELECT, after the reads and the begun row were acknowledged and before the written row was appended
        List<String> writes = jobsWithAppendsBefore.stream().filter(j -> j.endsWith(POINTS_SQL)).toList();
        List<String> fingerprints = jobsWithAppendsBefore.stream().filter(j -> j.endsWith(fingerprintSql())).toList();
        assertThat(writes).containsExactly("2 " + POINTS_SQL, "5 " + POINTS_SQL);
        assertThat(fingerprints).containsExactly("2 " + fingerprintSql(), "5 " + fingerprintSql());
        List<String> queries = jobQueries();
        assertThat(queries.indexOf(fingerprintSql())).isEqualTo(queries.indexOf(POINTS_SQL) + 1);
        JsonNode fingerprintJob = api.requests(INSERT_JOB).stream().map(LineageOnBigQueryContractTest::query)
                .filter(q -> q.path("query").asText().equals(fingerprintSql())).findFirst().orElseThrow();
        assertThat(fingerprintJob.has("destinationTable")).as("an ordinary query, writing no table").isFalse();
        assertThat(fingerprintJob.path("query").asText()).startsWith("SELECT ");
        assertThat(fingerprintJob.path("queryParameters").get(0).path("parameterValue").path("value").asText())
                .isEqualTo("2022-01-03");
        // no DML: no lineage INSERT job, nor any other
        assertThat(queries).noneMatch(q -> q.contains("INSERT")).noneMatch(LineageOnBigQueryContractTest::namesLineage);
        System.out.printf("Per written partition: %d AppendRows requests, %d query job(s) of lineage (the"
                        + " fingerprint SELECT), 0 DML; CreateWriteStream %d per process%n",
                write.appends().size() / 2, fingerprints.size() / 2, write.creates().size());
    }

    @Test
    void aSkippedPartitionsLineageIsThreeAppendsAndNoQuery() throws Exception {
        Processor skipping = new Processor() {
            @Override
            public String name() {
                return "points";
            }

            @Override
            public Outcome process(TaskContext task) {
                return Outcome.skipped("nothing to work from on " + task.date());
            }
        };

        assertThat(run(skipping, JAN_3)).isEqualTo(Outcome.skipped("nothing to work from on " + JAN_3));

        // the partition had rows: truncated by an empty result between its lineage, whose skipped row needs no query
        assertThat(jobQueries()).contains("SELECT * FROM analytics.points WHERE FALSE")
                .noneMatch(q -> q.contains("INSERT")).noneMatch(LineageOnBigQueryContractTest::namesLineage);
        assertThat(write.appends()).hasSize(3);
        List<Map<String, Object>> lineage = rowsOf(LINEAGE_STREAM);
        assertThat(lineage).extracting(r -> r.get("stage")).containsExactly("begun", "skipped");
        assertThat(lineage.get(1)).containsEntry("row_count", 0L)
                .containsEntry("fingerprint", Fingerprint.EMPTY.text())
                .containsEntry("detail", "nothing to work from on " + JAN_3);
    }

    @Test
    void aRefusedAppendBeforeTheWriteFailsTheTaskBeforeThePartitionIsWritten() {
        write.answerNextAppend(); // the reads
        write.refuseRowOfNextAppend(0, "Field version: string too long"); // the begun row

        assertThatThrownBy(() -> run(points(), JAN_3)).isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("ops.partition_lineage").hasMessageContaining("string too long");

        assertThat(jobQueries()).doesNotContain(POINTS_SQL, fingerprintSql());
        assertThat(api.requests(INSERT_JOB)).noneMatch(r -> query(r).path("destinationTable").path("tableId").asText()
                .startsWith("points$"));
        // reads without a write, never a write without reads
        assertThat(rowsOf(READS_STREAM)).hasSize(1);
        assertThat(write.allRows()).hasSize(1);
    }

    @Test
    void aRefusedAppendAfterTheWriteFailsTheTaskWithThePartitionWrittenWhichThenReadsAsInterrupted() throws Exception {
        write.answerNextAppend(); // the reads
        write.answerNextAppend(); // the begun row
        write.refuseRowOfNextAppend(0, "Field fingerprint: invalid"); // the written row

        assertThatThrownBy(() -> run(points(), JAN_3)).isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("ops.partition_lineage");

        assertThat(jobQueries()).containsSubsequence(POINTS_SQL, fingerprintSql());
        // what the lineage table holds: the begun row, without an end
        List<Map<String, Object>> lineage = write.rows(write.appends().get(1).stream());
        assertThat(write.appends().get(1).stream()).startsWith(LINEAGE_STREAM);
        assertThat(lineage).extracting(r -> r.get("stage")).containsExactly("begun");

        // read back, the partition's latest write began and never ended: unknown to its readers, stale until rewritten
        api.queryResult("FROM " + LineageStore.LINEAGE, schema("processor", "STRING", "game_date", "DATE", "write_id",
                "STRING", "stage", "STRING", "version", "STRING", "run_id", "STRING", "row_count", "INTEGER",
                "fingerprint", "STRING", "detail", "STRING", "recorded_at", "TIMESTAMP"), asQueryRows(lineage));
        LatestWrite latest = new LineageStore(warehouse).latest(List.of("points"), JAN_3, JAN_3)
                .get(new PartitionKey("points", JAN_3));
        assertThat(latest.complete()).isFalse();
        assertThat(latest.fingerprintForReaders()).isEqualTo(Fingerprint.UNKNOWN);
        assertThat(latest.begunAt()).isEqualTo(Instant.ofEpochSecond(0, 1_000L * (Long) lineage.get(0).get("recorded_at")));
    }

    @Test
    void aWriteAfterAnUnansweredAppendGoesOnANewStream() throws Exception {
        for (int i = 0; i < FAST.maxAttempts(); i++) {
            write.failNextAppend(io.grpc.Status.UNAVAILABLE);
        }

        assertThatThrownBy(() -> run(points(), JAN_3)).isInstanceOf(fullcourt.engine.processor.RetryableFailure.class);
        assertThat(run(points(), JAN_3)).isEqualTo(Outcome.written(2));

        // the reads' stream that never answered is left; the retry's rows go to a new one
        assertThat(write.creates()).extracting(CreateWriteStreamRequest::getParent).containsExactly(
                STREAMS + "lineage_reads", STREAMS + "lineage_reads", STREAMS + "partition_lineage");
        assertThat(write.allRows()).extracting(r -> r.get("stage")).containsExactly(null, "begun", "written");
        assertThat(jobQueries()).containsOnlyOnce(POINTS_SQL);
    }

    /** Appended rows (DATE as days, TIMESTAMP as microseconds) as tabledata.list returns them. */
    static ArrayNode asQueryRows(List<Map<String, Object>> appended) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (Map<String, Object> r : appended) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (String c : List.of("processor", "game_date", "write_id", "stage", "version", "run_id", "row_count",
                    "fingerprint", "detail", "recorded_at")) {
                values.put(c, r.get(c));
            }
            values.computeIfPresent("game_date", (k, v) -> LocalDate.ofEpochDay((Integer) v).toString());
            values.computeIfPresent("recorded_at", (k, v) -> new BigDecimal((Long) v).movePointLeft(6).toPlainString());
            out.add(row(values.values().stream().map(v -> v == null ? null : v.toString()).toArray(String[]::new)));
        }
        return out;
    }
}
