package fullcourt.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fullcourt.coordinator.Coordinator;
import fullcourt.coordinator.TaskStatus;
import fullcourt.coordinator.dispatch.TaskRecord;
import fullcourt.coordinator.TaskKey;
import fullcourt.coordinator.dispatch.RunState;
import fullcourt.coordinator.lineage.LineageService;
import fullcourt.coordinator.lineage.StaleReason;
import fullcourt.coordinator.lineage.Staleness;
import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.DateDomain;
import fullcourt.engine.catalog.ProcessorDeclaration;
import fullcourt.engine.catalog.SeasonCalendar;
import fullcourt.engine.lineage.LineageRecorder;
import fullcourt.engine.transport.PubSubRuntime;
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
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The platform's whole pipeline (phases 3 to 6, every processor of the catalog) over generated
 * seasons (2022-23 unless -Dpipeline.seasons says otherwise), from one backfill request, through
 * the engine: Pub/Sub, coordinator, workers, SQL models and Java processors on DuckDB.
 */
@QuarkusTest
@TestProfile(PlatformPipelineProfile.class)
@QuarkusTestResource(PubSubEmulatorResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
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
    io.micrometer.core.instrument.MeterRegistry meters;
    @Inject
    Catalog catalog;
    @Inject
    LineageService lineage;
    @Inject
    PubSubRuntime runtime;

    private PipelineDriver driver;

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
        return tables(" = @d", date);
    }

    /** Every table's rows whose partition column satisfies {@code condition} on {@code @d}, as {@link #partitions}. */
    private Map<String, List<String>> tables(String condition, LocalDate date) {
        Map<String, List<String>> out = new HashMap<>();
        catalog.all().forEach(d -> out.put(d.name(), warehouse.query("SELECT * FROM " + d.table() + " WHERE "
                + d.partitionColumn() + condition, Map.of("d", date)).stream().map(SeasonBackfillTest::rounded)
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
    @Order(1)
    void everyPhaseCoversItsDatesAndADateRerunsIdentically() {
        driver = new PipelineDriver(coordinator, connector, warehouse, meters);
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

        // one date again, every phase named, no cascade to later dates: identical partitions
        LocalDate date = SEASONS.get(SEASONS.size() - 1).regularStart().plusDays(84);
        Map<String, List<String>> before = partitions(date);
        assertThat(before.values()).allSatisfy(rows -> assertThat(rows).isNotEmpty());
        String rerun = "rerun-" + date;
        driver.publishRequest(BackfillRequest.forDates(rerun, List.of(date)).withPhases(List.of(3, 4, 5, 6))
                .withCascade(false));
        driver.awaitFinished(rerun, Duration.ofMinutes(2));
        int succeeded = coordinator.read(s -> s.run(rerun).orElseThrow().counts().get(TaskStatus.SUCCEEDED));
        assertThat(succeeded).isEqualTo(catalog.all().size());
        assertThat(partitions(date)).isEqualTo(before);

        // its outputs differ at most in the last bits of float sums: the later dates that read it stay fresh,
        // and with nothing changed a stale request plans nothing
        long judging = System.nanoTime();
        Staleness staleness = lineage.staleness();
        System.out.printf("staleness of %d partitions judged in %d ms%n", staleness.judged(),
                (System.nanoTime() - judging) / 1_000_000);
        assertThat(staleness.all()).isEmpty();
        assertThat(staleness.judged()).isGreaterThan(catalog.all().size() * 100);
        try (RunEventsProbe probe = new RunEventsProbe(runtime)) {
            driver.publishRequest(BackfillRequest.forRange("stale-none", FIRST, LAST).withPhases(List.of(3))
                    .withMode(BackfillRequest.Mode.STALE).withDryRun(true));
            await().atMost(Duration.ofSeconds(60)).until(() -> !probe.forRun("stale-none").isEmpty());
            assertThat(probe.forRun("stale-none").get(0).plan()).contains("nothing stale: 0 tasks");
        }
    }

    /** Game dates of the last season, the n-th from its end. */
    private LocalDate gameDateFromEnd(int n) {
        List<SeasonCalendar.Season> seasons = List.copyOf(SeasonCalendar.load(warehouse).seasons());
        List<LocalDate> dates = List.copyOf(seasons.get(seasons.size() - 1).gameDates());
        return dates.get(dates.size() - 1 - n);
    }

    /**
     * What a correction of {@code table} on {@code changed} makes stale, worked out here from the catalog alone:
     * every productive partition reading a changed raw date, then, in date and dependency order, every one whose
     * windows (listed date by date) read a stale one.
     */
    private Set<TaskKey> expectedStale(String table, Set<LocalDate> changed) {
        SeasonCalendar calendar = SeasonCalendar.load(warehouse);
        Set<TaskKey> stale = new LinkedHashSet<>();
        for (SeasonCalendar.Season season : calendar.seasons()) {
            for (LocalDate d : season.gameDates()) {
                for (ProcessorDeclaration p : catalog.dependencyOrder()) {
                    if (p.dateDomain().isBootstrap(d, calendar)) {
                        continue;
                    }
                    boolean readsChangedRaw = p.rawInputs().stream().anyMatch(r -> r.table().equals(table)
                            && DateDomain.SEASON_DAYS.window(d, r.window(), calendar).stream().anyMatch(changed::contains));
                    boolean readsStale = p.upstreams().stream().anyMatch(u -> catalog.get(u.processor()).dateDomain()
                            .window(d, u.window(), calendar).stream()
                            .anyMatch(x -> stale.contains(new TaskKey(u.processor(), x))));
                    if (readsChangedRaw || readsStale) {
                        stale.add(new TaskKey(p.name(), d));
                    }
                }
            }
        }
        return stale;
    }

    private RunState runStale(String runId) {
        driver.publishRequest(BackfillRequest.forRange(runId, FIRST, LAST).withPhases(List.of(3))
                .withMode(BackfillRequest.Mode.STALE));
        driver.awaitFinished(runId, Duration.ofMinutes(10));
        RunState run = coordinator.read(s -> s.run(runId).orElseThrow());
        assertThat(run.tasks()).allSatisfy(t -> {
            assertThat(t.status()).as(t.key().toString()).isIn(TaskStatus.SUCCEEDED, TaskStatus.SKIPPED);
            if (t.status() == TaskStatus.SKIPPED) {
                assertThat(t.skipReason()).isEqualTo(LineageRecorder.INPUTS_UNCHANGED);
            }
        });
        return run;
    }

    private static Set<TaskKey> tasksOf(RunState run) {
        return run.tasks().stream().map(TaskRecord::key).collect(Collectors.toSet());
    }

    /** Every table's rows on and after {@code from}, per table, as in {@link #partitions}. */
    private Map<String, List<String>> tablesFrom(LocalDate from) {
        return tables(" >= @d", from);
    }

    @Test
    @Order(2)
    void lineageFindsExactlyWhatACorrectionOrANewModelMakesStaleAndStaleRunsBringItUpToDate() {
        boolean backfilled = coordinator.read(s -> s.run(RUN).isPresent());
        assertThat(backfilled).as("the season was backfilled first").isTrue();
        driver = new PipelineDriver(coordinator, connector, warehouse, meters);

        // 1. three corrected box-score dates (two points more for one player who played)
        Set<LocalDate> changed = new TreeSet<>(List.of(gameDateFromEnd(22), gameDateFromEnd(21), gameDateFromEnd(15)));
        for (LocalDate d : changed) {
            assertThat(warehouse.update("UPDATE raw.player_box_scores SET points = points + 2 WHERE game_date = @d"
                    + " AND player_id = (SELECT MIN(player_id) FROM raw.player_box_scores WHERE game_date = @d"
                    + " AND minutes > 0)", Map.of("d", d))).isEqualTo(1);
        }
        LocalDate first = changed.iterator().next();
        Set<TaskKey> expected = expectedStale("raw.player_box_scores", changed);
        Staleness corrected = lineage.staleness();
        assertThat(corrected.all().keySet()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(corrected.reason(new TaskKey("player_game_summary", first)).orElseThrow().text())
                .isEqualTo("raw.player_box_scores " + first + " changed");
        RunState correction = runStale("stale-corrected");
        assertThat(tasksOf(correction)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(lineage.staleness().all()).isEmpty();
        System.out.printf("corrected raw: %d stale, %d recomputed, %d cut off as inputs unchanged%n", expected.size(),
                correction.counts().get(TaskStatus.SUCCEEDED), correction.counts().get(TaskStatus.SKIPPED));

        // 2. a model of another version: all its partitions and what reads them, across windows
        warehouse.update("UPDATE ops.partition_lineage SET version = 'sql-000000000000'"
                + " WHERE processor = 'system_daily_performance'", Map.of());
        Staleness versioned = lineage.staleness();
        long ownPartitions = versioned.all().keySet().stream()
                .filter(k -> k.processor().equals("system_daily_performance")).count();
        assertThat(ownPartitions).isGreaterThan(100);
        assertThat(versioned.all().keySet()).extracting(TaskKey::processor).containsOnly("system_daily_performance",
                "best_bets_export", "system_performance_export");
        assertThat(versioned.all().values()).filteredOn(r -> r.kind() == StaleReason.Kind.VERSION)
                .hasSize((int) ownPartitions)
                .allSatisfy(r -> assertThat(r.text()).startsWith("model version sql-000000000000 -> "));
        RunState rerun = runStale("stale-version");
        assertThat(tasksOf(rerun)).containsExactlyInAnyOrderElementsOf(versioned.all().keySet());
        // the same SQL really ran again: its outputs are unchanged, so every exporter was cut off
        assertThat(rerun.tasks()).filteredOn(t -> !t.key().processor().equals("system_daily_performance"))
                .allSatisfy(t -> assertThat(t.status()).isEqualTo(TaskStatus.SKIPPED));
        assertThat(lineage.staleness().all()).isEmpty();

        // 3. a process killed between a write and its lineage outcome: stale, never silently fresh
        TaskKey interrupted = new TaskKey("team_defense_game_summary", gameDateFromEnd(10));
        assertThat(warehouse.update("DELETE FROM ops.partition_lineage WHERE stage <> 'begun' AND write_id ="
                + " (SELECT write_id FROM ops.partition_lineage WHERE processor = @p AND game_date = @d"
                + " AND stage = 'begun' ORDER BY recorded_at DESC LIMIT 1)",
                Map.of("p", interrupted.processor(), "d", interrupted.date()))).isEqualTo(1);
        assertThat(lineage.staleness().reason(interrupted).orElseThrow().kind()).isEqualTo(StaleReason.Kind.INTERRUPTED);
        runStale("stale-interrupted");
        assertThat(lineage.staleness().all()).isEmpty();

        // 4. what the stale runs left equals a from-scratch backfill on the corrected data: every table, every
        // date a correction could reach (windows only look back)
        Map<String, List<String>> afterStaleRuns = tablesFrom(first);
        String scratch = "from-scratch";
        driver.publishRequest(BackfillRequest.forRange(scratch, first, LAST).withPhases(List.of(3, 4, 5, 6))
                .withCascade(false));
        driver.awaitFinished(scratch, Duration.ofMinutes(10));
        int dead = coordinator.read(s -> s.run(scratch).orElseThrow().counts().get(TaskStatus.DEAD));
        assertThat(dead).isZero();
        assertThat(tablesFrom(first)).isEqualTo(afterStaleRuns);
    }
}
