package fullcourt.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fullcourt.coordinator.TaskKey;
import fullcourt.coordinator.TaskStatus;
import fullcourt.coordinator.dispatch.RunState;
import fullcourt.coordinator.freshness.StaleRunRequests;
import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.testing.PubSubEmulatorResource;
import fullcourt.engine.transport.PubSubRuntime;
import fullcourt.engine.warehouse.DuckDbWarehouse;
import fullcourt.loader.LoadResult;
import fullcourt.loader.RawLoad;
import fullcourt.loader.announce.PubSubRawUpdates;
import fullcourt.loader.contract.RawContract;
import fullcourt.loader.stage.FileFormat;
import fullcourt.loader.stage.RawFile;
import fullcourt.loader.write.DuckDbRawPartitions;
import fullcourt.messages.BackfillRequest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Real data in, as a user brings it: the committed sample (samples/raw: three game dates of October 2021, schedule,
 * player and team box scores) loaded by the loader into the all-in-one's fresh DuckDB warehouse and announced on
 * raw-updates; the coordinator turns the announcement into one run over phases 3 to 6 of those dates, on the Pub/Sub
 * emulator, with the platform's own processors. The outputs hold what the inputs say they should. About 40 s, most
 * of it the application's start.
 */
@QuarkusTest
@TestProfile(SampleLoadProfile.class)
@QuarkusTestResource(PubSubEmulatorResource.class)
class SampleLoadEndToEndTest extends PipelineTest {

    private static final Path SAMPLE = Path.of("../../samples/raw");
    private static final List<LocalDate> DATES = List.of(LocalDate.of(2021, 10, 19), LocalDate.of(2021, 10, 20),
            LocalDate.of(2021, 10, 21));

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    PubSubRuntime pubsub;
    @Inject
    Catalog catalog;

    @Test
    void theSampleLoadedAndAnnouncedRunsPhases3To6AndEveryBoxScoreHasItsSummary() throws Exception {
        assertThat(warehouse).isInstanceOf(DuckDbWarehouse.class);
        RawContract contract = RawContract.load();
        List<RawFile> files = List.of("schedule", "player_box_scores", "team_box_scores").stream()
                .map(t -> new RawFile(SAMPLE.resolve(t + ".csv"), contract.table(t).orElseThrow(), FileFormat.CSV))
                .toList();
        LoadResult loaded;
        try (Connection c = ((DuckDbWarehouse) warehouse).connection()) {
            loaded = new RawLoad(contract, c, new DuckDbRawPartitions(c, contract.tables()),
                    new PubSubRawUpdates(pubsub.connection(), pubsub.topics().rawUpdates())).run(files, false, false);
        }

        assertThat(loaded.rejections()).isEmpty();
        assertThat(loaded.outcome()).isEqualTo(LoadResult.Outcome.WRITTEN);
        assertThat(loaded.announcementFailed()).as(loaded.announcement()).isFalse();
        assertThat(loaded.announced()).isEqualTo(Map.of("raw.schedule", DATES, "raw.player_box_scores", DATES,
                "raw.team_box_scores", DATES));

        // the announcement reached the coordinator: one stale run of what reads those tables, and what follows
        await("the run of the announced dates").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> !rawUpdateRuns().isEmpty());
        String runId = rawUpdateRuns().get(0);
        BackfillRequest request = coordinator.read(s -> s.run(runId).orElseThrow().request());
        assertThat(request.from()).isEqualTo(DATES.get(0));
        assertThat(request.to()).isEqualTo(DATES.get(2));
        assertThat(request.cascade()).isTrue();
        assertThat(request.labels()).containsEntry("sources", RawLoad.SOURCE)
                .containsEntry("tables", "raw.player_box_scores,raw.schedule,raw.team_box_scores");
        driver.awaitFinished(runId, Duration.ofSeconds(150));

        Map<TaskKey, TaskStatus> statuses = driver.statuses(runId);
        assertThat(statuses.values()).doesNotContain(TaskStatus.DEAD, TaskStatus.BLOCKED);
        Set<Integer> phases = statuses.keySet().stream().map(k -> catalog.get(k.processor()).phase())
                .collect(Collectors.toSet());
        // phases 4 and 5 have none of these dates: the season's first 14 days are outside their date domain
        // (bootstrap: not enough history); phase 6 exports what phase 3 computed
        assertThat(phases).as(statuses.toString()).containsExactlyInAnyOrder(3, 6);
        assertThat(statuses.entrySet()).filteredOn(e -> catalog.get(e.getKey().processor()).phase() == 6)
                .isNotEmpty().as(statuses.toString()).allSatisfy(e -> assertThat(e.getValue()).isEqualTo(TaskStatus.SUCCEEDED));
        assertThat(statuses.entrySet()).filteredOn(e -> catalog.get(e.getKey().processor()).phase() == 3)
                .hasSize(catalog.all().stream().filter(d -> d.phase() == 3).toList().size() * DATES.size())
                .allSatisfy(e -> assertThat(e.getValue()).as(e.getKey().taskId()).isEqualTo(TaskStatus.SUCCEEDED));

        for (LocalDate date : DATES) {
            Map<String, Object> p = Map.of("d", date);
            // one summary per box-score row, DNPs included; minutes exactly where the box score has them
            assertThat(count("analytics.player_game_summary", date))
                    .isEqualTo(count("raw.player_box_scores", date)).isPositive();
            assertThat(scalar("SELECT count(*) FROM analytics.player_game_summary WHERE game_date = @d"
                    + " AND minutes IS NOT NULL", p))
                    .isEqualTo(scalar("SELECT count(*) FROM raw.player_box_scores WHERE game_date = @d"
                            + " AND minutes IS NOT NULL", p));
            // usage is a rate of a player's minutes: none above 100% (issue 13), none without a minute
            assertThat(scalar("SELECT count(*) FROM analytics.player_game_summary WHERE game_date = @d"
                    + " AND (usage_rate > 100 OR (usage_rate IS NOT NULL AND (minutes IS NULL OR minutes < 1)))", p))
                    .isZero();
            // one team line per team and game: two per scheduled game
            assertThat(count("analytics.team_offense_game_summary", date))
                    .isEqualTo(count("raw.team_box_scores", date))
                    .isEqualTo(2 * count("raw.schedule", date));
            assertThat(count("analytics.team_defense_game_summary", date))
                    .isEqualTo(count("raw.team_box_scores", date));
            // and points add up: each team's points in the summaries are its players' points
            assertThat(scalar("SELECT count(*) FROM analytics.team_offense_game_summary t WHERE t.game_date = @d"
                    + " AND t.points <> (SELECT sum(p.points) FROM analytics.player_game_summary p"
                    + " WHERE p.game_id = t.game_id AND p.team = t.team)", p)).isZero();
            // the results export: every scheduled game, every player line
            JsonNode results = JSON.readTree(SampleLoadProfile.EXPORTS.resolve("v1/results/" + date + ".json").toFile());
            assertThat(results.path("games")).hasSize((int) count("raw.schedule", date));
            long lines = 0;
            for (JsonNode game : results.path("games")) {
                lines += game.path("away").path("players").size() + game.path("home").path("players").size();
            }
            assertThat(lines).isEqualTo(count("raw.player_box_scores", date));
        }
    }

    private long count(String table, LocalDate date) {
        return scalar("SELECT count(*) FROM " + table + " WHERE game_date = @d", Map.of("d", date));
    }

    private long scalar(String sql, Map<String, Object> params) {
        Object v = warehouse.query(sql, params).get(0).values().iterator().next();
        return ((Number) v).longValue();
    }

    private List<String> rawUpdateRuns() {
        return coordinator.read(s -> s.runs().stream().map(RunState::runId)
                .filter(id -> id.startsWith(StaleRunRequests.ID_PREFIX)).toList());
    }
}
