package fullcourt.local;

import static org.assertj.core.api.Assertions.assertThat;

import fullcourt.coordinator.Coordinator;
import fullcourt.coordinator.TaskStatus;
import fullcourt.coordinator.dispatch.TaskRecord;
import fullcourt.engine.testing.PubSubEmulatorResource;
import fullcourt.engine.transport.PubSubConnector;
import fullcourt.engine.warehouse.Warehouse;
import fullcourt.messages.BackfillRequest;
import fullcourt.seasons.Season;
import fullcourt.seasons.SeasonRange;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.junit.jupiter.api.Test;

/**
 * Phase 3 of the platform over generated seasons (2022-23 unless -Dphase3.seasons says
 * otherwise), through the engine: Pub/Sub, coordinator, workers, the five SQL models on DuckDB.
 */
@QuarkusTest
@TestProfile(PlatformPipelineProfile.class)
@QuarkusTestResource(PubSubEmulatorResource.class)
class Phase3BackfillTest {

    private static final List<String> TABLES = List.of("team_offense_game_summary", "team_defense_game_summary",
            "player_game_summary", "upcoming_team_game_context", "upcoming_player_game_context");
    private static final List<Season> SEASONS = SeasonRange.parse(PlatformPipelineProfile.SEASONS);
    private static final LocalDate FIRST = SEASONS.get(0).regularStart();
    private static final LocalDate LAST = SEASONS.get(SEASONS.size() - 1).playoffsEnd();
    private static final String RUN = "seasons-" + PlatformPipelineProfile.SEASONS;

    @Inject
    Coordinator coordinator;
    @Inject
    @Connector(PubSubConnector.NAME)
    PubSubConnector connector;
    @Inject
    Warehouse warehouse;

    private long count(String sql) {
        return ((Number) warehouse.query(sql, Map.of()).get(0).get("n")).longValue();
    }

    private List<String> partition(String table, LocalDate date) {
        return warehouse.query("SELECT * FROM analytics." + table + " WHERE game_date = @d", Map.of("d", date))
                .stream().map(Object::toString).sorted().toList();
    }

    @Test
    void phase3CoversEveryGameDateAndRerunsIdentically() {
        PipelineDriver driver = new PipelineDriver(coordinator, connector, warehouse);
        driver.publishRequest(BackfillRequest.forRange(RUN, FIRST, LAST).withPhases(List.of(3)).withCascade(false));
        driver.awaitFinished(RUN, Duration.ofMinutes(10L * SEASONS.size()));

        List<TaskRecord> tasks = coordinator.read(s -> List.copyOf(s.run(RUN).orElseThrow().tasks()));
        assertThat(tasks).allSatisfy(t -> assertThat(t.status()).isIn(TaskStatus.SUCCEEDED, TaskStatus.SKIPPED));
        long gameDates = count("SELECT COUNT(DISTINCT game_date) AS n FROM raw.schedule");
        assertThat(tasks.stream().filter(t -> t.status() == TaskStatus.SKIPPED))
                .allSatisfy(t -> assertThat(t.skipReason()).startsWith("no games on"))
                .hasSize((int) (tasks.size() - 5 * gameDates));

        for (String table : TABLES) {
            assertThat(count("SELECT COUNT(DISTINCT game_date) AS n FROM analytics." + table))
                    .as("%s covers every game date", table).isEqualTo(gameDates);
        }
        long played = count("SELECT COUNT(*) AS n FROM analytics.player_game_summary WHERE minutes > 0");
        long withUsage = count("SELECT COUNT(*) AS n FROM analytics.player_game_summary"
                + " WHERE minutes > 0 AND usage_rate IS NOT NULL");
        assertThat((double) withUsage / played).as("usage_rate present for player-games with minutes")
                .isGreaterThanOrEqualTo(0.99);

        LocalDate date = SEASONS.get(0).regularStart().plusDays(84); // a January date of the first season
        Map<String, List<String>> before = new java.util.HashMap<>();
        TABLES.forEach(t -> before.put(t, partition(t, date)));
        assertThat(before.values()).allSatisfy(rows -> assertThat(rows).isNotEmpty());
        driver.publishRequest(BackfillRequest.forDates("rerun-" + date, List.of(date)).withPhases(List.of(3))
                .withCascade(false));
        driver.awaitFinished("rerun-" + date, Duration.ofMinutes(2));
        int rerun = coordinator.read(s -> s.run("rerun-" + date).orElseThrow().counts().get(TaskStatus.SUCCEEDED));
        assertThat(rerun).isEqualTo(5);
        TABLES.forEach(t -> assertThat(partition(t, date)).as("%s rerun", t).isEqualTo(before.get(t)));
    }
}
