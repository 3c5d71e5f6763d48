package fullcourt.bench.pipeline;

import fullcourt.bench.Results;
import fullcourt.coordinator.Coordinator;
import fullcourt.coordinator.TaskStatus;
import fullcourt.coordinator.dispatch.RunState;
import fullcourt.coordinator.dispatch.TaskRecord;
import fullcourt.coordinator.ledger.TaskLedger;
import fullcourt.coordinator.plan.Plan;
import fullcourt.coordinator.plan.Planner;
import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.SeasonCalendar;
import fullcourt.engine.testing.PubSubEmulatorResource;
import fullcourt.engine.transport.PubSubConnector;
import fullcourt.engine.warehouse.Warehouse;
import fullcourt.messages.BackfillRequest;
import fullcourt.seasons.Season;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.junit.jupiter.api.Test;

/**
 * Section 7: scale. The platform catalog's 19 processors and dependency shape with no-op processors
 * ({@link ScaleCatalog}) over 1x, 2.5x, 5x and 10x the four generated seasons ({@link SyntheticSchedule}: 4 to 40
 * seasons, about 18,000 to 182,000 tasks). Each size is one run on a coordinator restarted on an empty ledger, as a
 * process of its own would be: planning time, the coordinator's heap once planned and once finished, the dispatch
 * rate, the ledger rows and the restart (read and fold) on that ledger; per-task figures side by side, and the
 * benchmark fails when one at the largest size is more than {@value #MAX_GROWTH}x that at the smallest.
 */
@QuarkusTest
@TestProfile(BenchProfiles.Scale.class)
@QuarkusTestResource(PubSubEmulatorResource.class)
class ScaleBenchmark {

    /** 1x: the four generated seasons of the README's run (18,126 tasks there). */
    static final int SEASONS_PER_X = 4;
    static final List<Double> SIZES = Arrays.stream(System.getProperty("bench.scale.sizes", "1,2.5,5,10").split(","))
            .map(String::trim).map(Double::parseDouble).sorted().toList();
    /** Tasks to run per size before the rest is cancelled; 0: every task (10x: about 12 min at 260 tasks/s). */
    static final int DISPATCH_LIMIT = Integer.getInteger("bench.scale.dispatch-limit", 0);
    static final double MAX_GROWTH = 1.5;

    @Inject
    Coordinator coordinator;
    @Inject
    @Connector(PubSubConnector.NAME)
    PubSubConnector connector;
    @Inject
    Warehouse warehouse;
    @Inject
    Catalog catalog;

    /** One size's figures; bytes and milliseconds. */
    record Measured(double factor, int seasons, int tasks, long edges, double plannerMs, double toAcceptedMs,
                    double toPlannedMs, long heapPlanned, long heapFinished, long ledgerRows, int finished,
                    double dispatchSeconds, double readMs, double restartMs, long peakRss) {

        double planMsPer1000() {
            return toPlannedMs * 1000 / tasks;
        }

        double plannerMsPer1000() {
            return plannerMs * 1000 / tasks;
        }

        double plannedBytesPerTask() {
            return (double) heapPlanned / tasks;
        }

        double finishedBytesPerTask() {
            return (double) heapFinished / tasks;
        }

        double msPerTask() {
            return dispatchSeconds * 1000 / finished;
        }

        double restartMsPer1000Rows() {
            return restartMs * 1000 / ledgerRows;
        }
    }

    /** A per-task figure compared between the smallest and the largest size. */
    record Growth(String figure, ToDoubleFunction<Measured> value) {
    }

    static final List<Growth> GROWTHS = List.of(
            new Growth("request -> tasks planned, ms per 1,000 tasks", Measured::planMsPer1000),
            new Growth("planner alone, ms per 1,000 tasks", Measured::plannerMsPer1000),
            new Growth("coordinator heap once planned, bytes per task", Measured::plannedBytesPerTask),
            new Growth("coordinator heap once finished, bytes per task", Measured::finishedBytesPerTask),
            new Growth("run, ms per task (1 / dispatch rate)", Measured::msPerTask),
            new Growth("restart on the ledger, ms per 1,000 rows", Measured::restartMsPer1000Rows));

    @Test
    void planningMemoryDispatchAndRestartGrowLinearlyInTasks() {
        Awaitility.await("coordinator leading").atMost(Duration.ofMinutes(2)).until(coordinator::running);
        List<Measured> sizes = new ArrayList<>();
        for (double factor : SIZES) {
            sizes.add(measure(factor));
        }
        List<String> worse = write(sizes);
        if (!worse.isEmpty()) {
            throw new AssertionError("worse than linear in tasks (largest size / smallest > " + MAX_GROWTH + "): "
                    + String.join("; ", worse) + " (see bench/results/7-scale.md)");
        }
    }

    private Measured measure(double factor) {
        List<Season> seasons = SyntheticSchedule.seasons((int) Math.round(factor * SEASONS_PER_X));
        String runId = "scale-" + seasons.size() + "-seasons";
        // a coordinator on an empty ledger: earlier sizes weigh neither on its heap nor on its restart
        coordinator.stop();
        warehouse.update("DELETE FROM ops.task_events", Map.of());
        SyntheticSchedule.write(warehouse, seasons);
        coordinator.start();
        BackfillRequest request = BackfillRequest.forRange(runId, seasons.get(0).firstDay(),
                seasons.get(seasons.size() - 1).lastDay()).withPhases(List.of(3));

        SeasonCalendar calendar = SeasonCalendar.load(warehouse);
        double[] plannerMs = new double[3];
        int tasks = 0;
        long edges = 0;
        for (int i = 0; i < plannerMs.length; i++) {
            long t0 = System.nanoTime();
            Plan plan = new Planner(catalog).plan(request, key -> false, calendar);
            plannerMs[i] = (System.nanoTime() - t0) / 1e6;
            tasks = plan.tasks().size();
            edges = plan.upstreams().values().stream().mapToLong(List::size).sum();
        }
        Arrays.sort(plannerMs);

        long baseline = usedHeapAfterGc();
        MemorySampler memory = MemorySampler.start(warehouse);
        PipelineRun pipeline = new PipelineRun(coordinator, connector, warehouse);
        Instant publishedAt = Instant.now();
        long published = System.nanoTime();
        pipeline.publish(request);
        Awaitility.await("run " + runId + " planned").atMost(Duration.ofMinutes(15)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(10)).until(() -> coordinator.read(s -> s.run(runId).isPresent()));
        double toPlannedMs = (System.nanoTime() - published) / 1e6;
        Instant acceptedAt = coordinator.read(s -> s.run(runId).orElseThrow().acceptedAt());
        long heapPlanned = usedHeapAfterGc() - baseline;
        if (DISPATCH_LIMIT > 0 && tasks > DISPATCH_LIMIT) {
            Awaitility.await("run " + runId + ": " + DISPATCH_LIMIT + " tasks").atMost(Duration.ofHours(1))
                    .pollInterval(Duration.ofMillis(200)).until(() -> coordinator.read(s -> s.run(runId).orElseThrow()
                            .counts().getOrDefault(TaskStatus.SUCCEEDED, 0)) >= DISPATCH_LIMIT);
            coordinator.cancel(runId);
        }
        PipelineRun.Finished run;
        try {
            run = pipeline.await(runId, Duration.ofSeconds(600 + tasks / 25));
        } finally {
            memory.close();
        }
        Map<TaskStatus, Integer> counts = run.counts();
        int finished = counts.getOrDefault(TaskStatus.SUCCEEDED, 0);
        if ((DISPATCH_LIMIT == 0 && finished != tasks) || counts.getOrDefault(TaskStatus.DEAD, 0) > 0) {
            throw new AssertionError("run " + runId + " of " + tasks + " no-op tasks ended " + counts
                    + ", so it measures nothing (see the log for the failures)");
        }
        Instant firstDispatch = run.tasks().stream().map(TaskRecord::dispatchedAt).filter(Objects::nonNull)
                .min(Instant::compareTo).orElseThrow();
        Instant lastFinish = run.tasks().stream().map(TaskRecord::finishedAt).filter(Objects::nonNull)
                .max(Instant::compareTo).orElseThrow();
        run = null; // what the coordinator keeps is measured next, not this copy
        long heapFinished = usedHeapAfterGc() - baseline;
        long rows = ((Number) warehouse.query("SELECT COUNT(*) AS n FROM ops.task_events", Map.of()).get(0).get("n"))
                .longValue();

        long r0 = System.nanoTime();
        int read = new TaskLedger(warehouse).read().rows().size();
        double readMs = (System.nanoTime() - r0) / 1e6;
        coordinator.stop();
        long s0 = System.nanoTime();
        coordinator.start();
        double restartMs = (System.nanoTime() - s0) / 1e6;
        Map<TaskStatus, Integer> folded = coordinator.read(s -> s.run(runId).map(RunState::counts).orElse(Map.of()));
        if (!folded.equals(counts) || read != rows) {
            throw new AssertionError("the restart on run " + runId + "'s ledger (" + rows + " rows, " + read
                    + " read) folded " + folded + ", not the run's " + counts);
        }
        return new Measured(factor, seasons.size(), tasks, edges, plannerMs[1],
                Duration.between(publishedAt, acceptedAt).toNanos() / 1e6, toPlannedMs, heapPlanned, heapFinished, rows,
                finished, Duration.between(firstDispatch, lastFinish).toMillis() / 1000.0, readMs, restartMs,
                memory.peak().rss());
    }

    /** Used heap after full collections: what is live. */
    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Writes section 7 (Markdown, CSV, JSON); returns the per-task figures that grew more than {@link #MAX_GROWTH}x. */
    private static List<String> write(List<Measured> sizes) {
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "## 7. Scale: the platform's catalog over 1x to "
                + "%sx the four seasons, no-op processors%n%n"
                + "The shipped catalog's 19 processors with their phases, date domains and upstream windows (same date, "
                + "season to date, trailing 371 days), each a no-op, over synthetic seasons (each 240 days, opening night "
                + "to the end of the playoff window, a game every day but the All-Star break; 4 seasons = 1x). Each size is "
                + "one backfill on a coordinator restarted on an empty ledger; global limit %d, %d workers, per-processor "
                + "limit %d, lineage off, %s. Heap: used heap after full GCs, minus the same before the request.%n%n"
                + "| size | seasons | tasks | upstream edges | request -> planned | of it: to accepted (plan) | "
                + "of it: PLANNED rows + scheduler | planner alone (median of 3) | heap once planned | per task | "
                + "heap once finished | per task |%n|---|---|---|---|---|---|---|---|---|---|---|---|%n",
                fmt(sizes.get(sizes.size() - 1).factor()), BenchProfiles.Scale.GLOBAL, BenchProfiles.Scale.GLOBAL,
                BenchProfiles.Scale.GLOBAL, DISPATCH_LIMIT == 0 ? "every task run"
                        : "each size run until " + DISPATCH_LIMIT + " tasks succeeded, the rest cancelled"));
        for (Measured m : sizes) {
            md.append(String.format(Locale.ROOT, "| %sx | %d | %,d | %,d | %.0f ms (%.1f ms / 1,000 tasks) | %.0f ms | "
                    + "%.0f ms | %.0f ms (%.1f / 1,000) | %s | %,.0f B | %s | %,.0f B |%n", fmt(m.factor()), m.seasons(),
                    m.tasks(), m.edges(), m.toPlannedMs(), m.planMsPer1000(), m.toAcceptedMs(),
                    m.toPlannedMs() - m.toAcceptedMs(), m.plannerMs(), m.plannerMsPer1000(), MemoryReport.mib(m.heapPlanned()),
                    m.plannedBytesPerTask(), MemoryReport.mib(m.heapFinished()), m.finishedBytesPerTask()));
        }
        md.append("\n| size | tasks run | first dispatch -> last result | dispatch rate | ms per task | ledger rows | "
                + "ledger read alone | restart (read + fold + resume) | per 1,000 rows | peak RSS during the run |\n"
                + "|---|---|---|---|---|---|---|---|---|---|\n");
        for (Measured m : sizes) {
            md.append(String.format(Locale.ROOT, "| %sx | %,d | %.1f s | **%.0f tasks/s** | %.2f ms | %,d | %.0f ms | "
                    + "%.0f ms | %.1f ms | %s |%n", fmt(m.factor()), m.finished(), m.dispatchSeconds(),
                    m.finished() / m.dispatchSeconds(), m.msPerTask(), m.ledgerRows(), m.readMs(), m.restartMs(),
                    m.restartMsPer1000Rows(), MemoryReport.mib(m.peakRss())));
        }
        List<String> worse = new ArrayList<>();
        Measured first = sizes.get(0);
        Measured last = sizes.get(sizes.size() - 1);
        if (sizes.size() > 1) {
            md.append(String.format(Locale.ROOT, "%nPer-task figures, %sx against %sx (target: none grows more than "
                    + "%.1fx, i.e. nothing worse than linear in tasks):%n%n| figure | %sx | %sx | ratio | |%n"
                    + "|---|---|---|---|---|%n", fmt(last.factor()), fmt(first.factor()), MAX_GROWTH,
                    fmt(first.factor()), fmt(last.factor())));
            for (Growth g : GROWTHS) {
                double a = g.value().applyAsDouble(first);
                double b = g.value().applyAsDouble(last);
                double ratio = b / a;
                boolean ok = ratio <= MAX_GROWTH;
                md.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | **%.2f** | %s |%n", g.figure(), a, b, ratio,
                        ok ? "met" : "MISSED"));
                if (!ok) {
                    worse.add(String.format(Locale.ROOT, "%s %.2f -> %.2f (%.2fx)", g.figure(), a, b, ratio));
                }
            }
        } else {
            md.append("\nOne size only: no growth to compare.\n");
        }
        Results.write("7-scale.md", md.toString());
        StringBuilder csv = new StringBuilder("factor,seasons,tasks,edges,planner_ms,to_accepted_ms,to_planned_ms,"
                + "heap_planned_bytes,heap_finished_bytes,ledger_rows,finished,dispatch_s,read_ms,restart_ms,peak_rss\n");
        sizes.forEach(m -> csv.append(String.format(Locale.ROOT, "%s,%d,%d,%d,%.1f,%.1f,%.1f,%d,%d,%d,%d,%.3f,%.1f,%.1f,%d%n",
                fmt(m.factor()), m.seasons(), m.tasks(), m.edges(), m.plannerMs(), m.toAcceptedMs(), m.toPlannedMs(),
                m.heapPlanned(), m.heapFinished(), m.ledgerRows(), m.finished(), m.dispatchSeconds(), m.readMs(),
                m.restartMs(), m.peakRss())));
        Results.write("7-scale.csv", csv.toString());
        Results.write("7-scale.json", "{\"sizes\": [" + sizes.stream().map(m -> String.format(Locale.ROOT,
                "{\"factor\": %s, \"tasks\": %d, \"plan_ms_per_1000_tasks\": %.3f, \"planner_ms_per_1000_tasks\": %.3f, "
                        + "\"heap_planned_bytes_per_task\": %.1f, \"heap_finished_bytes_per_task\": %.1f, "
                        + "\"tasks_per_s\": %.2f, \"ms_per_task\": %.4f, \"ledger_rows\": %d, "
                        + "\"restart_ms_per_1000_rows\": %.3f, \"peak_rss\": %d}", fmt(m.factor()), m.tasks(),
                m.planMsPer1000(), m.plannerMsPer1000(), m.plannedBytesPerTask(), m.finishedBytesPerTask(),
                m.finished() / m.dispatchSeconds(), m.msPerTask(), m.ledgerRows(), m.restartMsPer1000Rows(), m.peakRss()))
                .collect(Collectors.joining(", ")) + "], \"max_growth\": " + MAX_GROWTH + ", \"worse_than_linear\": "
                + worse.size() + "}\n");
        return worse;
    }

    private static String fmt(double factor) {
        return factor == Math.rint(factor) ? String.valueOf((int) factor) : String.valueOf(factor);
    }
}
