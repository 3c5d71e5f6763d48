package fullcourt.coordinator.dispatch;

import fullcourt.coordinator.CoordinatorConfig;
import fullcourt.coordinator.TaskKey;
import fullcourt.coordinator.TaskStatus;
import fullcourt.coordinator.ledger.DailyQuotaRow;
import fullcourt.coordinator.ledger.LedgerEvent;
import fullcourt.coordinator.plan.Plan;
import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.ProcessorDeclaration;
import fullcourt.messages.BackfillRequest;
import fullcourt.messages.BackfillRequest.Policy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The coordinator's state machine: a fold of ledger events, and the choice of what to dispatch
 * next. No I/O and no clock of its own, so it is rebuilt from the ledger by the same code that
 * runs live, and tested exactly.
 *
 * <p>Readiness is kept incrementally: each task counts its in-run upstreams not yet done and joins
 * its run's ready set when the count reaches zero, so an event costs work proportional to its
 * downstream, not to the run.
 *
 * <p>Which READY tasks of a run may start is its request's {@link Policy}:
 * <ul>
 *   <li>{@code per-date}: any of them (per-date chaining);
 *   <li>{@code phase-barrier} (the old runbook): only those of the lowest dependency level that
 *       still has an unfinished task, so level k starts when every task of levels below k, on
 *       every date, is SUCCEEDED, SKIPPED, DEAD, BLOCKED or CANCELLED. A DEAD task does not hold
 *       the barrier (else the run could never finish): its downstream is BLOCKED as under
 *       per-date, and the rest of the next level goes ahead. Replaying it makes its level
 *       unfinished again, so tasks of higher levels not yet started wait for it once more;
 *   <li>{@code sequential}: the first READY task in plan order (date, then phase), and only
 *       while no other task of the run is in flight.
 * </ul>
 * The per-processor and global in-flight limits apply on top of every policy, across all runs, and so do the
 * {@link TablePacing} of dispatches per output table and each table's own in-flight limit under its quota errors
 * ({@link TableLimits}). A daily quota met holds back the tasks that would meet it ({@link DailyQuotaHolds}): they end DEAD
 * unsent ({@link DailyQuotaGate}).
 */
public final class Scheduler {

    private final Catalog catalog;
    private final Comparator<TaskKey> order;
    private final Map<String, RunState> runs = new LinkedHashMap<>();
    private final Map<TaskKey, String> inFlight = new HashMap<>();
    private final Map<String, Integer> inFlightPerProcessor = new HashMap<>();
    private final Map<String, Integer> inFlightPerTable = new HashMap<>();
    private final Set<TaskKey> doneEver = new HashSet<>();
    private final Map<Integer, Long> finishedPerPhase = new java.util.TreeMap<>();
    private final TablePacing pacing;
    private final TableLimits tableLimits;
    private final DailyQuotaHolds quotaHolds;
    private int globalLimit;

    public Scheduler(Catalog catalog, int globalLimit) {
        this(catalog, globalLimit, TablePacing.none());
    }

    public Scheduler(Catalog catalog, int globalLimit, TablePacing pacing) {
        this(catalog, globalLimit, pacing, TableLimits.none());
    }

    public Scheduler(Catalog catalog, int globalLimit, TablePacing pacing, TableLimits tableLimits) {
        this.catalog = catalog;
        this.globalLimit = globalLimit;
        this.pacing = pacing;
        this.tableLimits = tableLimits;
        this.quotaHolds = new DailyQuotaHolds(catalog.all().stream().map(ProcessorDeclaration::table)
                .collect(Collectors.toSet()));
        this.order = Comparator.comparing(TaskKey::date)
                .thenComparing(t -> catalog.get(t.processor()).phase())
                .thenComparing(TaskKey::processor);
    }

    /** A scheduler with the configured global limit, pacing per table and per-table limits under quota errors. */
    public static Scheduler configured(Catalog catalog, CoordinatorConfig config) {
        CoordinatorConfig.Adaptive a = config.adaptive();
        return new Scheduler(catalog, config.globalInFlight(), TablePacing.perTenSeconds(config.tableDispatchesPer10s()),
                TableLimits.of(catalog, config.globalInFlight(), a.enabled(), a.decreaseFactor(), a.increaseAfter(),
                        a.cooldown()));
    }

    /** Whether (processor, date) has SUCCEEDED or been SKIPPED in any run. */
    public boolean doneEver(TaskKey key) {
        return doneEver.contains(key);
    }

    public Predicate<TaskKey> doneEver() {
        return doneEver::contains;
    }

    public Optional<RunState> run(String runId) {
        return Optional.ofNullable(runs.get(runId));
    }

    public Collection<RunState> runs() {
        return runs.values();
    }

    /**
     * Tasks that have ended SUCCEEDED, SKIPPED or DEAD since this scheduler was built, by phase: a counter that only
     * grows (a replayed task that ends again counts again), so samples taken apart give the throughput between them.
     */
    public Map<Integer, Long> finishedPerPhase() {
        return Map.copyOf(finishedPerPhase);
    }

    public int inFlightCount() {
        return inFlight.size();
    }

    public int globalLimit() {
        return globalLimit;
    }

    public void setGlobalLimit(int limit) {
        this.globalLimit = Math.max(1, limit);
    }

    /** Each output table's in-flight limit under its quota errors, read at every dispatch. */
    public TableLimits tableLimits() {
        return tableLimits;
    }

    /** The daily quotas holding tasks back now. */
    DailyQuotaHolds quotaHolds() {
        return quotaHolds;
    }

    /** Tasks writing {@code table} dispatched or running, across runs. */
    public int inFlightOfTable(String table) {
        return inFlightPerTable.getOrDefault(table, 0);
    }

    /**
     * Adds a planned run: the tasks its plan skips end SKIPPED at once (never dispatched, not counted as work
     * finished), then its tasks without pending upstreams become READY.
     */
    public RunState addRun(String runId, BackfillRequest request, java.time.Instant acceptedAt, Plan plan) {
        RunState run = new RunState(runId, request, acceptedAt, order, plan.levels());
        for (TaskKey key : plan.tasks()) {
            run.tasks.put(key, new TaskRecord(key, plan.upstreams().getOrDefault(key, List.of())));
            run.unfinishedPerLevel[run.level(key)]++;
        }
        for (TaskRecord t : run.tasks.values()) {
            for (TaskKey up : t.upstreams) {
                run.tasks.get(up).downstreams.add(t.key);
            }
        }
        plan.skipped().forEach((key, reason) -> {
            TaskRecord t = run.tasks.get(key);
            move(run, t, TaskStatus.SKIPPED);
            t.skipReason = reason;
            t.finishedAt = acceptedAt;
            t.skippedAsPlanned = true;
            doneEver.add(key);
            t.downstreams.forEach(down -> run.tasks.get(down).pendingUpstreams--);
        });
        for (TaskRecord t : run.tasks.values()) {
            if (t.pendingUpstreams == 0 && t.status == TaskStatus.PLANNED) {
                move(run, t, TaskStatus.READY);
                run.ready.add(t.key);
            }
        }
        runs.put(runId, run);
        return run;
    }

    /** Applies one ledger row. Rows about unknown runs or tasks, stale dispatches and duplicates change nothing. */
    public void apply(LedgerEvent e) {
        RunState run = runs.get(e.runId());
        if (run == null) {
            return;
        }
        if (e.task() == null) {
            applyRunEvent(run, e);
            return;
        }
        TaskRecord t = run.tasks.get(e.task());
        if (t == null) {
            return;
        }
        switch (e.type()) {
            case DISPATCHED -> {
                if (t.status == TaskStatus.READY) {
                    run.ready.remove(t.key);
                    move(run, t, TaskStatus.DISPATCHED);
                    t.dispatch = e.dispatch();
                    t.dispatchedAt = e.at();
                    pacing.record(table(t.key), e.at());
                    enterFlight(run, t);
                }
            }
            case STARTED -> {
                if (e.dispatch() == t.dispatch && t.status == TaskStatus.DISPATCHED) {
                    move(run, t, TaskStatus.RUNNING);
                    t.startedAt = e.at();
                }
                if (e.dispatch() == t.dispatch) {
                    t.attempts = Math.max(t.attempts, e.attempt());
                }
            }
            case SUCCEEDED, SKIPPED -> {
                if (e.dispatch() == t.dispatch && t.status.inFlight()) {
                    move(run, t, e.type() == fullcourt.coordinator.ledger.LedgerEventType.SUCCEEDED
                            ? TaskStatus.SUCCEEDED : TaskStatus.SKIPPED);
                    t.finishedAt = e.at();
                    t.rows = e.rows();
                    t.durationMs = e.durationMs();
                    t.attempts = Math.max(t.attempts, e.attempt());
                    if (t.status == TaskStatus.SKIPPED) {
                        t.skipReason = e.detail();
                    }
                    leaveFlight(run, t);
                    countFinished(t);
                    doneEver.add(t.key);
                    for (TaskKey down : t.downstreams) {
                        TaskRecord d = run.tasks.get(down);
                        d.pendingUpstreams--;
                        if (d.pendingUpstreams == 0 && d.status == TaskStatus.PLANNED) {
                            move(run, d, TaskStatus.READY);
                            run.ready.add(d.key);
                        }
                    }
                }
            }
            case ATTEMPT_FAILED -> {
                if (e.dispatch() == t.dispatch) {
                    t.attempts = Math.max(t.attempts, e.attempt());
                    t.lastError = e.detail();
                }
            }
            case DEAD -> {
                if (e.dispatch() == t.dispatch && t.status.inFlight()) {
                    die(run, t, e.at(), e.attempt(), e.detail());
                }
            }
            case DAILY_QUOTA -> {
                DailyQuotaRow row = DailyQuotaRow.parse(e.detail());
                quotaHolds.met(run.runId, row, e.at());
                // DEAD already when its dead letter came before its failed attempt's event (two subscriptions)
                if (e.dispatch() == t.dispatch && (t.status.inFlight() || t.status == TaskStatus.READY
                        || t.status == TaskStatus.DEAD)) {
                    t.dailyQuota = row.quota();
                }
                if (e.dispatch() == t.dispatch && t.status == TaskStatus.READY) {
                    // held back: it would meet the quota too, so it ends DEAD without being sent
                    run.ready.remove(t.key);
                    die(run, t, e.at(), e.attempt(), DailyQuotaHolds.heldReason(row, run.runId));
                }
            }
            case REQUEUED -> {
                if (t.status.inFlight()) {
                    requeue(run, t);
                }
            }
            case REPLAYED -> {
                // a cancelled run dispatches nothing: a task replayed there would keep it CANCELLING for ever
                if (t.status == TaskStatus.DEAD && !run.cancelRequested) {
                    move(run, t, TaskStatus.PLANNED);
                    t.finishedAt = null;
                    t.dailyQuota = null;
                    run.finished = false;
                    recomputeBlocked(run);
                }
            }
            default -> {
                // run-level types never carry a task
            }
        }
    }

    private void applyRunEvent(RunState run, LedgerEvent e) {
        switch (e.type()) {
            case CANCEL_REQUESTED -> {
                if (run.finished) {
                    // refused live; a ledger written before that was refused still folds to what really happened
                    return;
                }
                run.cancelRequested = true;
                run.ready.clear();
                for (TaskRecord t : run.tasks.values()) {
                    if (t.status == TaskStatus.PLANNED || t.status == TaskStatus.READY || t.status == TaskStatus.BLOCKED) {
                        move(run, t, TaskStatus.CANCELLED);
                    }
                }
            }
            case RUN_FINISHED -> {
                run.finished = true;
                run.finishedAt = e.at();
                quotaHolds.runFinished(run.runId);
            }
            case PAUSED -> run.paused = !run.finished && !run.cancelRequested;
            case RESUMED -> run.paused = false;
            default -> {
                // RUN_ACCEPTED and PLANNED rows are folded by addRun
            }
        }
    }

    /**
     * Takes back a dispatch whose DateWork Pub/Sub did not take: its DISPATCHED row was never written, so the task is
     * what a fold of the ledger makes it, READY to be dispatched again (CANCELLED once its run was cancelled). The
     * dispatch number stays, so the next dispatch is a higher one and a late event of this one is stale. Nothing
     * changes when the task has moved on meanwhile (an event of that dispatch arrived: Pub/Sub did take it).
     */
    public void withdraw(Dispatch d) {
        RunState run = runs.get(d.runId());
        TaskRecord t = run == null ? null : run.tasks.get(d.task());
        if (t != null && t.status == TaskStatus.DISPATCHED && t.dispatch == d.dispatch()) {
            requeue(run, t);
        }
    }

    /** Out of flight and READY again; CANCELLED in a cancelled run, which dispatches nothing more and must finish. */
    private void requeue(RunState run, TaskRecord t) {
        leaveFlight(run, t);
        if (run.cancelRequested) {
            move(run, t, TaskStatus.CANCELLED);
        } else {
            move(run, t, TaskStatus.READY);
            run.ready.add(t.key);
        }
    }

    private void enterFlight(RunState run, TaskRecord t) {
        inFlight.put(t.key, run.runId);
        inFlightPerProcessor.merge(t.key.processor(), 1, Integer::sum);
        inFlightPerTable.merge(table(t.key), 1, Integer::sum);
        run.inFlight++;
    }

    private void leaveFlight(RunState run, TaskRecord t) {
        if (inFlight.remove(t.key) != null) {
            inFlightPerProcessor.merge(t.key.processor(), -1, Integer::sum);
            inFlightPerTable.merge(table(t.key), -1, Integer::sum);
            run.inFlight--;
        }
    }

    /** A task ends DEAD (in flight, or READY and held back unsent) and its downstream is BLOCKED. */
    private void die(RunState run, TaskRecord t, java.time.Instant at, int attempt, String detail) {
        move(run, t, TaskStatus.DEAD);
        t.finishedAt = at;
        t.attempts = Math.max(t.attempts, attempt);
        if (detail != null && !detail.isBlank()) {
            t.lastError = detail;
        }
        leaveFlight(run, t);
        countFinished(t);
        block(run, t);
    }

    private void countFinished(TaskRecord t) {
        finishedPerPhase.merge(catalog.get(t.key.processor()).phase(), 1L, Long::sum);
    }

    /** Every status change goes through here, so the run's unfinished count per level stays exact. */
    private static void move(RunState run, TaskRecord t, TaskStatus to) {
        if (t.status.terminal() != to.terminal()) {
            run.unfinishedPerLevel[run.level(t.key)] += to.terminal() ? -1 : 1;
        }
        t.status = to;
    }

    /** Everything downstream of a dead task that has not run yet is BLOCKED, transitively. */
    private static void block(RunState run, TaskRecord dead) {
        Deque<TaskKey> queue = new ArrayDeque<>(dead.downstreams);
        while (!queue.isEmpty()) {
            TaskRecord d = run.tasks.get(queue.poll());
            if (d.status == TaskStatus.PLANNED || d.status == TaskStatus.READY) {
                run.ready.remove(d.key);
                move(run, d, TaskStatus.BLOCKED);
                queue.addAll(d.downstreams);
            }
        }
    }

    /** After a replay: unblock everything, then block again below the tasks still dead. */
    private static void recomputeBlocked(RunState run) {
        for (TaskRecord t : run.tasks.values()) {
            if (t.status == TaskStatus.BLOCKED) {
                move(run, t, TaskStatus.PLANNED);
            }
        }
        for (TaskRecord t : run.tasks.values()) {
            if (t.status == TaskStatus.DEAD) {
                block(run, t);
            }
        }
        for (TaskRecord t : run.tasks.values()) {
            if (t.status == TaskStatus.PLANNED && t.pendingUpstreams == 0) {
                move(run, t, TaskStatus.READY);
                run.ready.add(t.key);
            }
        }
    }

    /** {@link #selectDispatches(java.time.Instant)} for a scheduler without table pacing, which needs no time. */
    public List<Dispatch> selectDispatches() {
        if (pacing.paces()) {
            throw new IllegalStateException("a scheduler pacing its tables selects at a given time");
        }
        return selectDispatches(java.time.Instant.EPOCH);
    }

    /**
     * READY tasks to send at {@code now}, earliest date first across runs, as each run's policy allows, within
     * the global and per-processor in-flight limits, each output table's pacing and in-flight limit (lowered by its
     * own quota errors only, so a hot table holds back its own tasks and no other's), and never a (processor, date)
     * already in flight in any run. Changes nothing: the caller publishes, records DISPATCHED, and applies it.
     */
    public List<Dispatch> selectDispatches(java.time.Instant now) {
        List<Dispatch> out = new ArrayList<>();
        int room = globalLimit - inFlight.size();
        if (room <= 0) {
            return out;
        }
        Map<String, Integer> flying = new HashMap<>(inFlightPerProcessor);
        Map<String, Integer> flyingPerTable = new HashMap<>(inFlightPerTable);
        Map<String, Integer> tableRoom = new HashMap<>();
        Set<TaskKey> taken = new HashSet<>(inFlight.keySet());
        Set<String> saturated = new HashSet<>();
        int processors = catalog.names().size();
        PriorityQueue<Cursor> merge = new PriorityQueue<>((a, b) -> order.compare(a.head, b.head));
        for (RunState run : runs.values()) {
            if (!run.cancelRequested && !run.paused && !run.ready.isEmpty()) {
                Iterator<TaskKey> it = startable(run);
                if (it.hasNext()) {
                    merge.add(new Cursor(run, it, it.next()));
                }
            }
        }
        while (!merge.isEmpty() && out.size() < room && saturated.size() < processors) {
            Cursor c = merge.poll();
            TaskKey key = c.head;
            int limit = catalog.get(key.processor()).concurrency();
            int flyingNow = flying.getOrDefault(key.processor(), 0);
            String table = table(key);
            int tableLeft = tableRoom.computeIfAbsent(table, tb -> pacing.room(tb, now));
            int tableFlying = flyingPerTable.getOrDefault(table, 0);
            if (flyingNow >= limit || tableLeft == 0 || tableFlying >= tableLimits.limit(table)) {
                saturated.add(key.processor());
            } else if (!taken.contains(key)) {
                TaskRecord t = c.run.tasks.get(key);
                out.add(new Dispatch(c.run.runId, key, t.dispatch + 1, catalog.get(key.processor()).phase()));
                flying.put(key.processor(), flyingNow + 1);
                tableRoom.put(table, tableLeft - 1);
                flyingPerTable.put(table, tableFlying + 1);
                taken.add(key);
            }
            if (c.it.hasNext()) {
                c.head = c.it.next();
                merge.add(c);
            }
        }
        return out;
    }

    /**
     * When a table whose pacing budget is spent at {@code now} may take a dispatch again: the caller selects anew
     * then, or READY tasks held only by pacing would wait for an unrelated event.
     */
    public Optional<java.time.Instant> nextPacingRelease(java.time.Instant now) {
        return pacing.nextRelease(now);
    }

    /** The table {@code key}'s processor writes. */
    String table(TaskKey key) {
        return catalog.get(key.processor()).table();
    }

    /** The phase of {@code key}'s processor. */
    int phase(TaskKey key) {
        return catalog.get(key.processor()).phase();
    }

    /** The run's READY tasks that its policy lets start now, in plan order; the run's ready set is not empty. */
    private static Iterator<TaskKey> startable(RunState run) {
        return switch (run.policy()) {
            case PER_DATE -> run.ready.iterator();
            case PHASE_BARRIER -> {
                int open = run.barrierLevel();
                yield run.ready.stream().filter(k -> run.level(k) <= open).iterator();
            }
            case SEQUENTIAL -> run.inFlight > 0 ? Collections.emptyIterator() : List.of(run.ready.first()).iterator();
        };
    }

    private static final class Cursor {
        final RunState run;
        final Iterator<TaskKey> it;
        TaskKey head;

        Cursor(RunState run, Iterator<TaskKey> it, TaskKey head) {
            this.run = run;
            this.it = it;
            this.head = head;
        }
    }

    /** Runs whose tasks are all terminal but that have not been reported finished yet. */
    public List<RunState> runsToFinish() {
        Set<String> flyingRuns = new HashSet<>(inFlight.values());
        return runs.values().stream()
                .filter(r -> !r.finished && r.ready.isEmpty() && !flyingRuns.contains(r.runId) && r.allTerminal())
                .toList();
    }

    /** Tasks dispatched or running in any run, for requeueing when the broker lost its messages. */
    public List<Dispatch> inFlightTasks() {
        List<Dispatch> out = new ArrayList<>();
        inFlight.forEach((key, runId) -> out.add(new Dispatch(runId, key, runs.get(runId).tasks.get(key).dispatch,
                catalog.get(key.processor()).phase())));
        return out;
    }

    /** DEAD tasks of a run matching the filters (empty filter: all). */
    public List<TaskRecord> deadTasks(String runId, Set<String> processors, Set<java.time.LocalDate> dates) {
        RunState run = runs.get(runId);
        if (run == null) {
            return List.of();
        }
        return run.tasks.values().stream()
                .filter(t -> t.status == TaskStatus.DEAD)
                .filter(t -> processors.isEmpty() || processors.contains(t.key.processor()))
                .filter(t -> dates.isEmpty() || dates.contains(t.key.date()))
                .toList();
    }
}
