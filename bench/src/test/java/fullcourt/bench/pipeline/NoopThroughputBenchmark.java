package fullcourt.bench.pipeline;

import fullcourt.bench.Results;
import fullcourt.coordinator.Coordinator;
import fullcourt.coordinator.TaskStatus;
import fullcourt.coordinator.metrics.CoordinatorMetrics;
import fullcourt.engine.testing.PubSubEmulatorResource;
import fullcourt.engine.transport.PubSubConnector;
import fullcourt.engine.transport.PubSubRuntime;
import fullcourt.engine.warehouse.Warehouse;
import fullcourt.engine.worker.WorkerMetrics;
import fullcourt.messages.BackfillRequest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.junit.jupiter.api.Test;

/**
 * Section 2: the engine's overhead. 10,000 tasks of no-op processors (10 processors x 1,000
 * dates, no dependencies) through the emulator, coordinator, ledger and workers, against the
 * emulator's own end-to-end rate measured in the same application just before.
 */
@QuarkusTest
@TestProfile(BenchProfiles.Noop.class)
@QuarkusTestResource(PubSubEmulatorResource.class)
class NoopThroughputBenchmark {

    static final int TASKS = Integer.getInteger("bench.noop.tasks", 10_000);
    /**
     * Per task at least: the DateWork and the SUCCEEDED TaskEvent (the request is one per run); a STARTED too for an
     * attempt that outlived {@code fullcourt.worker.started-after}, counted from the worker's timer.
     */
    static final int MESSAGES_PER_TASK = 2;
    /** About a DateWork's JSON. */
    static final int PAYLOAD_BYTES = 220;

    @Inject
    Coordinator coordinator;
    @Inject
    @Connector(PubSubConnector.NAME)
    PubSubConnector connector;
    @Inject
    PubSubRuntime runtime;
    @Inject
    Warehouse warehouse;
    @Inject
    MeterRegistry registry;

    /** The stages timed in the product code, in the order a task meets them. */
    static final String[] METERS = {CoordinatorMetrics.LOOP_TURN, CoordinatorMetrics.LEDGER_APPEND,
            CoordinatorMetrics.LEDGER_WAIT, CoordinatorMetrics.LEDGER_QUEUE_FULL, CoordinatorMetrics.LEDGER_QUEUE,
            CoordinatorMetrics.DISPATCH_CONFIRM, CoordinatorMetrics.EVENTS_PER_TURN, CoordinatorMetrics.EVENT_HANDLING,
            WorkerMetrics.EVENT_CONFIRM, WorkerMetrics.ACK};

    @Test
    void tasksPerSecondAgainstTheEmulatorsRawRate() throws Exception {
        int dates = TASKS / 10;
        double raw = RawPubSubRate.messagesPerSecond(runtime.connection(), TASKS, PAYLOAD_BYTES);
        LocalDate from = LocalDate.of(2000, 1, 1);
        PipelineRun pipeline = new PipelineRun(coordinator, connector, warehouse);
        MeterSnapshot before = MeterSnapshot.of(registry, METERS);
        PipelineRun.Finished run = pipeline.run(
                BackfillRequest.forRange("noop", from, from.plusDays(dates - 1)).withPhases(List.of(3)), Duration.ofMinutes(60));
        MeterSnapshot stages = MeterSnapshot.of(registry, METERS).since(before);
        if (run.counts().get(TaskStatus.SUCCEEDED) != run.tasks().size()) {
            throw new AssertionError("not every no-op task SUCCEEDED, so this run measures nothing: " + run.counts()
                    + " (see the log for the failures)");
        }
        Map<String, double[]> latencies = TaskLatencies.of(pipeline, run.runId());
        double rawAfter = RawPubSubRate.messagesPerSecond(runtime.connection(), TASKS, PAYLOAD_BYTES);
        double rawRate = (raw + rawAfter) / 2;
        double seconds = run.makespanSeconds();
        double tasksPerSecond = run.tasks().size() / seconds;
        double messagesPerTask = MESSAGES_PER_TASK
                + (double) stages.get(WorkerMetrics.EVENT_CONFIRM, "type", "STARTED").count() / run.tasks().size();
        double ceiling = rawRate / messagesPerTask;
        double share = tasksPerSecond / ceiling;
        String md = String.format(Locale.ROOT, "## 2. Engine overhead: no-op processors%n%n"
                + "%,d tasks (10 no-op processors x %,d dates, no dependencies; global limit %d, %d workers) through the "
                + "emulator, the coordinator (plan, dispatch, ledger rows in DuckDB) and the worker loop, in one application. "
                + "The emulator's raw rate: %,d messages of %d bytes published with the engine's client library "
                + "(`Publisher`) while a streaming-pull `Subscriber` acks them, in the same application and emulator, "
                + "just before and just after the run: %.0f and %.0f messages/s (mean %.0f). A task cost %.2f messages "
                + "(DateWork, SUCCEEDED, and STARTED for the attempts that outlived fullcourt.worker.started-after), so "
                + "the emulator caps the engine at %.0f tasks/s.%n%n"
                + "| measure | value |%n|---|---|%n"
                + "| tasks | %,d (%s) |%n| makespan | %.1f s |%n| engine throughput | **%.0f tasks/s** |%n"
                + "| raw emulator rate / %.2f | %.0f tasks/s |%n| engine / ceiling | **%.0f%%** |%n%n"
                + "Target: engine >= 80%% of (raw rate / messages per task): **%.0f%%**, %s.%n%n%s",
                run.tasks().size(), dates, BenchProfiles.Noop.GLOBAL, BenchProfiles.Noop.GLOBAL,
                TASKS, PAYLOAD_BYTES, raw, rawAfter, rawRate, messagesPerTask, ceiling,
                run.tasks().size(), run.counts(), seconds, tasksPerSecond, messagesPerTask, ceiling, share * 100,
                share * 100, Results.verdict(share >= 0.8), stages(stages, latencies, seconds));
        Results.write("2-engine-overhead.md", md);
        Results.write("2-engine-overhead.json", String.format(Locale.ROOT, "{\"tasks\": %d, \"makespan_s\": %.3f, "
                + "\"tasks_per_s\": %.2f, \"raw_msgs_per_s_before\": %.2f, \"raw_msgs_per_s_after\": %.2f, "
                + "\"messages_per_task\": %.3f, \"ceiling_tasks_per_s\": %.2f, \"share_of_ceiling\": %.4f, "
                + "\"stages\": {%s}}%n",
                run.tasks().size(), seconds, tasksPerSecond, raw, rawAfter, messagesPerTask, ceiling, share,
                stages.meters().entrySet().stream().map(e -> String.format(Locale.ROOT,
                        "\"%s\": {\"count\": %d, \"total\": %.0f}", e.getKey(), e.getValue().count(), e.getValue().total()))
                        .collect(Collectors.joining(", "))));
    }

    /** The report's stage tables: the product's own timers, then each task's round trip from the ledger. */
    static String stages(MeterSnapshot m, Map<String, double[]> latencies, double makespan) {
        StringBuilder md = new StringBuilder("Where the time goes (this run; Micrometer timers of the coordinator and the "
                + "worker, recorded by the product code; busy share = the stage's summed time / makespan, so a stage "
                + "of the single coordinator loop at ~100% is the bottleneck):\n\n"
                + "| stage | count | mean | summed | busy share |\n|---|---|---|---|---|\n");
        row(md, "coordinator loop turns (all work of the loop)", m.get(CoordinatorMetrics.LOOP_TURN), makespan);
        row(md, "- of which waits for ledger rows it must see durable (runs accepted, finished)",
                m.get(CoordinatorMetrics.LEDGER_WAIT), makespan);
        row(md, "- of which waits for room in the ledger writer's queue", m.get(CoordinatorMetrics.LEDGER_QUEUE_FULL),
                makespan);
        row(md, "DateWork publish to Pub/Sub's confirmation (off the loop: each publish's own, overlapping)",
                m.get(CoordinatorMetrics.DISPATCH_CONFIRM), makespan);
        row(md, "ledger writer thread: transactions (DuckDB insert + commit)", m.get(CoordinatorMetrics.LEDGER_APPEND),
                makespan);
        row(md, "task event, receipt by the intake to its ack", m.get(CoordinatorMetrics.EVENT_HANDLING), makespan);
        row(md, "worker: STARTED publish to its confirmation (attempts past started-after, off the task)", m.get(WorkerMetrics.EVENT_CONFIRM, "type", "STARTED"), makespan);
        row(md, "worker: wait for SUCCEEDED publish confirmation", m.get(WorkerMetrics.EVENT_CONFIRM, "type", "SUCCEEDED"),
                makespan);
        row(md, "worker: ack of the DateWork", m.get(WorkerMetrics.ACK), makespan);
        MeterSnapshot.Totals perTurn = m.get(CoordinatorMetrics.EVENTS_PER_TURN);
        md.append(String.format(Locale.ROOT, "%nLedger batches already waiting for the writer at a hand-over: %.2f on"
                + " average.%n", m.get(CoordinatorMetrics.LEDGER_QUEUE).mean()));
        md.append(String.format(Locale.ROOT, "%nTask events per loop turn: %.1f on average (%,d turns that handled task "
                + "events).%n%nEach task's round trip, from the ledger rows of the run (DISPATCHED row, the worker's "
                + "STARTED and SUCCEEDED stamps, the time the SUCCEEDED row was written):%n%n"
                + "| stage | mean | p50 | p95 |%n|---|---|---|---|%n", perTurn.mean(), perTurn.count()));
        Map<String, String> labels = Map.of(
                "to_start", "dispatched -> STARTED (DateWork confirmed, delivered, pulled, on a worker thread)",
                "to_success", "STARTED -> SUCCEEDED (the worker's start of the attempt to its end, no-op processor)",
                "to_ledger", "SUCCEEDED -> its ledger row (published, pulled by the coordinator, waits for the loop, inserted)",
                "round_trip", "dispatched -> SUCCEEDED in the ledger");
        latencies.forEach((k, v) -> md.append(String.format(Locale.ROOT, "| %s | %.0f ms | %.0f ms | %.0f ms |%n",
                labels.get(k), TaskLatencies.mean(v), TaskLatencies.percentile(v, 0.5), TaskLatencies.percentile(v, 0.95))));
        return md.toString();
    }

    private static void row(StringBuilder md, String label, MeterSnapshot.Totals t, double makespan) {
        md.append(String.format(Locale.ROOT, "| %s | %,d | %.2f ms | %.1f s | %.0f%% |%n", label, t.count(),
                t.mean() / 1e6, t.total() / 1e9, t.total() / 1e9 / makespan * 100));
    }
}
