package fullcourt.engine.warehouse.bigquery;

import static fullcourt.infra.testing.FakeBigQueryApi.Route.CANCEL_JOB;
import static fullcourt.infra.testing.FakeBigQueryApi.Route.GET_JOB;
import static fullcourt.infra.testing.FakeBigQueryApi.Route.GET_TABLE;
import static fullcourt.infra.testing.FakeBigQueryApi.Route.INSERT_JOB;
import static fullcourt.infra.testing.FakeBigQueryApi.Route.LIST_TABLE_DATA;
import static fullcourt.infra.testing.FakeBigQueryApi.done;
import static fullcourt.infra.testing.FakeBigQueryApi.error;
import static fullcourt.infra.testing.FakeBigQueryApi.failed;
import static fullcourt.infra.testing.FakeBigQueryApi.page;
import static fullcourt.infra.testing.FakeBigQueryApi.row;
import static fullcourt.infra.testing.FakeBigQueryApi.rows;
import static fullcourt.infra.testing.FakeBigQueryApi.running;
import static fullcourt.infra.testing.FakeBigQueryApi.schema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.cloud.NoCredentials;
import fullcourt.engine.processor.Cancellation;
import fullcourt.engine.processor.PermanentFailure;
import fullcourt.engine.processor.DailyQuotaExhausted;
import fullcourt.engine.processor.QuotaExceeded;
import fullcourt.messages.Quota;
import fullcourt.engine.processor.RetryableFailure;
import fullcourt.infra.retry.BackoffPolicy;
import fullcourt.engine.testing.ManualClock;
import fullcourt.engine.warehouse.Column;
import fullcourt.engine.warehouse.ConditionalInsert;
import fullcourt.engine.warehouse.WriteBracket;
import fullcourt.infra.testing.FakeBigQueryApi;
import fullcourt.infra.testing.FakeBigQueryApi.Request;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The adapter against a local stand-in for the BigQuery REST API: what it sends, how often it
 * retries, which failures it surfaces. Backoff and polling are in milliseconds here.
 */
class BigQueryWarehouseContractTest {

    static final BackoffPolicy FAST = new BackoffPolicy(5, Duration.ofMillis(1), 2.0, Duration.ofMillis(8));

    static final String MODEL = """
            SELECT game_date, player_id, points
            FROM raw.player_box_scores
            WHERE game_date = @game_date AND season = @season AND minutes >= @min_minutes
              AND plus_minus > @margin AND starter = @starters_only AND pace > @pace""";

    FakeBigQueryApi api;
    BigQueryWarehouse warehouse;

    @BeforeEach
    void start() {
        api = FakeBigQueryApi.start();
        warehouse = BigQueryWarehouse.connect(FakeBigQueryApi.PROJECT, api.endpoint(), null,
                NoCredentials.getInstance(), FAST, new Random(7), Duration.ofMillis(1), 50);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    static Map<String, Object> modelParams() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("game_date", LocalDate.of(2022, 1, 31));
        p.put("season", "2021-22");
        p.put("min_minutes", 10);
        p.put("margin", -5L);
        p.put("starters_only", true);
        p.put("pace", 99.5);
        return p;
    }

    long replaceJan31() {
        return warehouse.replacePartition("analytics.player_game_summary", "game_date", LocalDate.of(2022, 1, 31),
                MODEL, modelParams(), new Cancellation());
    }

    @Test
    void replacePartitionSendsOneTruncatingQueryJobForTheDecoratedPartition() {
        api.partitionRows("analytics.player_game_summary$20220131", 412);

        long rows = replaceJan31();

        assertThat(rows).isEqualTo(412);
        assertThat(api.requests(INSERT_JOB)).hasSize(1);
        JsonNode query = api.requests(INSERT_JOB).get(0).body().path("configuration").path("query");
        assertThat(query.path("query").asText()).isEqualTo(MODEL);
        assertThat(query.path("useLegacySql").asBoolean(true)).isFalse();
        assertThat(query.path("parameterMode").asText()).isEqualTo("NAMED");
        assertThat(query.path("destinationTable").path("projectId").asText()).isEqualTo(FakeBigQueryApi.PROJECT);
        assertThat(query.path("destinationTable").path("datasetId").asText()).isEqualTo("analytics");
        assertThat(query.path("destinationTable").path("tableId").asText()).isEqualTo("player_game_summary$20220131");
        assertThat(query.path("writeDisposition").asText()).isEqualTo("WRITE_TRUNCATE");
        assertThat(query.path("createDisposition").asText()).isEqualTo("CREATE_IF_NEEDED");
        assertThat(query.path("timePartitioning").path("type").asText()).isEqualTo("DAY");
        assertThat(query.path("timePartitioning").path("field").asText()).isEqualTo("game_date");
        assertThat(parameters(query)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "game_date", "DATE 2022-01-31",
                "season", "STRING 2021-22",
                "min_minutes", "INT64 10",
                "margin", "INT64 -5",
                "starters_only", "BOOL true",
                "pace", "FLOAT64 99.5"));
        // rows written: the decorated partition's row count, read without fetching rows
        Request count = api.requests(LIST_TABLE_DATA).get(0);
        assertThat(count.id()).isEqualTo("analytics.player_game_summary$20220131");
        assertThat(count.query()).containsEntry("maxResults", "0");
    }

    @Test
    void clearingAPartitionWithRowsTruncatesItByAnEmptyResultBetweenItsBracket() {
        api.partitionRows("analytics.player_game_summary$20220131", 412);

        warehouse.clearPartition("analytics.player_game_summary", "game_date", LocalDate.of(2022, 1, 31),
                new Cancellation(), lineageBracket());

        List<JsonNode> queries = api.requests(INSERT_JOB).stream()
                .map(r -> r.body().path("configuration").path("query")).toList();
        assertThat(queries).extracting(q -> q.path("query").asText()).satisfiesExactly(
                before -> assertThat(before).contains("INSERT INTO ops.x VALUES (1)"),
                clear -> assertThat(clear).isEqualTo("SELECT * FROM analytics.player_game_summary WHERE FALSE"),
                after -> assertThat(after).contains("INSERT INTO ops.x VALUES (2)"));
        assertThat(queries.get(1).path("destinationTable").path("tableId").asText())
                .isEqualTo("player_game_summary$20220131");
        assertThat(queries.get(1).path("writeDisposition").asText()).isEqualTo("WRITE_TRUNCATE");
    }

    @Test
    void clearingAPartitionWithoutRowsRunsOnlyItsBracket() {
        warehouse.clearPartition("analytics.player_game_summary", "game_date", LocalDate.of(2022, 1, 31),
                new Cancellation(), lineageBracket());

        assertThat(api.requests(INSERT_JOB)).extracting(r -> r.body().path("configuration").path("query")
                .path("query").asText()).satisfiesExactly(
                        before -> assertThat(before).contains("INSERT INTO ops.x VALUES (1)"),
                        after -> assertThat(after).contains("INSERT INTO ops.x VALUES (2)"));
        assertThat(api.requests(LIST_TABLE_DATA)).extracting(Request::id)
                .containsExactly("analytics.player_game_summary$20220131");
    }

    private static WriteBracket lineageBracket() {
        return new WriteBracket(List.of(WriteBracket.Statement.of("INSERT INTO ops.x VALUES (1)", Map.of())),
                () -> List.of(WriteBracket.Statement.of("INSERT INTO ops.x VALUES (2)", Map.of())));
    }

    @Test
    void rateLimitedInsertIsRetriedUnderTheSameJobIdAndSucceeds() {
        api.script(INSERT_JOB, error(429, "rateLimitExceeded", "Exceeded rate limits: too many api requests per user"));
        api.partitionRows("analytics.player_game_summary$20220131", 7);

        long rows = replaceJan31();

        assertThat(rows).isEqualTo(7);
        List<Request> inserts = api.requests(INSERT_JOB);
        assertThat(inserts).hasSize(2);
        // the failed insert may have created the job: the retry names the same job, so it runs once
        assertThat(inserts.get(1).id()).isEqualTo(inserts.get(0).id());
    }

    @Test
    void backendErrorFiveTimesSurfacesRetryableFailureAfterExactlyFiveAttempts() {
        for (int i = 0; i < 6; i++) {
            api.script(INSERT_JOB, error(503, "backendError", "Error encountered during execution. Retrying may solve the problem."));
        }

        assertThatThrownBy(this::replaceJan31)
                .isInstanceOf(RetryableFailure.class)
                .hasMessageContaining("after 5 attempts")
                .hasMessageContaining("backendError");
        assertThat(api.requests(INSERT_JOB)).hasSize(5);
    }

    @Test
    void jobFailingWithBackendErrorIsRerunUnderAFreshJobIdEachTime() {
        for (int i = 0; i < 5; i++) {
            api.script(GET_JOB, failed("backendError", "Backend error. Job aborted."));
        }

        assertThatThrownBy(this::replaceJan31).isInstanceOf(RetryableFailure.class);

        List<Request> inserts = api.requests(INSERT_JOB);
        assertThat(inserts).hasSize(5);
        assertThat(inserts.stream().map(Request::id).distinct()).hasSize(5);
    }

    @Test
    void partitionWritesOfOneTableBeyondItsBudgetWaitForTheWindowOthersDoNot() {
        List<Duration> waits = new ArrayList<>();
        ManualClock clock = new ManualClock(Instant.parse("2022-02-01T00:00:00Z"));
        api.close();
        api = FakeBigQueryApi.start();
        warehouse = BigQueryWarehouse.connect(FakeBigQueryApi.PROJECT, api.endpoint(), null, NoCredentials.getInstance(),
                FAST, new Random(7), Duration.ofMillis(1),
                new PartitionWritePacer(1, Duration.ofSeconds(10), clock, waits::add));

        replaceJan31();
        replaceJan31();
        warehouse.replacePartition("analytics.team_offense_game_summary", "game_date", LocalDate.of(2022, 1, 31),
                MODEL, modelParams(), new Cancellation());

        // the second write of player_game_summary waited a window; the other table's first write did not
        assertThat(waits).containsExactly(Duration.ofSeconds(10));
        assertThat(api.requests(INSERT_JOB)).hasSize(3);
    }

    @Test
    void invalidQueryFailsPermanentlyAfterOneAttemptWithBigQuerysMessage() {
        api.script(GET_JOB, failed("invalidQuery", "Unrecognized name: minuts; Did you mean minutes? at [4:47]"));

        assertThatThrownBy(this::replaceJan31)
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("invalidQuery")
                .hasMessageContaining("Unrecognized name: minuts; Did you mean minutes? at [4:47]");
        assertThat(api.requests(INSERT_JOB)).hasSize(1);
    }

    @ParameterizedTest(name = "HTTP {0} {1} is retried")
    @CsvSource({
            "403, rateLimitExceeded, Exceeded rate limits: too many table update operations for this table",
            "400, jobRateLimitExceeded, Job exceeded rate limits: Your table exceeded quota for table update operations",
            "500, internalError, An internal error occurred and the request could not be completed",
            "502, '', Bad Gateway"})
    void transientErrorsAreRetriedWhateverTheirHttpCode(int code, String reason, String message) {
        api.script(INSERT_JOB, error(code, reason, message));

        replaceJan31();

        assertThat(api.requests(INSERT_JOB)).hasSize(2);
    }

    @Test
    void aLongerTermProjectQuotaIsNotRetriedInTheCallButReportedAsQuota() {
        String message = "Quota exceeded: Your project and region exceeded quota for max number of jobs that can be"
                + " queued per project.";
        api.script(INSERT_JOB, error(403, "quotaExceeded", message));

        assertThatThrownBy(this::replaceJan31)
                .isInstanceOfSatisfying(QuotaExceeded.class, q -> assertThat(q.quota())
                        .isEqualTo(Quota.project(false, "max number of jobs that can be queued per project")))
                .hasMessageContaining("quotaExceeded: " + message)
                .hasMessageContaining("10 minutes or more");
        assertThat(api.requests(INSERT_JOB)).hasSize(1);
    }

    @ParameterizedTest(name = "HTTP 403 {0} is a daily quota: not retried, permanent, the quota named")
    @CsvSource(delimiter = '|', value = {
            "quotaExceeded|Quota exceeded: Your table exceeded quota for Number of partition modifications to a column"
                    + " partitioned table.|TABLE|Number of partition modifications to a column partitioned table",
            "usageQuotaExceeded|Custom quota exceeded: Your usage exceeded the custom quota for QueryUsagePerDay, which"
                    + " is set by your administrator.|PROJECT|QueryUsagePerDay; resets at midnight Pacific Time"})
    void dailyQuotasEndTheTaskAtOnceNamingTheQuota(String reason, String message, Quota.Scope scope, String name) {
        api.script(INSERT_JOB, error(403, reason, message));

        assertThatThrownBy(this::replaceJan31)
                .isInstanceOfSatisfying(DailyQuotaExhausted.class, d -> {
                    assertThat(d.quota().scope()).isEqualTo(scope);
                    assertThat(d.quota().daily()).isTrue();
                    assertThat(d.quota().name()).isEqualTo(name);
                })
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining(reason + ": " + message)
                .hasMessageContaining(name);
        assertThat(api.requests(INSERT_JOB)).hasSize(1);
    }

    @Test
    void aTablesRateLimitIsRetriedThenReportedAsTheWrittenTablesQuota() {
        String tooMany = "Exceeded rate limits: too many table update operations for this table";
        for (int i = 0; i < FAST.maxAttempts(); i++) {
            api.script(INSERT_JOB, error(403, "rateLimitExceeded", tooMany));
        }

        assertThatThrownBy(this::replaceJan31)
                .isInstanceOfSatisfying(QuotaExceeded.class, q -> assertThat(q.quota()).isEqualTo(
                        Quota.table("analytics.player_game_summary", false, "table update operations for this table")));
        assertThat(api.requests(INSERT_JOB)).hasSize(FAST.maxAttempts());
    }

    @ParameterizedTest(name = "HTTP {0} {1} fails at once")
    @CsvSource({
            "400, invalidQuery, Syntax error: Unexpected keyword FROM at [1:8]",
            "400, invalid, Cannot replace a table with a different partitioning spec",
            "403, accessDenied, Access Denied: Table test-project:raw.player_box_scores",
            "404, notFound, Not found: Dataset test-project:analytics"})
    void errorsAboutTheRequestFailPermanentlyAtOnce(int code, String reason, String message) {
        api.script(INSERT_JOB, error(code, reason, message));

        assertThatThrownBy(this::replaceJan31)
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining(reason + ": " + message);
        assertThat(api.requests(INSERT_JOB)).hasSize(1);
    }

    @Test
    void queryMapsBigQueryTypesToJavaTypesInColumnOrder() {
        api.queryResult(
                schema("game_date", "DATE", "points", "INTEGER", "usage_rate", "FLOAT", "starter", "BOOLEAN",
                        "player_name", "STRING", "recorded_at", "TIMESTAMP", "dnp_reason", "STRING"),
                rows(row("2022-01-31", "31", "0.285", "true", "Jayson Tatum", "1643673600.5", null),
                        row("2022-01-31", "0", "0.0", "false", "Bench Guy", "1643673601.0", "Coach's decision")));

        List<Map<String, Object>> result = warehouse.query(
                "SELECT game_date, points, usage_rate, starter, player_name, recorded_at, dnp_reason"
                        + " FROM analytics.player_game_summary WHERE game_date = @d", Map.of("d", LocalDate.of(2022, 1, 31)));

        assertThat(result).hasSize(2);
        assertThat(result.get(0).keySet()).containsExactly(
                "game_date", "points", "usage_rate", "starter", "player_name", "recorded_at", "dnp_reason");
        Map<String, Object> first = new HashMap<>(result.get(0));
        assertThat(first.remove("dnp_reason")).isNull();
        assertThat(first).containsExactlyInAnyOrderEntriesOf(Map.of(
                "game_date", LocalDate.of(2022, 1, 31),
                "points", 31L,
                "usage_rate", 0.285,
                "starter", true,
                "player_name", "Jayson Tatum",
                // 1643673600 s = 2022-02-01T00:00:00Z; .5 s more
                "recorded_at", Instant.parse("2022-02-01T00:00:00.500Z")));
        assertThat(result.get(1)).containsEntry("dnp_reason", "Coach's decision").containsEntry("starter", false);
    }

    @Test
    void queryReadsEveryPageOfTheResult() {
        api.queryResult(schema("n", "INTEGER"), rows());
        api.script(LIST_TABLE_DATA, page("token-2", rows(row("1"), row("2")), 3), page(null, rows(row("3")), 3));

        List<Map<String, Object>> result = warehouse.query("SELECT n FROM ops.numbers", Map.of());

        assertThat(result).extracting(r -> r.get("n")).containsExactly(1L, 2L, 3L);
        assertThat(api.requests(LIST_TABLE_DATA).get(1).query()).containsEntry("pageToken", "token-2");
    }

    @Test
    void tableExistsIsTrueForATableAndFalseForNotFound() {
        api.addTable("raw.schedule");

        assertThat(warehouse.tableExists("raw.schedule")).isTrue();
        assertThat(warehouse.tableExists("raw.nothing_here")).isFalse();
        assertThat(api.requests(GET_TABLE)).extracting(Request::id).containsExactly("raw.schedule", "raw.nothing_here");
    }

    @Test
    void columnsAreTheTablesSchemaInOrderWithStandardSqlTypesFromOneTablesGet() {
        api.addTable("analytics.player_game_summary", schema("game_date", "DATE", "usage_rate", "FLOAT",
                "points", "INTEGER", "player_name", "STRING"));

        List<fullcourt.engine.warehouse.Column> columns = warehouse.columns("analytics.player_game_summary");

        // legacy FLOAT/INTEGER on the wire are FLOAT64/INT64 in GoogleSQL, which fingerprints round and cast
        assertThat(columns).extracting(c -> c.name() + " " + c.type()).containsExactly("game_date DATE",
                "usage_rate FLOAT64", "points INT64", "player_name STRING");
        assertThat(columns).filteredOn(fullcourt.engine.warehouse.Column::isFloat).extracting(c -> c.name())
                .containsExactly("usage_rate");
        assertThat(warehouse.columns("analytics.not_created_yet")).isEmpty();
        assertThat(api.requests(GET_TABLE)).extracting(Request::id)
                .containsExactly("analytics.player_game_summary", "analytics.not_created_yet");
        assertThat(api.requests(INSERT_JOB)).isEmpty();
    }

    @Test
    void cancellationCancelsTheRunningJob() throws Exception {
        api.always(GET_JOB, running());
        Cancellation cancellation = new Cancellation();

        CompletableFuture<Long> write = CompletableFuture.supplyAsync(() -> warehouse.replacePartition(
                "analytics.player_game_summary", "game_date", LocalDate.of(2022, 1, 31), MODEL, modelParams(),
                cancellation));
        await().atMost(5, TimeUnit.SECONDS).until(() -> !api.requests(GET_JOB).isEmpty());
        cancellation.cancel();

        assertThatThrownBy(() -> write.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(RetryableFailure.class);
        String jobId = api.requests(INSERT_JOB).get(0).id();
        assertThat(api.requests(CANCEL_JOB)).extracting(Request::id).containsExactly(jobId);
    }

    @Test
    void statementsBracketingAWriteRunAsJobsBeforeAndRightBehindIt() {
        api.partitionRows("analytics.player_game_summary$20220131", 412);
        List<String> madeAfter = new java.util.ArrayList<>();
        WriteBracket bracket = new WriteBracket(
                List.of(WriteBracket.Statement.of("INSERT INTO ops.partition_lineage (write_id) VALUES (@w)", Map.of("w", "begun"))),
                () -> {
                    // made once the table exists, after the write job
                    madeAfter.add("after " + api.requests(INSERT_JOB).size() + " jobs");
                    return List.of(WriteBracket.Statement.of("INSERT INTO ops.partition_lineage (write_id) SELECT @w",
                            Map.of("w", "written")));
                });

        long rows = warehouse.replacePartition("analytics.player_game_summary", "game_date", LocalDate.of(2022, 1, 31),
                MODEL, modelParams(), new Cancellation(), bracket);

        assertThat(rows).isEqualTo(412);
        assertThat(madeAfter).containsExactly("after 2 jobs");
        assertThat(api.requests(INSERT_JOB)).extracting(r -> r.body().path("configuration").path("query")
                .path("query").asText()).satisfiesExactly(
                before -> assertThat(before).startsWith("INSERT INTO ops.partition_lineage (write_id) VALUES ("),
                write -> assertThat(write).isEqualTo(MODEL),
                after -> assertThat(after).contains("INSERT INTO ops.partition_lineage (write_id) SELECT @"));
        assertThat(api.requests(INSERT_JOB).get(2).body().path("configuration").path("query").has("destinationTable"))
                .as("the statement behind the write is DML, not another partition write").isFalse();
    }

    @Test
    void cancelledTaskStartsNoJob() {
        Cancellation cancellation = new Cancellation();
        cancellation.cancel();

        assertThatThrownBy(() -> warehouse.replacePartition("analytics.player_game_summary", "game_date",
                LocalDate.of(2022, 1, 31), MODEL, modelParams(), cancellation)).isInstanceOf(RetryableFailure.class);
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void updateReturnsTheRowsTheDmlStatementAffected() {
        api.script(GET_JOB, done("{\"statementType\":\"DELETE\",\"numDmlAffectedRows\":\"3\"}"));

        long affected = warehouse.update("DELETE FROM ops.task_events WHERE run_id = @run", Map.of("run", "r1"));

        assertThat(affected).isEqualTo(3);
        JsonNode query = api.requests(INSERT_JOB).get(0).body().path("configuration").path("query");
        assertThat(query.has("destinationTable")).isFalse();
        assertThat(parameters(query)).containsExactlyEntriesOf(Map.of("run", "STRING r1"));
    }

    @Test
    void updateBatchOfSingleRowInsertsSendsOneMultiRowInsertWithNullsAsLiterals() {
        List<Map<String, Object>> sets = new ArrayList<>();
        sets.add(ledgerRow(1, "r1", "t1"));
        sets.add(ledgerRow(2, "r1", null));

        warehouse.updateBatch("INSERT INTO ops.task_events (seq, run_id, task_id) VALUES (@seq, @run_id, @task_id)", sets);

        assertThat(api.requests(INSERT_JOB)).hasSize(1);
        JsonNode query = api.requests(INSERT_JOB).get(0).body().path("configuration").path("query");
        assertThat(query.path("query").asText()).isEqualTo("INSERT INTO ops.task_events (seq, run_id, task_id) VALUES "
                + "(@p0_seq, @p0_run_id, @p0_task_id),\n(@p1_seq, @p1_run_id, NULL)");
        assertThat(parameters(query)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "p0_seq", "INT64 1", "p0_run_id", "STRING r1", "p0_task_id", "STRING t1",
                "p1_seq", "INT64 2", "p1_run_id", "STRING r1"));
    }

    /** Two ledger rows, the second a run's row without a task, written only while the lease holds epoch 7. */
    static ConditionalInsert fencedLedgerRows() {
        List<Column> columns = List.of(new Column("seq", "INT64"), new Column("run_id", "STRING"),
                new Column("task_id", "STRING"), new Column("epoch", "INT64"));
        Map<String, Object> runRow = ledgerRow(2, "r1", null);
        runRow.put("epoch", 7L);
        Map<String, Object> taskRow = ledgerRow(1, "r1", "a/2022-01-31");
        taskRow.put("epoch", 7L);
        return ConditionalInsert.of("ops.task_events", columns, List.of(taskRow, runRow),
                "EXISTS (SELECT 1 FROM ops.coordinator_lease WHERE name = @lease_name AND holder = @lease_holder"
                        + " AND epoch = @lease_epoch)",
                Map.of("lease_name", "coordinator", "lease_holder", "rev-1/ab12cd34", "lease_epoch", 7L));
    }

    @Test
    void conditionalInsertIsOneDmlJobThatChecksTheLeaseInTheSameStatementAndReportsTheRowsWritten() {
        api.script(GET_JOB, done("{\"statementType\":\"INSERT\",\"numDmlAffectedRows\":\"2\"}"));
        ConditionalInsert insert = fencedLedgerRows();

        long written = warehouse.update(insert.sql(), insert.parameters());

        assertThat(written).isEqualTo(2);
        assertThat(api.requests(INSERT_JOB)).hasSize(1);
        JsonNode query = api.requests(INSERT_JOB).get(0).body().path("configuration").path("query");
        assertThat(query.path("useLegacySql").asBoolean()).isFalse();
        assertThat(query.has("destinationTable")).isFalse();
        assertThat(query.path("query").asText()).isEqualTo("""
                INSERT INTO ops.task_events (seq, run_id, task_id, epoch)
                SELECT seq, run_id, task_id, epoch FROM (
                SELECT CAST(@r0_seq AS INT64) AS seq, CAST(@r0_run_id AS STRING) AS run_id,\
                 CAST(@r0_task_id AS STRING) AS task_id, CAST(@r0_epoch AS INT64) AS epoch
                UNION ALL SELECT CAST(@r1_seq AS INT64), CAST(@r1_run_id AS STRING), CAST(NULL AS STRING),\
                 CAST(@r1_epoch AS INT64)
                ) AS appended
                WHERE EXISTS (SELECT 1 FROM ops.coordinator_lease WHERE name = @lease_name\
                 AND holder = @lease_holder AND epoch = @lease_epoch)""");
        assertThat(parameters(query)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "r0_seq", "INT64 1", "r0_run_id", "STRING r1", "r0_task_id", "STRING a/2022-01-31", "r0_epoch", "INT64 7",
                "r1_seq", "INT64 2", "r1_run_id", "STRING r1", "r1_epoch", "INT64 7",
                "lease_name", "STRING coordinator", "lease_holder", "STRING rev-1/ab12cd34", "lease_epoch", "INT64 7"));
    }

    @Test
    void conditionalInsertRefusedByItsConditionReportsNoRowsWritten() {
        api.script(GET_JOB, done("{\"statementType\":\"INSERT\",\"numDmlAffectedRows\":\"0\"}"));
        ConditionalInsert insert = fencedLedgerRows();

        assertThat(warehouse.update(insert.sql(), insert.parameters())).isZero();
    }

    @Test
    void updateBatchOfOtherStatementsRunsThemInOneTransaction() {
        warehouse.updateBatch("UPDATE ops.runs SET state = @state WHERE run_id = @run;",
                List.of(Map.of("state", "DONE", "run", "r1"), Map.of("state", "CANCELLED", "run", "r2")));

        assertThat(api.requests(INSERT_JOB)).hasSize(1);
        JsonNode query = api.requests(INSERT_JOB).get(0).body().path("configuration").path("query");
        assertThat(query.path("query").asText()).isEqualTo("""
                BEGIN TRANSACTION;
                UPDATE ops.runs SET state = @p0_state WHERE run_id = @p0_run;
                UPDATE ops.runs SET state = @p1_state WHERE run_id = @p1_run;
                COMMIT TRANSACTION;""");
        assertThat(parameters(query)).hasSize(4);
    }

    @Test
    void parameterOfAnUnmappedTypeFailsPermanentlyNamingItBeforeAnyRequest() {
        assertThatThrownBy(() -> warehouse.query("SELECT 1 AS x FROM ops.t WHERE amount = @amount",
                Map.of("amount", new BigDecimal("1.5"))))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("@amount")
                .hasMessageContaining("java.math.BigDecimal");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void missingParameterFailsPermanentlyNamingIt() {
        assertThatThrownBy(() -> warehouse.query("SELECT 1 AS x FROM ops.t WHERE d = @game_date", Map.of()))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("@game_date");
    }

    @Test
    void transientErrorWhilePollingIsRetriedOnTheSameJob() {
        api.script(GET_JOB, error(503, "backendError", "Backend error"));

        replaceJan31();

        assertThat(api.requests(INSERT_JOB)).hasSize(1);
        assertThat(api.requests(GET_JOB)).hasSize(2);
    }

    @Test
    void createPortableFunctionsRunsEachFunctionDefinition() {
        warehouse.createPortableFunctions();

        assertThat(api.requests(INSERT_JOB))
                .extracting(r -> r.body().path("configuration").path("query").path("query").asText())
                .satisfiesExactly(
                        q -> assertThat(q).startsWith("CREATE OR REPLACE FUNCTION ops.days_between(later_date DATE, earlier_date DATE)"),
                        q -> assertThat(q).startsWith("CREATE OR REPLACE FUNCTION ops.add_days(d DATE, n INT64)"),
                        q -> assertThat(q).startsWith("CREATE OR REPLACE FUNCTION ops.safe_div(a FLOAT64, b FLOAT64)")
                                .endsWith("AS (IF(b IS NULL OR b = 0, NULL, a / b))"),
                        q -> assertThat(q).startsWith("CREATE OR REPLACE FUNCTION ops.hash40(s STRING)")
                                .endsWith("AS (CAST('0x' || SUBSTR(TO_HEX(MD5(s)), 1, 10) AS INT64))"),
                        q -> assertThat(q).startsWith("CREATE OR REPLACE FUNCTION ops.row_hash40(r ANY TYPE)")
                                .endsWith("AS (FARM_FINGERPRINT(TO_JSON_STRING(r)) & 1099511627775)"),
                        q -> assertThat(q).startsWith("CREATE OR REPLACE TABLE FUNCTION ops.score_rows(s STRING)")
                                .contains("FROM UNNEST(SPLIT(s, '\\x1e')) AS r").endsWith(")"));
    }

    private static Map<String, Object> ledgerRow(long seq, String run, String task) {
        Map<String, Object> m = new HashMap<>();
        m.put("seq", seq);
        m.put("run_id", run);
        m.put("task_id", task);
        return m;
    }

    /** name -> "TYPE value" for each queryParameter sent. */
    private static Map<String, String> parameters(JsonNode query) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode p : query.path("queryParameters")) {
            out.put(p.path("name").asText(),
                    p.path("parameterType").path("type").asText() + " " + p.path("parameterValue").path("value").asText());
        }
        return out;
    }
}
