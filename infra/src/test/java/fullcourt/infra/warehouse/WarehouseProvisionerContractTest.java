package fullcourt.infra.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.cloud.NoCredentials;
import com.google.cloud.ServiceOptions;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryOptions;
import fullcourt.infra.production.ProductionTarget;
import fullcourt.infra.production.TestTargets;
import fullcourt.infra.testing.FakeBigQueryApi;
import fullcourt.infra.testing.FakeBigQueryApi.Request;
import fullcourt.messages.Topics;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Warehouse provisioning against a local stand-in for the BigQuery REST API: the requests it sends. */
class WarehouseProvisionerContractTest {

    private static final String PROJECT = "acme-nba";

    private final ProductionTarget target = TestTargets.target(PROJECT, Topics.DEFAULT);
    private FakeBigQueryApi api;
    private WarehouseProvisioner provisioner;

    @BeforeEach
    void start() {
        api = FakeBigQueryApi.start(PROJECT);
        api.always(FakeBigQueryApi.Route.INSERT_JOB, FakeBigQueryApi.doneAtOnce());
        BigQuery bigquery = BigQueryOptions.newBuilder().setProjectId(PROJECT).setHost(api.endpoint())
                .setCredentials(NoCredentials.getInstance()).setRetrySettings(ServiceOptions.getNoRetrySettings())
                .build().getService();
        provisioner = new WarehouseProvisioner(bigquery);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void anEmptyProjectGetsEveryDatasetInTheLocationTheirGrantsTheRawTablesTheLedgerAndTheFunctions() {
        provisioner.provision(target.warehouse());

        List<Request> creates = api.writes().stream().filter(r -> r.method().equals("POST") && r.path().equals("/datasets")).toList();
        assertThat(creates).extracting(r -> r.body().path("datasetReference").path("datasetId").asText())
                .containsExactly("analytics", "ops", "precompute", "predictions", "publishing", "raw");
        assertThat(creates).allMatch(r -> r.body().path("location").asText().equals("US"));

        JsonNode schedule = tableInsert("raw", "schedule");
        assertThat(schedule.path("timePartitioning").path("type").asText()).isEqualTo("DAY");
        assertThat(schedule.path("timePartitioning").path("field").asText()).isEqualTo("game_date");
        assertThat(schedule.path("schema").path("fields").get(0).path("name").asText()).isEqualTo("game_id");
        assertThat(schedule.path("schema").path("fields").get(0).path("type").asText()).isEqualTo("STRING");
        assertThat(schedule.path("schema").path("fields").get(0).path("mode").asText()).isEqualTo("REQUIRED");
        assertThat(tableInsert("raw", "player_box_scores").path("schema").path("fields")).anySatisfy(f -> {
            assertThat(f.path("name").asText()).isEqualTo("minutes");
            assertThat(f.path("type").asText()).isEqualTo("FLOAT");
            assertThat(f.path("mode").asText()).isEqualTo("NULLABLE");
        });
        // 5 raw tables, the ledger, the 3 lineage tables and every processor's output table
        assertThat(api.writes().stream().filter(r -> r.path().endsWith("/tables")))
                .hasSize(5 + 1 + 3 + TestTargets.catalog().tables().size());
        JsonNode summary = tableInsert("analytics", "player_game_summary");
        assertThat(summary.path("timePartitioning").path("type").asText()).isEqualTo("DAY");
        assertThat(summary.path("timePartitioning").path("field").asText()).isEqualTo("game_date");
        assertThat(summary.path("schema").path("fields")).anySatisfy(f -> {
            assertThat(f.path("name").asText()).isEqualTo("usage_rate");
            assertThat(f.path("type").asText()).isEqualTo("FLOAT");
        });
        JsonNode lineage = tableInsert("ops", "partition_lineage");
        assertThat(lineage.path("timePartitioning").path("field").asText()).isEqualTo("game_date");
        assertThat(lineage.path("clustering").path("fields").get(0).asText()).isEqualTo("processor");

        JsonNode ledger = tableInsert("ops", "task_events");
        assertThat(ledger.path("timePartitioning").path("field").asText()).isEqualTo("recorded_at");
        assertThat(ledger.path("clustering").path("fields").get(0).asText()).isEqualTo("run_id");

        JsonNode job = api.writes().stream().filter(r -> r.path().equals("/jobs")).findFirst().orElseThrow().body();
        assertThat(job.path("configuration").path("query").path("query").asText()).isEqualTo(TestTargets.FUNCTIONS_SQL);
        assertThat(job.path("configuration").path("query").path("useLegacySql").asBoolean(true)).isFalse();
        assertThat(job.path("jobReference").path("location").asText()).isEqualTo("US");
    }

    @Test
    void datasetAccessEntriesAreWriterWhereAServiceWritesAndReaderWhereItReads() {
        provisioner.provision(target.warehouse());

        JsonNode access = lastPatch("predictions").path("access");
        List<String> entries = StreamSupport.stream(access.spliterator(), false)
                .map(a -> a.path("role").asText() + " " + a.path("userByEmail").asText()).toList();
        assertThat(entries).containsExactlyInAnyOrder(
                "WRITER fullcourt-predictions@acme-nba.iam.gserviceaccount.com",
                "READER fullcourt-publishing@acme-nba.iam.gserviceaccount.com",
                "READER fullcourt-coordinator@acme-nba.iam.gserviceaccount.com"); // validation reads every output
        assertThat(StreamSupport.stream(lastPatch("raw").path("access").spliterator(), false)
                .map(a -> a.path("role").asText()).distinct()).containsExactly("READER");
    }

    @Test
    void aSecondRunCreatesAndGrantsNothingAndOnlyReplacesTheFunctions() {
        provisioner.provision(target.warehouse());
        api.clearRequests();

        List<String> lines = provisioner.provision(target.warehouse());

        assertThat(api.writes()).extracting(Request::toString).containsExactly("POST /jobs");
        assertThat(lines).noneMatch(l -> l.startsWith("created ") || l.startsWith("granted "));
    }

    @Test
    void outputTablesAreCreatedUpFrontAnExistingOneIsLeftAndAnUnpartitionedOneIsReported() {
        api.tables().put("analytics.player_game_summary",
                api.table("analytics", "player_game_summary", "game_date"));
        api.tables().put("precompute.player_daily_cache", api.table("precompute", "player_daily_cache", null));

        assertThatThrownBy(() -> provisioner.provision(target.warehouse()))
                .hasMessageContaining("precompute.player_daily_cache exists but is not partitioned by DAY(game_date)");
        List<String> analyticsCreated = api.writes().stream()
                .filter(r -> r.path().equals("/datasets/analytics/tables"))
                .map(r -> r.body().path("tableReference").path("tableId").asText()).toList();
        assertThat(analyticsCreated).contains("team_offense_game_summary").doesNotContain("player_game_summary");
    }

    @Test
    void aDatasetInAnotherLocationIsAnErrorNotAMove() {
        api.datasets().put("raw", api.dataset("raw", "EU"));

        assertThatThrownBy(() -> provisioner.provision(target.warehouse()))
                .hasMessageContaining("dataset raw exists in EU, not in US");
    }

    @Test
    void thePlanListsEveryStepWithoutCallingBigQuery() {
        List<String> plan = WarehouseProvisioner.plan(target.warehouse());

        assertThat(plan).contains("ensure dataset raw in US", "ensure table raw.schedule partitioned by DAY(game_date)",
                "ensure table ops.task_events partitioned by DAY(recorded_at) clustered by [run_id]",
                "grant roles/bigquery.dataEditor on datasets/ops to"
                        + " serviceAccount:fullcourt-coordinator@acme-nba.iam.gserviceaccount.com");
        assertThat(plan).contains("ensure table precompute.ml_feature_store_v2 partitioned by DAY(game_date)");
        assertThat(api.requests()).isEmpty();
    }

    private JsonNode tableInsert(String dataset, String table) {
        return api.writes().stream()
                .filter(r -> r.path().equals("/datasets/" + dataset + "/tables")
                        && r.body().path("tableReference").path("tableId").asText().equals(table))
                .findFirst().orElseThrow(() -> new AssertionError("no insert of " + dataset + "." + table)).body();
    }

    private JsonNode lastPatch(String dataset) {
        List<Request> patches = api.writes().stream()
                .filter(r -> !r.method().equals("POST") && r.path().equals("/datasets/" + dataset)).toList();
        assertThat(patches).as("updates of dataset " + dataset).isNotEmpty();
        return patches.get(patches.size() - 1).body();
    }
}
