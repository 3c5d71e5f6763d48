package fullcourt.bench.capacity;

import fullcourt.coordinator.TaskKey;
import fullcourt.coordinator.dispatch.Dispatch;
import fullcourt.coordinator.dispatch.RunState;
import fullcourt.coordinator.dispatch.Scheduler;
import fullcourt.coordinator.dispatch.TablePacing;
import fullcourt.coordinator.ledger.LedgerEvent;
import fullcourt.coordinator.ledger.LedgerEventType;
import fullcourt.coordinator.plan.Plan;
import fullcourt.coordinator.plan.Planner;
import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.SeasonCalendar;
import fullcourt.messages.BackfillRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One backfill played on a virtual clock through the coordinator's real {@link Planner} and
 * {@link Scheduler}: the scheduler chooses what to dispatch exactly as it does live (including its
 * {@link TablePacing}), and each dispatched task runs its simulated work. Event-driven on progress: running queries
 * share a {@link SlotPool}, so while they want more slots than it has each advances at the pool's fair share over
 * its demand, and the next event is the earliest finish at the current rates (or a paced table's release). No
 * broker, no warehouse, no sleeps: a run of the platform's 20,000 tasks takes a second.
 */
public final class VirtualClockRun {

    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
    /** Work left (ms at full speed) under which a task counts as finished: rounding of the shared rates. */
    private static final double DONE = 1e-6;

    private final Catalog catalog;
    private final SeasonCalendar calendar;
    private final int globalLimit;
    private final SlotPool slots;
    private final int tableDispatchesPer10s;

    /** No slot contention and no table pacing. */
    public VirtualClockRun(Catalog catalog, SeasonCalendar calendar, int globalLimit) {
        this(catalog, calendar, globalLimit, SlotPool.UNLIMITED, 0);
    }

    /** @param tableDispatchesPer10s the scheduler's pacing per output table, 0 for none */
    public VirtualClockRun(Catalog catalog, SeasonCalendar calendar, int globalLimit, SlotPool slots,
                           int tableDispatchesPer10s) {
        this.catalog = catalog;
        this.calendar = calendar;
        this.globalLimit = globalLimit;
        this.slots = slots;
        this.tableDispatchesPer10s = tableDispatchesPer10s;
    }

    private static final class Running {
        final Dispatch dispatch;
        double left;

        Running(Dispatch dispatch, double left) {
            this.dispatch = dispatch;
            this.left = left;
        }
    }

    public SimulationResult run(BackfillRequest request, TaskDurations durations) {
        Plan plan = new Planner(catalog).plan(request, key -> false, calendar);
        Scheduler scheduler = new Scheduler(catalog, globalLimit, TablePacing.perTenSeconds(tableDispatchesPer10s));
        String runId = request.requestId();
        RunState run = scheduler.addRun(runId, request, EPOCH, plan);
        List<Running> running = new ArrayList<>();
        Map<TaskKey, Long> start = new HashMap<>();
        Map<TaskKey, Long> end = new HashMap<>();
        Map<String, List<Long>> dispatchTimes = new HashMap<>();
        Map<String, List<Long>> writeTimes = new HashMap<>();
        double now = 0;
        long lastEnd = 0;
        long work = 0;
        double slotMillis = 0;
        int peak = 0;
        while (true) {
            long tick = Math.round(now);
            for (Dispatch d : scheduler.selectDispatches(at(tick))) {
                scheduler.apply(LedgerEvent.task(runId, d.task(), LedgerEventType.DISPATCHED, d.dispatch(), 0, at(tick),
                        null));
                long took = durations.millis(d.task());
                work += took;
                start.put(d.task(), tick);
                dispatchTimes.computeIfAbsent(table(d.task()), t -> new ArrayList<>()).add(tick);
                running.add(new Running(d, took));
            }
            peak = Math.max(peak, scheduler.inFlightCount());
            Optional<Long> release = scheduler.nextPacingRelease(at(tick)).map(i -> i.toEpochMilli() - EPOCH.toEpochMilli());
            if (running.isEmpty()) {
                // a release may still come after the last task ended: it finds nothing left to send
                if (release.isEmpty()) {
                    break;
                }
                now = release.get();
                continue;
            }
            double rate = slots.progressRate(running.size());
            double least = running.stream().mapToDouble(r -> r.left).min().orElseThrow();
            double next = now + least / rate;
            if (release.isPresent() && release.get() < next) {
                next = release.get();
            }
            double dt = next - now;
            slotMillis += slots.slotsInUse(running.size()) * dt;
            now = next;
            // every task finishing at this instant first, then one dispatch round, as the live coordinator does
            // when several events arrive together
            long endTick = Math.round(now);
            for (Iterator<Running> it = running.iterator(); it.hasNext(); ) {
                Running r = it.next();
                r.left -= rate * dt;
                if (r.left <= DONE) {
                    it.remove();
                    TaskKey task = r.dispatch.task();
                    boolean skips = durations.skips(task);
                    scheduler.apply(new LedgerEvent(runId, task, skips ? LedgerEventType.SKIPPED : LedgerEventType.SUCCEEDED,
                            r.dispatch.dispatch(), 1, at(endTick), null, 0L, endTick - start.get(task)));
                    end.put(task, endTick);
                    lastEnd = endTick;
                    if (!skips) {
                        // the partition is written when the task's query job ends
                        writeTimes.computeIfAbsent(table(task), t -> new ArrayList<>()).add(endTick);
                    }
                }
            }
        }
        if (!run.allTerminal()) {
            throw new IllegalStateException("simulation stalled with tasks not terminal: " + run.counts());
        }
        return new SimulationResult(lastEnd, plan.tasks().size(), work, slotMillis, peak,
                BusiestTable.of(dispatchTimes, BusiestTable.TEN_SECONDS), BusiestTable.of(writeTimes, BusiestTable.TEN_SECONDS),
                start, end, plan.upstreams());
    }

    private String table(TaskKey task) {
        return catalog.get(task.processor()).table();
    }

    private static Instant at(long millis) {
        return EPOCH.plusMillis(millis);
    }
}
