package fullcourt.bench.pipeline;

import fullcourt.bench.Results;
import fullcourt.coordinator.Coordinator;
import fullcourt.coordinator.TaskKey;
import fullcourt.engine.catalog.SeasonCalendar;
import fullcourt.engine.testing.PubSubEmulatorResource;
import fullcourt.engine.transport.PubSubConnector;
import fullcourt.engine.warehouse.Warehouse;
import fullcourt.messages.BackfillRequest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.junit.jupiter.api.Test;

/**
 * Section 3: the whole pipeline over four generated seasons with the shipped catalog and latency
 * off: makespan, CPU use, and where the task time goes (ledger durations per processor).
 */
@QuarkusTest
@TestProfile(BenchProfiles.FourSeasons.class)
@QuarkusTestResource(PubSubEmulatorResource.class)
class FourSeasonsBenchmark {

    @Inject
    Coordinator coordinator;
    @Inject
    @Connector(PubSubConnector.NAME)
    PubSubConnector connector;
    @Inject
    Warehouse warehouse;

    record ProcessorTime(String processor, int tasks, long totalMs, long p95Ms) {
    }

    @Test
    void fourSeasonsProfile() {
        SeasonCalendar calendar = SeasonCalendar.load(warehouse);
        LocalDate from = calendar.seasons().stream().map(SeasonCalendar.Season::first).min(LocalDate::compareTo).orElseThrow();
        LocalDate to = calendar.seasons().stream().map(SeasonCalendar.Season::last).max(LocalDate::compareTo).orElseThrow();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long children0 = childrenCpuNanos();
        double load0 = os.getSystemLoadAverage();
        long wall0 = System.nanoTime();
        PipelineRun.Finished run = new PipelineRun(coordinator, connector, warehouse).run(
                BackfillRequest.forRange("four-seasons", from, to).withPhases(List.of(3)), Duration.ofHours(2));
        double wall = (System.nanoTime() - wall0) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        double children = (childrenCpuNanos() - children0) / 1e9;
        double load1 = os.getSystemLoadAverage();

        Map<String, List<Long>> byProcessor = new TreeMap<>();
        run.durationMs().forEach((TaskKey k, Long ms) -> byProcessor.computeIfAbsent(k.processor(), p -> new ArrayList<>()).add(ms));
        List<ProcessorTime> times = new ArrayList<>();
        byProcessor.forEach((p, list) -> {
            List<Long> sorted = list.stream().sorted().toList();
            times.add(new ProcessorTime(p, list.size(), list.stream().mapToLong(Long::longValue).sum(),
                    sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.95) - 1))));
        });
        times.sort(Comparator.comparingLong(ProcessorTime::totalMs).reversed());
        long total = times.stream().mapToLong(ProcessorTime::totalMs).sum();
        int cores = Runtime.getRuntime().availableProcessors();

        StringBuilder md = new StringBuilder("## 3. Whole pipeline on seasons " + BenchProfiles.FourSeasons.SEASONS
                + ", real processors, latency off\n\n");
        md.append(String.format(Locale.ROOT, "One backfill request (phases 3-6, cascade) over the generated seasons "
                + "%s (%s..%s), the catalog as shipped (concurrency 4 per processor), global limit %d, "
                + "%d workers, `fullcourt.warehouse.latency=off`, DuckDB embedded.%n%n"
                + "| measure | value |%n|---|---|%n| tasks | %,d (%s) |%n| makespan | **%.0f s** (%.1f tasks/s) |%n"
                + "| CPU of the JVM (process CPU time / wall) | **%.2f cores** of %d (%.0f%%) |%n"
                + "| CPU of the emulator process | %.2f cores |%n| machine load average (start, end) | %.1f, %.1f |%n%n",
                BenchProfiles.FourSeasons.SEASONS, from, to, BenchProfiles.FourSeasons.GLOBAL, BenchProfiles.FourSeasons.GLOBAL, run.tasks().size(),
                run.counts(), run.makespanSeconds(), run.tasks().size() / run.makespanSeconds(), cpu / wall, cores,
                100 * cpu / wall / cores, children / wall, load0, load1));
        md.append("Where the task time goes (ledger `ops.task_events` durations of this run, slowest first):\n\n"
                + "| processor | tasks | task time | share | mean | p95 |\n|---|---|---|---|---|---|\n");
        StringBuilder csv = new StringBuilder("processor,tasks,total_ms,share,mean_ms,p95_ms\n");
        for (int i = 0; i < times.size(); i++) {
            ProcessorTime t = times.get(i);
            double share = 100.0 * t.totalMs() / total;
            if (i < 8) {
                md.append(String.format(Locale.ROOT, "| %s | %d | %.1f s | **%.1f%%** | %d ms | %d ms |%n", t.processor(),
                        t.tasks(), t.totalMs() / 1000.0, share, t.totalMs() / Math.max(1, t.tasks()), t.p95Ms()));
            }
            csv.append(String.format(Locale.ROOT, "%s,%d,%d,%.4f,%d,%d%n", t.processor(), t.tasks(), t.totalMs(), share / 100,
                    t.totalMs() / Math.max(1, t.tasks()), t.p95Ms()));
        }
        double top3 = times.stream().limit(3).mapToLong(ProcessorTime::totalMs).sum() * 100.0 / total;
        md.append(String.format(Locale.ROOT, "%nThe three slowest processors take %.0f%% of all task time (%.0f s in all); "
                + "the rest of the %d processors share the remainder (every processor in `3-four-seasons.csv`). Task time "
                + "summed over tasks run in parallel, so it exceeds the makespan.%n", top3, total / 1000.0, times.size()));
        Results.write("3-four-seasons.md", md.toString());
        Results.write("3-four-seasons.csv", csv.toString());
    }

    /** CPU time of this JVM's child processes (the Pub/Sub emulator). */
    private static long childrenCpuNanos() {
        return ProcessHandle.current().descendants().mapToLong(p -> p.info().totalCpuDuration()
                .map(Duration::toNanos).orElse(0L)).sum();
    }
}
