package fullcourt.coordinator.metrics;

import fullcourt.coordinator.TaskStatus;
import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.ProcessorDeclaration;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.function.Supplier;

/**
 * Gauges over the scheduler's counts: one per task status and phase of the catalog, tasks in
 * flight, their current limit, and one per run state. Every gauge reads the counts {@code counts} hands out, so one
 * scrape costs the loop at most one pass (see {@link CachedCounts}).
 */
public final class SchedulerGauges {

    public static final String TASKS = "fullcourt.coordinator.tasks";
    public static final String TASKS_IN_FLIGHT = "fullcourt.coordinator.tasks.in.flight";
    public static final String IN_FLIGHT_LIMIT = "fullcourt.coordinator.in.flight.limit";
    public static final String TABLE_IN_FLIGHT_LIMIT = "fullcourt.coordinator.table.in.flight.limit";
    public static final String RUNS = "fullcourt.coordinator.runs";
    public static final String LATEST_COMPLETE = "fullcourt.coordinator.processor.latest.complete.date";
    static final List<String> RUN_STATES = List.of("active", "completed", "completed_with_failures", "cancelled");

    private SchedulerGauges() {
    }

    public static void register(MeterRegistry registry, Catalog catalog, Supplier<SchedulerCounts> counts) {
        List<Integer> phases = catalog.all().stream().map(ProcessorDeclaration::phase).distinct().sorted().toList();
        for (TaskStatus status : TaskStatus.values()) {
            for (int phase : phases) {
                Gauge.builder(TASKS, counts, c -> c.get().tasks(status, phase))
                        .description("Tasks of the active runs, by status and phase")
                        .tags("status", status.name(), "phase", String.valueOf(phase))
                        .strongReference(true)
                        .register(registry);
            }
        }
        Gauge.builder(TASKS_IN_FLIGHT, counts, c -> c.get().inFlight())
                .description("Tasks dispatched or running, across runs")
                .strongReference(true)
                .register(registry);
        Gauge.builder(IN_FLIGHT_LIMIT, counts, c -> c.get().inFlightLimit())
                .description("Global in-flight limit now: the configured one, lowered while quota errors come (AIMD)")
                .strongReference(true)
                .register(registry);
        for (String table : catalog.all().stream().map(ProcessorDeclaration::table).distinct().toList()) {
            Gauge.builder(TABLE_IN_FLIGHT_LIMIT, counts, c -> c.get().tableLimit(table))
                    .description("An output table's own in-flight limit now: lowered by that table's quota errors only"
                            + " (AIMD), else its ceiling (its processors' concurrency, at most the global limit)")
                    .tag("table", table)
                    .strongReference(true)
                    .register(registry);
        }
        for (ProcessorDeclaration processor : catalog.all()) {
            Gauge.builder(LATEST_COMPLETE, counts, c -> c.get().latestCompleteSeconds(processor.name()))
                    .description("Freshness: the latest date (its start, UTC, in seconds since the epoch) whose task of"
                            + " the processor SUCCEEDED or was SKIPPED, in the runs the coordinator knows")
                    .baseUnit("seconds")
                    .tags("processor", processor.name(), "phase", String.valueOf(processor.phase()))
                    .strongReference(true)
                    .register(registry);
        }
        for (String state : RUN_STATES) {
            Gauge.builder(RUNS, counts, c -> c.get().runs(state))
                    .description("Runs known to the coordinator, by state")
                    .tag("state", state)
                    .strongReference(true)
                    .register(registry);
        }
    }
}
