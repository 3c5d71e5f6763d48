package fullcourt.local;

import static org.assertj.core.api.Assertions.assertThat;

import fullcourt.coordinator.Coordinator;
import fullcourt.coordinator.TaskStatus;
import fullcourt.coordinator.dispatch.TaskRecord;
import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.testing.PubSubEmulatorResource;
import fullcourt.engine.transport.PubSubConnector;
import fullcourt.engine.warehouse.Warehouse;
import fullcourt.local.validation.ValidationReport;
import fullcourt.messages.BackfillRequest;
import fullcourt.seasons.Season;
import fullcourt.seasons.SeasonRange;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.junit.jupiter.api.Test;

/**
 * The platform's whole pipeline (phases 3 to 6, every processor of the catalog) over generated
 * seasons (2022-23 unless -Dpipeline.seasons says otherwise), from one backfill request, through
 * the engine: Pub/Sub, coordinator, workers, SQL models and Java processors on DuckDB.
 */
@QuarkusTest
@TestProfile(PlatformPipelineProfile.class)
@QuarkusTestResource(PubSubEmulatorResource.class)
class SeasonBackfillTest {

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
    @Inject
    Catalog catalog;

    private long count(String sql) {
        return ((Number) warehouse.query(sql, Map.of()).get(0).get("n")).longValue();
    }

    /**
     * Every table's partition of {@code date} as sorted rows, floats to 10 significant digits: a
     * float SUM or AVG depends on the order the engine adds the rows in (parallel aggregation, and
     * the rows' order in storage after partitions were replaced), so a rerun is identical up to the
     * last bits of such sums, as on BigQuery. Everything else must be equal exactly.
     */
    private Map<String, List<String>> partitions(LocalDate date) {
        Map<String, List<String>> out = new HashMap<>();
        catalog.all().forEach(d -> out.put(d.name(), warehouse.query("SELECT * FROM " + d.table() + " WHERE "
                + d.partitionColumn() + " = @d", Map.of("d", date)).stream().map(SeasonBackfillTest::rounded)
                .sorted().toList()));
        return out;
    }

    private static String rounded(Map<String, Object> row) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        row.forEach((k, v) -> out.put(k, v instanceof Double x && Double.isFinite(x)
                ? new java.math.BigDecimal(x).round(new java.math.MathContext(10)).stripTrailingZeros().toPlainString()
                : v));
        return out.toString();
    }

    @Test
    void everyPhaseCoversItsDatesAndADateRerunsIdentically() {
        PipelineDriver driver = new PipelineDriver(coordinator, connector, warehouse);
        long started = System.nanoTime();
        driver.publishRequest(BackfillRequest.forRange(RUN, FIRST, LAST).withPhases(List.of(3)));
        driver.awaitFinished(RUN, Duration.ofMinutes(30L * SEASONS.size()));
        long seconds = (System.nanoTime() - started) / 1_000_000_000;

        List<TaskRecord> tasks = coordinator.read(s -> List.copyOf(s.run(RUN).orElseThrow().tasks()));
        assertThat(tasks).hasSize(catalog.all().size() * (int) tasks.stream().map(t -> t.key().date()).distinct().count());
        assertThat(tasks).allSatisfy(t -> assertThat(t.status()).isIn(TaskStatus.SUCCEEDED, TaskStatus.SKIPPED));
        assertThat(tasks.stream().filter(t -> t.status() == TaskStatus.SKIPPED))
                .allSatisfy(t -> assertThat(t.skipReason()).matches("no games on .*|bootstrap: .*"));

        long played = count("SELECT COUNT(*) AS n FROM analytics.player_game_summary WHERE minutes > 0");
        long withUsage = count("SELECT COUNT(*) AS n FROM analytics.player_game_summary"
                + " WHERE minutes > 0 AND usage_rate IS NOT NULL");
        assertThat((double) withUsage / played).as("usage_rate present for player-games with minutes")
                .isGreaterThanOrEqualTo(0.99);

        ValidationReport report = ValidationReport.build(warehouse, catalog, FIRST, LAST,
                java.util.Optional.of(PlatformPipelineProfile.EXPORTS));
        System.out.printf("%s: %d tasks in %d s%n%s%n", RUN, tasks.size(), seconds, report.render());
        assertThat(report.warehouse().coverage()).allSatisfy(c -> assertThat(c.missing()).as(c.processor()).isEmpty());
        assertThat(report.warehouse().fieldChecks()).hasSize(5)
                .allSatisfy(c -> assertThat(c.passed()).as(c.render()).isTrue());
        assertThat(report.warehouse().trainedBeatsBaseline()).as(report.render()).isTrue();
        assertThat(report.exports().orElseThrow().exports()).allSatisfy(e -> {
            assertThat(e.invalid()).as("%s invalid files", e.export()).isZero();
            assertThat(e.present()).as("%s files", e.export()).isGreaterThan(100);
        });

        // one date again, every phase (the request names phase 3; the cascade brings the rest)
        LocalDate date = SEASONS.get(SEASONS.size() - 1).regularStart().plusDays(84);
        Map<String, List<String>> before = partitions(date);
        assertThat(before.values()).allSatisfy(rows -> assertThat(rows).isNotEmpty());
        String rerun = "rerun-" + date;
        driver.publishRequest(BackfillRequest.forDates(rerun, List.of(date)).withPhases(List.of(3)));
        driver.awaitFinished(rerun, Duration.ofMinutes(2));
        int succeeded = coordinator.read(s -> s.run(rerun).orElseThrow().counts().get(TaskStatus.SUCCEEDED));
        assertThat(succeeded).isEqualTo(catalog.all().size());
        assertThat(partitions(date)).isEqualTo(before);
    }
}
