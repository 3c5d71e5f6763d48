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
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    /** A task whose query ended, waiting for the loop to handle its event. */
    private record Finished(Running running, long endTick) {
    }

    public SimulationResult run(BackfillRequest request, TaskDurations durations) {
        return run(request, durations, SimulatedLedgerWriter.instant());
    }

    /**
     * The run with the ledger's appends on {@code ledger}: the loop hands each turn's rows over (the task events it
     * handled, then the DISPATCHED rows of what it sent), and waits where the writer holds it; events that arrive
     * meanwhile are handled together in its next turn, as live. The request's own rows (RUN_ACCEPTED, PLANNED) are
     * waited for before the first dispatch, as live.
     */
    public SimulationResult run(BackfillRequest request, TaskDurations durations, SimulatedLedgerWriter ledger) {
        Plan plan = new Planner(catalog).plan(request, key -> false, calendar);
        Scheduler scheduler = new Scheduler(catalog, globalLimit, TablePacing.perTenSeconds(tableDispatchesPer10s));
        String runId = request.requestId();
        RunState run = scheduler.addRun(runId, request, EPOCH, plan);
        List<Running> running = new ArrayList<>();
        List<Finished> pending = new ArrayList<>();
        Map<TaskKey, Long> start = new HashMap<>();
        Map<TaskKey, Long> end = new HashMap<>();
        Map<String, List<Long>> dispatchTimes = new HashMap<>();
        Map<String, List<Long>> writeTimes = new HashMap<>();
        Set<TaskKey> written = new HashSet<>();
        double now = 0;
        double loopFree = ledger.appendAndWait(0);
        boolean dispatchDue = true;
        long lastEnd = 0;
        long work = 0;
        double slotMillis = 0;
        int peak = 0;
        while (true) {
            // the loop's turns while it is free: a dispatch round after any change, then the events that came in
            while (now >= loopFree && (dispatchDue || !pending.isEmpty())) {
                long tick = Math.round(now);
                if (dispatchDue) {
                    dispatchDue = false;
                    List<Dispatch> chosen = scheduler.selectDispatches(at(tick));
                    for (Dispatch d : chosen) {
                        scheduler.apply(LedgerEvent.task(runId, d.task(), LedgerEventType.DISPATCHED, d.dispatch(), 0,
                                at(tick), null));
                        long took = durations.millis(d.task());
                        work += took;
                        start.put(d.task(), tick);
                        dispatchTimes.computeIfAbsent(table(d.task()), t -> new ArrayList<>()).add(tick);
                        running.add(new Running(d, took));
                    }
                    if (!chosen.isEmpty()) {
                        loopFree = ledger.handOver(now);
                    }
                } else {
                    for (Finished f : pending) {
                        TaskKey task = f.running().dispatch.task();
                        boolean skips = durations.skips(task);
                        scheduler.apply(new LedgerEvent(runId, task, skips ? LedgerEventType.SKIPPED
                                : LedgerEventType.SUCCEEDED, f.running().dispatch.dispatch(), 1, at(tick), null, 0L,
                                f.endTick() - start.get(task)));
                    }
                    pending.clear();
                    loopFree = ledger.handOver(now);
                    dispatchDue = true;
                }
            }
            peak = Math.max(peak, scheduler.inFlightCount());
            Optional<Long> release = scheduler.nextPacingRelease(at(Math.round(now)))
                    .map(i -> i.toEpochMilli() - EPOCH.toEpochMilli());
            boolean loopBusy = dispatchDue || !pending.isEmpty();
            if (running.isEmpty()) {
                if (loopBusy) {
                    now = loopFree;
                } else if (release.isPresent()) {
                    // a release may still come after the last task ended: it finds nothing left to send
                    now = release.get();
                    dispatchDue = true;
                } else {
                    break;
                }
                continue;
            }
            double rate = slots.progressRate(running.size());
            double least = running.stream().mapToDouble(r -> r.left).min().orElseThrow();
            double next = now + least / rate;
            boolean released = false;
            if (release.isPresent() && release.get() < next) {
                next = release.get();
                released = true;
            }
            if (loopBusy && loopFree > now && loopFree < next) {
                next = loopFree;
                released = false;
            }
            double dt = next - now;
            slotMillis += slots.slotsInUse(running.size()) * dt;
            now = next;
            dispatchDue |= released;
            long endTick = Math.round(now);
            for (Iterator<Running> it = running.iterator(); it.hasNext(); ) {
                Running r = it.next();
                r.left -= rate * dt;
                if (r.left <= DONE) {
                    it.remove();
                    TaskKey task = r.dispatch.task();
                    pending.add(new Finished(r, endTick));
                    end.put(task, endTick);
                    lastEnd = endTick;
                    if (!durations.skips(task)) {
                        // the partition is written when the task's query job ends, whenever the loop hears of it
                        writeTimes.computeIfAbsent(table(task), t -> new ArrayList<>()).add(endTick);
                        written.add(task);
                    }
                }
            }
        }
        if (!run.allTerminal()) {
            throw new IllegalStateException("simulation stalled with tasks not terminal: " + run.counts());
        }
        return new SimulationResult(lastEnd, plan.tasks().size(), work, slotMillis, peak,
                BusiestTable.of(dispatchTimes, BusiestTable.TEN_SECONDS), BusiestTable.of(writeTimes, BusiestTable.TEN_SECONDS),
                start, end, plan.upstreams(), writeTimes, written);
    }

    private String table(TaskKey task) {
        return catalog.get(task.processor()).table();
    }

    private static Instant at(long millis) {
        return EPOCH.plusMillis(millis);
    }
}
