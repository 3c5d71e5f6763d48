package fullcourt.bench.capacity;

import fullcourt.coordinator.TaskKey;
import fullcourt.coordinator.dispatch.Dispatch;
import fullcourt.coordinator.dispatch.RunState;
import fullcourt.coordinator.dispatch.Scheduler;
import fullcourt.coordinator.ledger.LedgerEvent;
import fullcourt.coordinator.ledger.LedgerEventType;
import fullcourt.coordinator.plan.Plan;
import fullcourt.coordinator.plan.Planner;
import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.SeasonCalendar;
import fullcourt.messages.BackfillRequest;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * One backfill played on a virtual clock through the coordinator's real {@link Planner} and
 * {@link Scheduler}: the scheduler chooses what to dispatch exactly as it does live, and each
 * dispatched task completes after its simulated duration. No broker, no warehouse, no sleeps: a
 * run of the platform's 20,000 tasks takes a second.
 */
public final class VirtualClockRun {

    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    private final Catalog catalog;
    private final SeasonCalendar calendar;
    private final int globalLimit;

    public VirtualClockRun(Catalog catalog, SeasonCalendar calendar, int globalLimit) {
        this.catalog = catalog;
        this.calendar = calendar;
        this.globalLimit = globalLimit;
    }

    private record Completion(long at, Dispatch dispatch) {
    }

    public SimulationResult run(BackfillRequest request, TaskDurations durations) {
        Plan plan = new Planner(catalog).plan(request, key -> false, calendar);
        Scheduler scheduler = new Scheduler(catalog, globalLimit);
        String runId = request.requestId();
        RunState run = scheduler.addRun(runId, request, EPOCH, plan);
        PriorityQueue<Completion> pending = new PriorityQueue<>((a, b) -> Long.compare(a.at, b.at));
        Map<TaskKey, Long> start = new HashMap<>();
        Map<TaskKey, Long> end = new HashMap<>();
        long now = 0;
        long work = 0;
        int peak = 0;
        while (true) {
            for (Dispatch d : scheduler.selectDispatches()) {
                scheduler.apply(LedgerEvent.task(runId, d.task(), LedgerEventType.DISPATCHED, d.dispatch(), 0, at(now), null));
                long took = durations.millis(d.task());
                work += took;
                start.put(d.task(), now);
                pending.add(new Completion(now + took, d));
            }
            peak = Math.max(peak, scheduler.inFlightCount());
            if (pending.isEmpty()) {
                break;
            }
            // every completion at the same instant first, then one dispatch round, as the live
            // coordinator does when several events arrive together
            now = pending.peek().at;
            while (!pending.isEmpty() && pending.peek().at == now) {
                Dispatch d = pending.poll().dispatch();
                LedgerEventType type = durations.skips(d.task()) ? LedgerEventType.SKIPPED : LedgerEventType.SUCCEEDED;
                scheduler.apply(new LedgerEvent(runId, d.task(), type, d.dispatch(), 1, at(now), null, 0L,
                        end(start, d.task(), now)));
                end.put(d.task(), now);
            }
        }
        if (!run.allTerminal()) {
            throw new IllegalStateException("simulation stalled with tasks not terminal: " + run.counts());
        }
        return new SimulationResult(now, plan.tasks().size(), work, peak, start, end, plan.upstreams());
    }

    private static long end(Map<TaskKey, Long> start, TaskKey task, long now) {
        return now - start.get(task);
    }

    private static Instant at(long millis) {
        return EPOCH.plusMillis(millis);
    }
}
