package fullcourt.bench.pipeline;

import fullcourt.bench.Results;
import fullcourt.coordinator.Coordinator;
import fullcourt.engine.testing.PubSubEmulatorResource;
import fullcourt.engine.transport.PubSubConnector;
import fullcourt.engine.transport.PubSubRuntime;
import fullcourt.engine.warehouse.Warehouse;
import fullcourt.messages.BackfillRequest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
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
    /** Per task: the DateWork, then the STARTED and the SUCCEEDED TaskEvent (the request is one per run). */
    static final int MESSAGES_PER_TASK = 3;
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

    @Test
    void tasksPerSecondAgainstTheEmulatorsRawRate() throws Exception {
        int dates = TASKS / 10;
        double raw = RawPubSubRate.messagesPerSecond(runtime.connection(), TASKS * MESSAGES_PER_TASK / 3, PAYLOAD_BYTES);
        LocalDate from = LocalDate.of(2000, 1, 1);
        PipelineRun.Finished run = new PipelineRun(coordinator, connector, warehouse).run(
                BackfillRequest.forRange("noop", from, from.plusDays(dates - 1)).withPhases(List.of(3)), Duration.ofMinutes(60));
        double rawAfter = RawPubSubRate.messagesPerSecond(runtime.connection(), TASKS * MESSAGES_PER_TASK / 3, PAYLOAD_BYTES);
        double rawRate = (raw + rawAfter) / 2;
        double seconds = run.makespanSeconds();
        double tasksPerSecond = run.tasks().size() / seconds;
        double ceiling = rawRate / MESSAGES_PER_TASK;
        double share = tasksPerSecond / ceiling;
        String md = String.format(Locale.ROOT, "## 2. Engine overhead: no-op processors%n%n"
                + "%,d tasks (10 no-op processors x %,d dates, no dependencies; global limit %d, %d workers) through the "
                + "emulator, the coordinator (plan, dispatch, ledger rows in DuckDB) and the worker loop, in one application. "
                + "The emulator's raw rate: %,d messages of %d bytes published with the engine's client library "
                + "(`Publisher`) while a streaming-pull `Subscriber` acks them, in the same application and emulator, "
                + "just before and just after the run: %.0f and %.0f messages/s (mean %.0f). A task costs %d messages "
                + "(DateWork, STARTED, SUCCEEDED), so the emulator caps the engine at %.0f tasks/s.%n%n"
                + "| measure | value |%n|---|---|%n"
                + "| tasks | %,d (%s) |%n| makespan | %.1f s |%n| engine throughput | **%.0f tasks/s** |%n"
                + "| raw emulator rate / %d | %.0f tasks/s |%n| engine / ceiling | **%.0f%%** |%n%n"
                + "Target: engine >= 80%% of (raw rate / messages per task): **%.0f%%**, %s.%n",
                run.tasks().size(), dates, BenchProfiles.Noop.GLOBAL, BenchProfiles.Noop.GLOBAL,
                TASKS * MESSAGES_PER_TASK / 3, PAYLOAD_BYTES, raw, rawAfter, rawRate, MESSAGES_PER_TASK, ceiling,
                run.tasks().size(), run.counts(), seconds, tasksPerSecond, MESSAGES_PER_TASK, ceiling, share * 100,
                share * 100, Results.verdict(share >= 0.8));
        Results.write("2-engine-overhead.md", md);
        Results.write("2-engine-overhead.json", String.format(Locale.ROOT, "{\"tasks\": %d, \"makespan_s\": %.3f, "
                + "\"tasks_per_s\": %.2f, \"raw_msgs_per_s_before\": %.2f, \"raw_msgs_per_s_after\": %.2f, "
                + "\"messages_per_task\": %d, \"ceiling_tasks_per_s\": %.2f, \"share_of_ceiling\": %.4f}%n",
                run.tasks().size(), seconds, tasksPerSecond, raw, rawAfter, MESSAGES_PER_TASK, ceiling, share));
    }
}
