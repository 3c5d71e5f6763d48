package fullcourt.bench.pipeline;

import fullcourt.bench.Results;
import fullcourt.bench.capacity.LowerBound;
import fullcourt.coordinator.Coordinator;
import fullcourt.engine.testing.PubSubEmulatorResource;
import fullcourt.engine.transport.PubSubConnector;
import fullcourt.engine.warehouse.Warehouse;
import fullcourt.messages.BackfillRequest;
import fullcourt.messages.BackfillRequest.Policy;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.junit.jupiter.api.Test;

/**
 * Section 1: the three scheduling policies side by side in one application, on the real
 * processors of one season (2022-23) with latency mode on, per-processor limit 15, global 100.
 *
 * <p>Sequential runs one task at a time (about 19 x dates x mean latency), so a whole season under
 * it would take hours on this machine: the season's first days, up to {@code bench.policy.from}
 * (2022-11-01, past the 14 bootstrap days), are backfilled first (per-date, not compared), then a
 * window of {@code bench.policy.dates} dates (30) runs per-date and phase-barrier, and its first
 * {@code bench.policy.sequential-dates} dates (6)
 * run per-date and sequential, so each ratio is measured on the same dates.
 */
@QuarkusTest
@TestProfile(BenchProfiles.Policies.class)
@QuarkusTestResource(PubSubEmulatorResource.class)
class PolicyBenchmark {

    static final LocalDate SEASON_START = LocalDate.of(2022, 10, 18);
    static final LocalDate WINDOW_START = LocalDate.parse(System.getProperty("bench.policy.from", "2022-11-01"));
    static final int DATES = Integer.getInteger("bench.policy.dates", 30);
    static final int SEQUENTIAL_DATES = Integer.getInteger("bench.policy.sequential-dates", 6);

    @Inject
    Coordinator coordinator;
    @Inject
    @Connector(PubSubConnector.NAME)
    PubSubConnector connector;
    @Inject
    Warehouse warehouse;

    record Measured(String label, Policy policy, int dates, PipelineRun.Finished run, LowerBound bound) {
    }

    @Test
    void perDateAgainstPhaseBarrierAndSequential() {
        PipelineRun pipeline = new PipelineRun(coordinator, connector, warehouse);
        long wallStart = System.nanoTime();
        PipelineRun.Finished warmup = pipeline.run(request("warmup", SEASON_START, WINDOW_START.minusDays(1), Policy.PER_DATE),
                Duration.ofMinutes(30));
        LocalDate end = WINDOW_START.plusDays(DATES - 1);
        LocalDate seqEnd = WINDOW_START.plusDays(SEQUENTIAL_DATES - 1);
        List<Measured> runs = new ArrayList<>();
        runs.add(measure(pipeline, "A", Policy.PER_DATE, WINDOW_START, end, DATES));
        runs.add(measure(pipeline, "A", Policy.PHASE_BARRIER, WINDOW_START, end, DATES));
        runs.add(measure(pipeline, "B", Policy.PER_DATE, WINDOW_START, seqEnd, SEQUENTIAL_DATES));
        runs.add(measure(pipeline, "B", Policy.SEQUENTIAL, WINDOW_START, seqEnd, SEQUENTIAL_DATES));
        double wall = (System.nanoTime() - wallStart) / 1e9;
        Results.write("1-policies.md", render(runs, warmup, wall));
        StringBuilder csv = new StringBuilder("window,policy,dates,tasks,makespan_s,total_work_s,work_over_limit_s,"
                + "longest_chain_s,lower_bound_s,per_processor_bound_s,succeeded,skipped,dead\n");
        for (Measured m : runs) {
            csv.append(String.format(Locale.ROOT, "%s,%s,%d,%d,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%d,%d,%d%n", m.label(),
                    m.policy().wireName(), m.dates(), m.run().tasks().size(), m.run().makespanSeconds(),
                    m.bound().totalWorkMillis() / 1000.0, m.bound().totalWorkMillis() / 1000.0 / m.bound().globalLimit(),
                    m.bound().longestChainMillis() / 1000.0, m.bound().millis() / 1000.0,
                    m.bound().perProcessorMillis() / 1000.0, count(m, "SUCCEEDED"), count(m, "SKIPPED"), count(m, "DEAD")));
        }
        Results.write("1-policies.csv", csv.toString());
    }

    private static int count(Measured m, String status) {
        return m.run().counts().getOrDefault(fullcourt.coordinator.TaskStatus.valueOf(status), 0);
    }

    private static BackfillRequest request(String id, LocalDate from, LocalDate to, Policy policy) {
        return BackfillRequest.forRange(id, from, to).withPhases(List.of(3)).withPolicy(policy);
    }

    private static Measured measure(PipelineRun pipeline, String label, Policy policy, LocalDate from, LocalDate to, int dates) {
        PipelineRun.Finished run = pipeline.run(request(label + "-" + policy.wireName(), from, to, policy), Duration.ofHours(2));
        LowerBound bound = LowerBound.of(run.upstreams(), t -> run.durationMs().getOrDefault(t, 0L),
                BenchProfiles.Policies.GLOBAL, p -> BenchProfiles.Policies.PER_PROCESSOR);
        return new Measured(label, policy, dates, run, bound);
    }

    private static String render(List<Measured> runs, PipelineRun.Finished warmup, double wall) {
        Measured pd = runs.get(0);
        Measured pb = runs.get(1);
        Measured pdSmall = runs.get(2);
        Measured seq = runs.get(3);
        StringBuilder md = new StringBuilder("## 1. Scheduling policies: one season, latency mode on\n\n");
        md.append(String.format(Locale.ROOT, "Real processors of the platform catalog (phases 3-6, 19 processors) on the "
                + "generated 2022-23 season, `fullcourt.warehouse.latency=%s` (each processor query waits 0.5-1.5 s, drawn "
                + "per query: BigQuery's seconds per query, scaled down so that sequential stays in minutes), per-processor "
                + "limit %d, global limit %d, one application, the runs one after another. The season's first %d days "
                + "(%s..%s) were backfilled first, per-date, so that the windows below have their history (%d tasks in "
                + "%.0f s, not compared). Sequential runs one task at a time, so it runs on the first %d dates of the window "
                + "and per-date runs those same dates again to compare with it (window B); per-date and phase-barrier "
                + "compare on %d dates (window A, %s..%s). Lower bound = max(total work / %d, longest dependency chain), "
                + "from the task durations measured in that same run (ledger `duration_ms`; a skip's STARTED-to-SKIPPED "
                + "span).%n%n", BenchProfiles.Policies.LATENCY, BenchProfiles.Policies.PER_PROCESSOR,
                BenchProfiles.Policies.GLOBAL, warmup.tasks().stream().map(t -> t.key().date()).distinct().count(),
                SEASON_START, WINDOW_START.minusDays(1), warmup.tasks().size(), warmup.makespanSeconds(), SEQUENTIAL_DATES,
                DATES, WINDOW_START, WINDOW_START.plusDays(DATES - 1), BenchProfiles.Policies.GLOBAL));
        md.append("| window | policy | dates | tasks | makespan | total work | work / 100 | longest chain | lower bound "
                + "| makespan / bound | per-processor bound (work / 15) | dead |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Measured m : runs) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | **%.1f s** | %.1f s | %.1f s | %.1f s | %.1f s | %.2f | "
                    + "%.1f s (%s) | %d |%n", m.label(), m.policy().wireName(), m.dates(), m.run().tasks().size(),
                    m.run().makespanSeconds(), m.bound().totalWorkMillis() / 1000.0,
                    m.bound().totalWorkMillis() / 1000.0 / m.bound().globalLimit(), m.bound().longestChainMillis() / 1000.0,
                    m.bound().millis() / 1000.0, m.run().makespanSeconds() * 1000 / m.bound().millis(),
                    m.bound().perProcessorMillis() / 1000.0, m.bound().perProcessorBinding(), count(m, "DEAD")));
        }
        double vsBarrier = pd.run().makespanSeconds() / pb.run().makespanSeconds();
        double vsSequential = pdSmall.run().makespanSeconds() / seq.run().makespanSeconds();
        double vsBound = pd.run().makespanSeconds() * 1000 / pd.bound().millis();
        md.append(String.format(Locale.ROOT, "%nTargets:%n%n"
                + "- per-date <= 0.5x phase-barrier (window A): **%.2fx**, %s%n"
                + "- per-date <= 1/14 of sequential (window B): **1/%.1f**, %s%n"
                + "- per-date makespan <= 1.15x the lower bound (window A): **%.2fx**, %s%n"
                + "%nWall time of this section: %.0f s.%n", vsBarrier, Results.verdict(vsBarrier <= 0.5),
                1 / vsSequential, Results.verdict(vsSequential <= 1.0 / 14), vsBound, Results.verdict(vsBound <= 1.15), wall));
        return md.toString();
    }
}
