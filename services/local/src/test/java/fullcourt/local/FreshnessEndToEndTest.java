package fullcourt.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fullcourt.coordinator.TaskKey;
import fullcourt.coordinator.TaskStatus;
import fullcourt.coordinator.dispatch.RunState;
import fullcourt.coordinator.freshness.RawUpdateIntake;
import fullcourt.coordinator.freshness.StaleRunRequests;
import fullcourt.coordinator.lineage.LineageService;
import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.testing.PubSubEmulatorResource;
import fullcourt.messages.BackfillRequest;
import fullcourt.messages.MessageCodec;
import fullcourt.messages.RawUpdate;
import fullcourt.messages.Topics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Raw updates end to end, on the emulator and DuckDB: a season of 20 game dates (Jan 1..20, 2024),
 * raw.feed and raw.odds, and the freshness pipeline: feed_daily (raw.feed of D), feed_recent
 * (raw.feed of D-1 and D-2), odds_daily (raw.odds of D), feed_trend (feed_daily of D, D-1, D-2).
 */
@QuarkusTest
@TestProfile(FreshnessProfile.class)
@QuarkusTestResource(PubSubEmulatorResource.class)
class FreshnessEndToEndTest extends PipelineTest {

    private static final LocalDate JAN_1 = LocalDate.of(2024, 1, 1);
    private static final LocalDate JAN_20 = LocalDate.of(2024, 1, 20);

    @Inject
    LineageService lineage;
    @Inject
    RawUpdateIntake intake;
    @Inject
    Catalog catalog;

    private static LocalDate jan(int day) {
        return LocalDate.of(2024, 1, day);
    }

    private static Set<TaskKey> keys(String processor, int... days) {
        Set<TaskKey> out = new HashSet<>();
        for (int d : days) {
            out.add(new TaskKey(processor, jan(d)));
        }
        return out;
    }

    @Test
    void twentyRawUpdatesForOverlappingDatesWithinTheQuietPeriodMakeExactlyOneStaleRun() throws Exception {
        createRawTables();
        driver.publishRequest(BackfillRequest.forRange("fresh-initial", JAN_1, JAN_20).withPhases(List.of(3)));
        driver.awaitFinished("fresh-initial", Duration.ofSeconds(180));
        assertThat(driver.statuses("fresh-initial")).hasSize(4 * 20);
        assertThat(lineage.staleness().all()).isEmpty();

        // corrections land: raw.feed of Jan 5, 6 and 12 (announced below), raw.odds of Jan 9 (never announced)
        warehouse.update("UPDATE raw.feed SET v = v + 100 WHERE game_date IN (@a, @b, @c)",
                Map.of("a", jan(5), "b", jan(6), "c", jan(12)));
        warehouse.update("UPDATE raw.odds SET line = line + 1 WHERE game_date = @d", Map.of("d", jan(9)));

        // by hand: feed_daily reads raw.feed of D: 5, 6, 12; feed_recent reads it on D-1 and D-2: 5 -> 6, 7;
        // 6 -> 7, 8; 12 -> 13, 14; feed_trend reads feed_daily of D, D-1, D-2: 5 -> 5..7; 6 -> 6..8; 12 -> 12..14
        Set<TaskKey> feedStale = new HashSet<>();
        feedStale.addAll(keys("feed_daily", 5, 6, 12));
        feedStale.addAll(keys("feed_recent", 6, 7, 8, 13, 14));
        feedStale.addAll(keys("feed_trend", 5, 6, 7, 8, 12, 13, 14));
        Set<TaskKey> oddsStale = keys("odds_daily", 9);
        Map<TaskKey, ?> staleBefore = lineage.staleness().all();
        Set<TaskKey> allStale = new HashSet<>(feedStale);
        allStale.addAll(oddsStale);
        assertThat(staleBefore.keySet()).isEqualTo(allStale);

        // twenty announcements within a second, of overlapping dates: {5, 6}, {6}, {12, 5}, {12}, ...
        List<List<LocalDate>> announced = List.of(List.of(jan(5), jan(6)), List.of(jan(6)), List.of(jan(12), jan(5)),
                List.of(jan(12)));
        List<CompletableFuture<String>> sent = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            RawUpdate update = RawUpdate.of("raw.feed", announced.get(i % 4)).withSource("test-loader");
            sent.add(connector.publishRaw(Topics.DEFAULT.rawUpdates(), MessageCodec.encode(update), update.attributes())
                    .toCompletableFuture());
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

        await("the stale run of the burst").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> !rawUpdateRuns().isEmpty());
        String runId = rawUpdateRuns().get(0);
        driver.awaitFinished(runId, Duration.ofSeconds(120));
        await("every raw update acked").atMost(Duration.ofSeconds(30)).until(() -> intake.unsettled() == 0);

        assertThat(rawUpdateRuns()).containsExactly(runId);
        BackfillRequest request = coordinator.read(s -> s.run(runId).orElseThrow().request());
        assertThat(request.mode()).isEqualTo(BackfillRequest.Mode.STALE);
        assertThat(request.cascade()).isTrue();
        assertThat(request.processors()).containsExactly("feed_daily", "feed_recent");
        assertThat(request.from()).isEqualTo(jan(5));
        assertThat(request.to()).isEqualTo(JAN_20); // the calendar's last date
        assertThat(request.labels()).containsEntry("messages", "20").containsEntry("tables", "raw.feed")
                .containsEntry("sources", "test-loader");

        // the run planned exactly the stale partitions of the union, as worked out by hand ...
        Set<TaskKey> planned = driver.statuses(runId).keySet();
        assertThat(planned).isEqualTo(feedStale);
        // ... and as lineage judged them before the run, restricted as the request is
        Set<String> scope = catalog.withDownstreams(request.processors());
        assertThat(planned).isEqualTo(staleBefore.keySet().stream()
                .filter(k -> scope.contains(k.processor()) && !k.date().isBefore(request.from())
                        && !k.date().isAfter(request.to()))
                .collect(Collectors.toSet()));
        assertThat(driver.statuses(runId).values()).containsOnly(TaskStatus.SUCCEEDED);
        // what was announced is fresh again; the correction nobody announced is still stale
        assertThat(lineage.staleness().all().keySet()).isEqualTo(oddsStale);
    }

    private List<String> rawUpdateRuns() {
        return coordinator.read(s -> s.runs().stream().map(RunState::runId)
                .filter(id -> id.startsWith(StaleRunRequests.ID_PREFIX)).toList());
    }

    /** The season's schedule (every day a game date), two feed readings per date (v = day, 2 x day), one odds line. */
    private void createRawTables() {
        String days = "range(DATE '2024-01-01', DATE '2024-01-21', INTERVAL 1 DAY) AS t(d)";
        warehouse.update("CREATE TABLE raw.schedule AS SELECT '2023-24' AS season, CAST(d AS DATE) AS game_date FROM "
                + days, Map.of());
        warehouse.update("CREATE TABLE raw.feed AS SELECT CAST(d AS DATE) AS game_date,"
                + " CAST(k * EXTRACT(day FROM d) AS BIGINT) AS v FROM " + days + ", range(1, 3) AS r(k)", Map.of());
        warehouse.update("CREATE TABLE raw.odds AS SELECT CAST(d AS DATE) AS game_date,"
                + " 200.5 + EXTRACT(day FROM d) AS line FROM " + days, Map.of());
    }
}
