package fullcourt.loader.write;

import static fullcourt.infra.testing.FakeBigQueryApi.Route.GET_JOB;
import static fullcourt.infra.testing.FakeBigQueryApi.Route.LIST_TABLE_DATA;
import static fullcourt.infra.testing.FakeBigQueryApi.Route.START_UPLOAD;
import static fullcourt.infra.testing.FakeBigQueryApi.Route.UPLOAD;
import static fullcourt.infra.testing.FakeBigQueryApi.doneButAnswered;
import static fullcourt.infra.testing.FakeBigQueryApi.error;
import static fullcourt.infra.testing.FakeBigQueryApi.failed;
import static fullcourt.infra.testing.FakeBigQueryApi.row;
import static fullcourt.infra.testing.FakeBigQueryApi.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.NoCredentials;
import com.google.cloud.bigquery.Field;
import fullcourt.infra.retry.BackoffPolicy;
import fullcourt.infra.testing.FakeBigQueryApi;
import fullcourt.infra.testing.FakeBigQueryApi.Request;
import fullcourt.infra.warehouse.TableSchemas;
import fullcourt.loader.LoadResult;
import fullcourt.loader.RawLoad;
import fullcourt.loader.announce.RawUpdateAnnouncer;
import fullcourt.loader.contract.RawContract;
import fullcourt.loader.stage.FileFormat;
import fullcourt.loader.stage.RawFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fullcourt load} into BigQuery against the shared local stand-in for its REST API: the load jobs it sends (one
 * per table and date, WRITE_TRUNCATE on the partition decorator, the declared schema, newline-delimited JSON of the
 * accepted rows), which errors it retries and which it does not, and that checks still come before any write.
 * Backoff and polling are in milliseconds here.
 */
class BigQueryRawPartitionsContractTest {

    static final RawContract CONTRACT = RawContract.load();
    static final BackoffPolicy FAST = new BackoffPolicy(5, Duration.ofMillis(1), 2.0, Duration.ofMillis(8));
    static final Path SAMPLE = Path.of("../samples/raw");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    FakeBigQueryApi api;
    Connection staging;

    @BeforeEach
    void start() throws Exception {
        api = FakeBigQueryApi.start();
        Class.forName("org.duckdb.DuckDBDriver");
        staging = DriverManager.getConnection("jdbc:duckdb:");
    }

    @AfterEach
    void stop() throws SQLException {
        staging.close();
        api.close();
    }

    LoadResult load(Path... files) throws SQLException {
        BigQueryRawPartitions partitions = BigQueryRawPartitions.connect(FakeBigQueryApi.PROJECT, api.endpoint(), null,
                NoCredentials.getInstance(), FAST, new Random(7), Duration.ofMillis(1));
        List<RawFile> raw = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            raw.add(new RawFile(f, CONTRACT.tables().stream().filter(t -> name.startsWith(t.name())).findFirst()
                    .orElseThrow(), FileFormat.of(f).orElseThrow()));
        }
        return new RawLoad(CONTRACT, staging, partitions, RawUpdateAnnouncer.disabled("test")).run(raw, false, false);
    }

    static Path[] sample() {
        return new Path[] {SAMPLE.resolve("schedule.csv"), SAMPLE.resolve("player_box_scores.csv"),
            SAMPLE.resolve("team_box_scores.csv")};
    }

    /** Data lines of a sample file per game_date (its second column). */
    static Map<String, Long> linesPerDate(String file) throws IOException {
        return Files.readAllLines(SAMPLE.resolve(file)).stream().skip(1).filter(l -> !l.isBlank())
                .collect(Collectors.groupingBy(l -> l.split(",")[1], TreeMap::new, Collectors.counting()));
    }

    /** The uploaded JSON lines of each load job, by its destination table (with decorator). */
    Map<String, List<JsonNode>> uploadedRows() throws IOException {
        Map<String, List<JsonNode>> out = new TreeMap<>();
        for (Request start : api.requests(START_UPLOAD)) {
            byte[] bytes = api.uploaded().get(start.id());
            if (bytes == null) {
                continue;
            }
            List<JsonNode> lines = new ArrayList<>();
            for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    lines.add(JSON.readTree(line));
                }
            }
            out.put(load(start).path("destinationTable").path("tableId").asText(), lines);
        }
        return out;
    }

    static JsonNode load(Request start) {
        return start.body().path("configuration").path("load");
    }

    @Test
    void eachDateOfEachTableIsOneTruncatingLoadJobOnItsPartitionWithTheDeclaredSchema() throws Exception {
        LoadResult result = load(sample());

        assertThat(result.outcome()).isEqualTo(LoadResult.Outcome.WRITTEN);
        assertThat(result.rejections()).isEmpty();
        List<Request> starts = api.requests(START_UPLOAD);
        // 3 tables x 3 dates, in table order then date order
        assertThat(starts).extracting(s -> load(s).path("destinationTable").path("tableId").asText()).containsExactly(
                "schedule$20211019", "schedule$20211020", "schedule$20211021",
                "player_box_scores$20211019", "player_box_scores$20211020", "player_box_scores$20211021",
                "team_box_scores$20211019", "team_box_scores$20211020", "team_box_scores$20211021");
        for (Request start : starts) {
            JsonNode config = load(start);
            String table = config.path("destinationTable").path("tableId").asText().replaceFirst("\\$.*", "");
            assertThat(start.query()).containsEntry("uploadType", "resumable");
            assertThat(config.path("destinationTable").path("projectId").asText()).isEqualTo(FakeBigQueryApi.PROJECT);
            assertThat(config.path("destinationTable").path("datasetId").asText()).isEqualTo("raw");
            assertThat(config.path("writeDisposition").asText()).isEqualTo("WRITE_TRUNCATE");
            assertThat(config.path("createDisposition").asText()).isEqualTo("CREATE_IF_NEEDED");
            assertThat(config.path("sourceFormat").asText()).isEqualTo("NEWLINE_DELIMITED_JSON");
            assertThat(config.path("timePartitioning").path("type").asText()).isEqualTo("DAY");
            assertThat(config.path("timePartitioning").path("field").asText()).isEqualTo("game_date");
            assertThat(config.path("maxBadRecords").asInt(-1)).isZero();
            assertThat(config.path("ignoreUnknownValues").asBoolean(true)).isFalse();
            // the schema raw_tables.sql declares, column for column
            List<Field> declared = TableSchemas.raw().get("raw." + table).getFields();
            JsonNode fields = config.path("schema").path("fields");
            assertThat(fields).hasSize(declared.size());
            for (int i = 0; i < declared.size(); i++) {
                assertThat(fields.get(i).path("name").asText()).isEqualTo(declared.get(i).getName());
                assertThat(fields.get(i).path("type").asText()).isEqualTo(declared.get(i).getType().name());
                assertThat(fields.get(i).path("mode").asText()).isEqualTo(declared.get(i).getMode().name());
            }
        }
        // every accepted row went up once, in its own date's partition, with typed values
        Map<String, List<JsonNode>> uploaded = uploadedRows();
        for (String file : List.of("schedule", "player_box_scores", "team_box_scores")) {
            for (Map.Entry<String, Long> e : linesPerDate(file + ".csv").entrySet()) {
                List<JsonNode> rows = uploaded.get(file + "$" + e.getKey().replace("-", ""));
                assertThat(rows).as(file + " " + e.getKey()).hasSize(e.getValue().intValue())
                        .allSatisfy(r -> assertThat(r.path("game_date").asText()).isEqualTo(e.getKey()));
            }
        }
        JsonNode first = uploaded.get("player_box_scores$20211019").stream()
                .filter(r -> r.path("player_id").asText().equals("p0087")
                        && r.path("game_id").asText().equals("20211019_ORL_CLE")).findFirst().orElseThrow();
        assertThat(first.path("minutes").isNumber()).isTrue();
        assertThat(first.path("minutes").asDouble()).isEqualTo(33.75);
        assertThat(first.path("points").asInt()).isEqualTo(17);
        assertThat(first.path("starter").isBoolean()).isTrue();
        // each job was awaited until DONE
        assertThat(api.requests(GET_JOB)).extracting(Request::id)
                .containsAll(starts.stream().map(Request::id).toList());
        assertThat(result.changes()).allMatch(c -> c.kind() == DateChange.Kind.NEW);
    }

    @Test
    void aDateThatHasRowsIsReplacedAndSaysHowManyItHad() throws Exception {
        api.addTable("raw.schedule");
        api.partitionRows("raw.schedule$20211020", 6);

        LoadResult result = load(SAMPLE.resolve("schedule.csv"));

        assertThat(result.changes()).extracting(c -> c.date() + " " + c.kind() + " " + c.rowsBefore() + "->"
                + c.rowsLoaded()).containsExactly("2021-10-19 NEW 0->2", "2021-10-20 REPLACED 6->8",
                "2021-10-21 NEW 0->5");
        // the row count came from tabledata.list of the partition, without reading rows
        assertThat(api.requests(LIST_TABLE_DATA)).filteredOn(r -> r.id().equals("raw.schedule$20211020"))
                .allSatisfy(r -> assertThat(r.query()).containsEntry("maxResults", "0"));
    }

    @Test
    void rejectedRowsWriteNothing() throws Exception {
        Path bad = dir.resolve("schedule.csv");
        Files.writeString(bad, """
                game_id,game_date,season,season_type,home_team,away_team
                20211019_ORL_CLE,2021-10-19,2021-22,regular,CLE,ORL
                20211019_ORL_CLE,2021-10-19,2021-22,regular,CLE,ORL
                """);

        LoadResult result = load(bad);

        assertThat(result.outcome()).isEqualTo(LoadResult.Outcome.REFUSED);
        assertThat(result.rejections()).isNotEmpty();
        assertThat(api.writes()).isEmpty();
    }

    @Test
    void boxScoresOfGamesScheduledEarlierAreCheckedAgainstTheWarehousesSchedulePartition() throws Exception {
        Path oneDate = dir.resolve("player_box_scores.csv");
        List<String> lines = Files.readAllLines(SAMPLE.resolve("player_box_scores.csv"));
        List<String> keep = new ArrayList<>(List.of(lines.get(0)));
        lines.stream().skip(1).filter(l -> l.startsWith("20211019_")).forEach(keep::add);
        Files.write(oneDate, keep);
        api.addTable("raw.schedule");
        api.tableRows("raw.schedule$20211019", rows(
                row("20211019_ORL_CLE", "2021-10-19", "2021-22", "regular", "CLE", "ORL"),
                row("20211019_POR_HOU", "2021-10-19", "2021-22", "regular", "HOU", "POR")));

        LoadResult result = load(oneDate);

        assertThat(result.rejections()).isEmpty();
        assertThat(result.outcome()).isEqualTo(LoadResult.Outcome.WRITTEN);
        assertThat(api.requests(LIST_TABLE_DATA)).extracting(Request::id).contains("raw.schedule$20211019");
        assertThat(api.requests(START_UPLOAD)).hasSize(1);

        // the same file against a warehouse whose schedule lacks one of the games: refused, nothing written
        api.tableRows("raw.schedule$20211019", rows(
                row("20211019_ORL_CLE", "2021-10-19", "2021-22", "regular", "CLE", "ORL")));
        api.clearRequests();
        LoadResult refused = load(oneDate);
        assertThat(refused.outcome()).isEqualTo(LoadResult.Outcome.REFUSED);
        assertThat(refused.rejections()).isNotEmpty()
                .allSatisfy(r -> assertThat(r.toString()).contains("20211019_POR_HOU"));
        assertThat(api.writes()).isEmpty();
    }

    @Test
    void aFailedUploadIsRetriedUnderTheSameJobId() throws Exception {
        api.script(UPLOAD, error(503, "backendError", "Error encountered during execution. Retrying may solve the problem."));

        LoadResult result = load(SAMPLE.resolve("schedule.csv"));

        assertThat(result.outcome()).isEqualTo(LoadResult.Outcome.WRITTEN);
        List<Request> starts = api.requests(START_UPLOAD);
        assertThat(starts).hasSize(4); // 3 dates, the first twice
        assertThat(starts.get(1).id()).isEqualTo(starts.get(0).id());
        assertThat(starts.get(2).id()).isNotEqualTo(starts.get(1).id());
    }

    @Test
    void aJobThatFailedTransientlyIsRunAgainUnderAFreshJobId() throws Exception {
        api.script(GET_JOB, failed("backendError", "Backend error. Job aborted."));

        load(SAMPLE.resolve("schedule.csv"));

        List<Request> starts = api.requests(START_UPLOAD);
        assertThat(starts).hasSize(4);
        assertThat(load(starts.get(1)).path("destinationTable").path("tableId").asText()).isEqualTo("schedule$20211019");
        assertThat(starts.get(1).id()).isNotEqualTo(starts.get(0).id());
    }

    @Test
    void aJobCreatedByAnAttemptWhoseAnswerWasLostIsAwaitedNotLoadedTwice() throws Exception {
        api.script(UPLOAD, doneButAnswered(409, "duplicate", "Already Exists: Job test-project:US.fullcourt_load"));

        LoadResult result = load(SAMPLE.resolve("schedule.csv"));

        assertThat(result.outcome()).isEqualTo(LoadResult.Outcome.WRITTEN);
        assertThat(api.requests(START_UPLOAD)).hasSize(3);
        String first = api.requests(START_UPLOAD).get(0).id();
        assertThat(api.requests(GET_JOB)).extracting(Request::id).contains(first);
    }

    @Test
    void aPermanentErrorIsNotRetriedAndSaysWhatWasWritten() throws Exception {
        // the second date's job fails: its rows do not fit the schema
        api.script(GET_JOB, FakeBigQueryApi.done(),
                failed("invalid", "Error while reading data, error message: JSON parsing error in row starting at"
                        + " position 0: No such field: extra."));

        assertThatThrownBy(() -> load(SAMPLE.resolve("schedule.csv")))
                .isInstanceOf(RawWriteFailure.class)
                .hasMessageContaining("load raw.schedule 2021-10-20 failed: invalid: Error while reading data")
                .hasMessageContaining("already replaced, each whole: [raw.schedule 2021-10-19]")
                .hasMessageContaining("the other dates were not written");
        assertThat(api.requests(START_UPLOAD)).hasSize(2);
    }

    @Test
    void transientErrorsGiveUpAfterThePolicysAttempts() throws Exception {
        for (int i = 0; i < 6; i++) {
            api.script(START_UPLOAD, error(503, "backendError", "Backend error"));
        }

        assertThatThrownBy(() -> load(SAMPLE.resolve("schedule.csv")))
                .isInstanceOf(RawWriteFailure.class)
                .hasMessageContaining("load raw.schedule 2021-10-19 failed after 5 attempts: backendError")
                .hasMessageContaining("nothing was written");
        assertThat(api.requests(START_UPLOAD)).hasSize(5);
        assertThat(api.uploaded()).isEmpty();
    }

    @Test
    void aLongTermQuotaIsNotRetried() throws Exception {
        api.script(START_UPLOAD, error(403, "quotaExceeded", "Quota exceeded: Your table exceeded quota for imports"));

        assertThatThrownBy(() -> load(SAMPLE.resolve("schedule.csv")))
                .isInstanceOf(RawWriteFailure.class).hasMessageContaining("quotaExceeded");
        assertThat(api.requests(START_UPLOAD)).hasSize(1);
    }
}
