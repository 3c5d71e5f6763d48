package fullcourt.coordinator;

import fullcourt.coordinator.dispatch.AdaptiveLimit;
import fullcourt.coordinator.dispatch.Dispatch;
import fullcourt.coordinator.dispatch.LedgerFold;
import fullcourt.coordinator.dispatch.RunState;
import fullcourt.coordinator.dispatch.Scheduler;
import fullcourt.coordinator.dispatch.TaskRecord;
import fullcourt.coordinator.intake.PlatformDay;
import fullcourt.coordinator.intake.TaskEventQueue;
import fullcourt.coordinator.lease.CoordinatorLease;
import fullcourt.coordinator.lease.LeaseKeeper;
import fullcourt.coordinator.lease.LeaseTable;
import fullcourt.coordinator.ledger.LedgerEvent;
import fullcourt.coordinator.ledger.LedgerEventType;
import fullcourt.coordinator.ledger.IsolatingAppend;
import fullcourt.coordinator.ledger.LedgerRows;
import fullcourt.coordinator.ledger.TaskLedger;
import fullcourt.coordinator.trust.LedgerQuarantine;
import fullcourt.coordinator.trust.MessageScreen;
import fullcourt.coordinator.trust.RequestSize;
import fullcourt.coordinator.trust.Requester;
import fullcourt.coordinator.trust.UnknownRun;
import fullcourt.coordinator.trust.Verdict;
import fullcourt.coordinator.lineage.LineageService;
import fullcourt.coordinator.metrics.CoordinatorMetrics;
import fullcourt.coordinator.plan.Plan;
import fullcourt.coordinator.plan.Planner;
import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.SeasonCalendar;
import fullcourt.engine.logging.TaskMdc;
import fullcourt.engine.transport.ConfirmedPublisher;
import fullcourt.engine.transport.PubSubRuntime;
import fullcourt.engine.transport.PullGate;
import fullcourt.engine.transport.PullGates;
import fullcourt.engine.warehouse.Warehouse;
import fullcourt.messages.BackfillRequest;
import fullcourt.messages.BackfillRequestValidator;
import fullcourt.messages.DateWork;
import fullcourt.messages.DispatchToken;
import fullcourt.messages.LogText;
import fullcourt.messages.InvalidMessageException;
import fullcourt.messages.MessageCodec;
import fullcourt.messages.RequestLimits;
import fullcourt.messages.RunEvent;
import fullcourt.messages.RunSummary;
import fullcourt.messages.TaskEvent;
import fullcourt.messages.Topics;
import fullcourt.engine.lifecycle.ShutdownOrder;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.jboss.logging.Logger;

/**
 * Owns run state. Every change goes through one thread (the loop) in the same order: append to the
 * ledger, fold into the {@link Scheduler}, then act (dispatch, report finished runs). A message is
 * acked only after its ledger rows are written, so a killed coordinator loses nothing and, on
 * start, folds the ledger back into the state it had.
 */
@ApplicationScoped
public class Coordinator {

    private static final Logger LOG = Logger.getLogger(Coordinator.class);
    private static final long PUBLISH_TIMEOUT_SECONDS = 60;
    /** The gate of the coordinator's input channels ({@code mp.messaging.incoming.*.gate}): open while it holds the lease. */
    public static final String GATE = "coordinator-lease";

    @Inject
    Catalog catalog;
    @Inject
    Warehouse warehouse;
    @Inject
    CoordinatorConfig config;
    @Inject
    Clock clock;
    @Inject
    PubSubRuntime pubsub;
    @Inject
    @Channel("coordinator-out")
    Emitter<Object> out;
    @Inject
    CoordinatorMetrics metrics;
    @Inject
    LineageService lineage;
    @Inject
    DispatchToken tokens;
    @Inject
    PullGates gates;
    @Inject
    Event<RunFinished> runFinished;
    @Inject
    Event<TaskDied> taskDied;

    private volatile LoopWatch watch;
    private ExecutorService loop;
    private Scheduler scheduler;
    private Planner planner;
    private TaskLedger ledger;
    private AdaptiveLimit adaptive;
    private volatile boolean started;
    private TaskEventQueue taskEvents;
    private MessageScreen screen;
    private volatile CoordinatorLease lease;
    private LeaseKeeper keeper;
    private PullGate gate;

    void onStart(@Observes StartupEvent event) {
        begin(gates.gate(GATE), CoordinatorLease.newHolderId());
    }

    /**
     * Takes the coordinator lease and leads (rebuilds from the ledger, opens {@code gate} to consume), or stands by
     * until the holder's lease runs out; a lost lease closes the gate and stops the loop (see {@link LeaseKeeper}).
     */
    public synchronized void begin(PullGate gate, String holder) {
        CoordinatorConfig.Lease l = config.lease();
        this.gate = gate;
        lease = new CoordinatorLease(LeaseTable.on(warehouse), l.name(), holder, l.duration(), clock);
        keeper = new LeaseKeeper(lease, l.renewInterval(), clock, new LeaseKeeper.Role() {
            @Override
            public void lead() {
                start();
                gate.open();
            }

            @Override
            public void standDown(String why) {
                gate.close();
                stop();
                LOG.errorf("Coordinator %s stood down: %s", holder, why);
            }
        });
        keeper.start();
    }

    /** This coordinator's lease: held or not, its epoch, whom a standby waits for. */
    public CoordinatorLease lease() {
        return lease;
    }

    /** Stops at once without giving the lease back, as a killed process would (tests, drills). */
    public synchronized void halt() {
        keeper.halt();
        lease.abandon();
        gate.close();
        stop();
    }

    /** Whether the loop takes work (between start and stop). */
    public boolean running() {
        return started;
    }

    /** The loop thread's liveness: alive, and how long its current turn has taken. */
    public LoopWatch.State loopState() {
        LoopWatch w = watch;
        return w == null ? new LoopWatch.State(false, Duration.ZERO, null) : w.state();
    }

    /** Rebuilds state from the ledger and resumes dispatching. */
    public synchronized void start() {
        if (started) {
            return;
        }
        watch = new LoopWatch(clock);
        loop = Executors.newSingleThreadExecutor(watch::newThread);
        taskEvents = new TaskEventQueue(work -> loop.execute(turn(work)), this::handleTaskEvents);
        screen = new MessageScreen(tokens, metrics);
        try {
            rebuildOnLoop();
        } catch (RuntimeException e) {
            loop.shutdownNow(); // a later takeover starts a fresh one
            throw e;
        }
        started = true;
    }

    private void rebuildOnLoop() {
        call(() -> {
            planner = new Planner(catalog);
            scheduler = new Scheduler(catalog, config.globalInFlight());
            CoordinatorConfig.Adaptive a = config.adaptive();
            adaptive = new AdaptiveLimit(config.globalInFlight(), a.enabled(), a.decreaseFactor(), a.increaseAfter(),
                    a.cooldown());
            ledger = lease == null ? new TaskLedger(warehouse) : new TaskLedger(warehouse, lease);
            rebuild();
            if (pubsub.brokerIsEphemeral()) {
                requeueInFlight();
            }
            afterChange();
            return null;
        });
    }

    private void rebuild() {
        LedgerRows.Read read = ledger.read();
        List<LedgerRows.Quarantined> quarantined = new ArrayList<>(read.quarantined());
        quarantined.addAll(LedgerFold.into(scheduler, planner, read.rows(), SeasonCalendar.load(warehouse)));
        LedgerQuarantine.report(quarantined, metrics);
        long active = scheduler.runs().stream().filter(r -> !r.finished()).count();
        LOG.infof("Ledger folded: %d rows, %d runs (%d active), %d tasks in flight%s", read.rows().size(),
                scheduler.runs().size(), active, scheduler.inFlightCount(),
                quarantined.isEmpty() ? "" : "; " + quarantined.size() + " rows QUARANTINED (see the errors above)");
    }

    /**
     * The embedded emulator starts empty: work dispatched before this process started is gone, so
     * the tasks still in flight are made READY again and dispatched anew (a higher dispatch number
     * makes any late event of the old dispatch stale). Real Pub/Sub keeps them, so not done there.
     */
    private void requeueInFlight() {
        Instant now = clock.instant();
        List<LedgerEvent> rows = scheduler.inFlightTasks().stream()
                .map(d -> LedgerEvent.task(d.runId(), d.task(), LedgerEventType.REQUEUED, d.dispatch(), 0, now,
                        "broker restarted empty"))
                .toList();
        append(rows);
        rows.forEach(scheduler::apply);
        if (!rows.isEmpty()) {
            LOG.infof("Requeued %d tasks that were in flight when the previous process stopped", rows.size());
        }
    }

    /** Stops taking work; what is in the ledger stays for the next start. */
    void onStop(@Observes @Priority(ShutdownOrder.STOP_COORDINATOR) ShutdownEvent event) {
        if (keeper != null) {
            keeper.halt();
            gate.close();
        }
        stop();
        if (keeper != null) {
            keeper.close(); // gives the lease back: a successor takes over at once
        }
    }

    public synchronized void stop() {
        if (!started) {
            return;
        }
        started = false;
        loop.shutdown();
        try {
            loop.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs {@code work} on the loop and waits for it. */
    public <T> T call(Callable<T> work) {
        ExecutorService loop = this.loop;
        if (loop == null || loop.isShutdown()) {
            throw lease == null ? new CoordinatorStopped() : new fullcourt.coordinator.lease.NotLeaseHolder(lease.status());
        }
        try {
            return loop.submit(turn(work)).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Runs {@code work} on the loop; the stage completes when it has. */
    public CompletionStage<Void> submit(Runnable work) {
        if (!started) {
            return CompletableFuture.failedFuture(new CoordinatorStopped());
        }
        try {
            return CompletableFuture.runAsync(turn(work), loop);
        } catch (java.util.concurrent.RejectedExecutionException stoppedMeanwhile) {
            return CompletableFuture.failedFuture(new CoordinatorStopped());
        }
    }

    /** A turn of the loop: watched for liveness and timed. */
    private <T> Callable<T> turn(Callable<T> work) {
        Callable<T> watched = watch.timed(work);
        return () -> {
            var sample = metrics.begin();
            try {
                return watched.call();
            } finally {
                metrics.loopTurn(sample);
            }
        };
    }

    private Runnable turn(Runnable work) {
        Runnable watched = watch.timed(work);
        return () -> {
            var sample = metrics.begin();
            try {
                watched.run();
            } finally {
                metrics.loopTurn(sample);
            }
        };
    }

    // ---- requests ----

    /** Resolves, validates, plans and records a request; a bad one becomes a REJECTED run event, never an exception. */
    public void handleRequest(byte[] body, String messageId) {
        BackfillRequest request;
        try {
            request = MessageCodec.decode(body, BackfillRequest.class);
        } catch (InvalidMessageException e) {
            reject("rejected-" + messageId, null, e.problems());
            return;
        }
        request = new PlatformDay(clock, config.timeZone()).resolve(request);
        List<String> problems = new ArrayList<>(BackfillRequestValidator.validate(request,
                new RequestLimits(config.maxRangeDays(), config.maxDates()), catalog.names()));
        RequestSize.problem(request).ifPresent(problems::add);
        if (!problems.isEmpty()) {
            reject(request.requestId(), request.requestId(), problems);
            return;
        }
        String runId = request.requestId();
        try (TaskMdc mdc = TaskMdc.ofRun(runId)) {
            accept(request, runId);
        }
    }

    private void accept(BackfillRequest request, String runId) {
        Optional<RunState> existing = scheduler.run(runId);
        if (existing.isPresent()) {
            // answered at once, so a client waiting for an answer to a repeated id is not left to time out
            RunState run = existing.get();
            LOG.infof("Request %s already accepted as run %s; ignoring the duplicate", request.requestId(), runId);
            publishRunEvent(RunEvent.accepted(runId, request.requestId(), clock.instant(), "already accepted at "
                    + run.acceptedAt() + ", now " + run.status() + ": this repeat of request id " + runId
                    + " changes nothing"));
            return;
        }
        SeasonCalendar calendar = SeasonCalendar.load(warehouse);
        Plan plan = planner.plan(request, lineage.states(calendar, request.mode() == BackfillRequest.Mode.STALE),
                calendar);
        if (plan.isRefused()) {
            reject(runId, request.requestId(), plan.refusalReasons());
            return;
        }
        Instant now = clock.instant();
        if (request.dryRun()) {
            publishRunEvent(RunEvent.accepted(runId, request.requestId(), now,
                    "DRY RUN, nothing dispatched\n" + plan.describe()));
            LOG.infof("Dry run %s: %d tasks planned, nothing dispatched", runId, plan.tasks().size());
            return;
        }
        List<LedgerEvent> rows = new ArrayList<>(plan.tasks().size() + 1);
        rows.add(LedgerEvent.accepted(runId, now, request));
        plan.tasks().forEach(t -> rows.add(LedgerEvent.task(runId, t, LedgerEventType.PLANNED, 0, 0, now, null)));
        append(rows);
        scheduler.addRun(runId, request, now, plan);
        publishRunEvent(RunEvent.accepted(runId, request.requestId(), now, plan.describe()));
        LOG.infof("Run %s accepted: %s", runId, plan.describe().lines().findFirst().orElse(""));
        afterChange();
    }

    private void reject(String runId, String requestId, List<String> reasons) {
        try (TaskMdc mdc = TaskMdc.ofRun(runId)) {
            metrics.rejected(MessageScreen.REQUEST, "invalid");
            LOG.warnf("Request %s rejected: %s", LogText.of(runId),
                    LogText.of(String.join("; ", RunEvent.firstOf(reasons)), 2000));
            publishRunEvent(RunEvent.rejected(runId, requestId, clock.instant(), reasons));
        }
    }

    // ---- task events and dead letters ----

    /**
     * Hands a task event to the loop; the stage completes once its ledger row is written (or the
     * event was dropped: unreadable, or of an unknown run) and fails when writing failed, so the
     * caller acks or nacks on it. Events that gather while the loop is busy are handled in one
     * turn ({@link TaskEventQueue}).
     */
    public CompletionStage<Void> submitTaskEvent(byte[] body) {
        if (!started) {
            return CompletableFuture.failedFuture(new CoordinatorStopped());
        }
        return taskEvents.submit(body);
    }

    /**
     * Task events in the order received: each checked ({@link MessageScreen}), the accepted ones' rows in one ledger
     * transaction, then applied, then acted on once. Returns, per event, null (handled: written, or rejected and
     * harmless) or why it goes back to Pub/Sub (its run is unknown here; its row could not be written).
     */
    private List<RuntimeException> handleTaskEvents(List<byte[]> bodies) {
        metrics.taskEventsInTurn(bodies.size());
        List<RuntimeException> outcomes = new ArrayList<>(java.util.Collections.nCopies(bodies.size(), null));
        List<LedgerEvent> rows = new ArrayList<>(bodies.size());
        List<Integer> rowOf = new ArrayList<>(bodies.size());
        List<TaskEvent> accepted = new ArrayList<>(bodies.size());
        for (int i = 0; i < bodies.size(); i++) {
            TaskEvent e;
            try {
                e = MessageCodec.decode(bodies.get(i), TaskEvent.class);
            } catch (InvalidMessageException ex) {
                screen.rejected(MessageScreen.TASK_EVENT, "invalid", ex.getMessage());
                continue;
            }
            Verdict verdict = screen.taskEvent(e, scheduler);
            if (verdict.kind() == Verdict.Kind.UNKNOWN_RUN) {
                LOG.debugf("Task event of unknown run %s handed back to Pub/Sub", e.runId());
                outcomes.set(i, new UnknownRun(verdict.detail()));
            } else if (verdict.accepted()) {
                rows.add(LedgerEvent.of(e, new TaskKey(e.processor(), e.date())));
                rowOf.add(i);
                accepted.add(e);
            }
        }
        List<RuntimeException> failures = IsolatingAppend.each(rows, this::append);
        for (int r = 0; r < rows.size(); r++) {
            if (failures.get(r) != null) {
                outcomes.set(rowOf.get(r), failures.get(r));
            } else {
                // quota feedback only from events accepted and written: a forged QUOTA failure changes nothing
                adapt(accepted.get(r), rows.get(r).task());
                scheduler.apply(rows.get(r));
            }
        }
        afterChange();
        return outcomes;
    }

    /** Lowers the global in-flight limit on a quota error, raises it back on successes; before dispatching more. */
    private void adapt(TaskEvent e, TaskKey key) {
        Instant now = clock.instant();
        java.util.Optional<AdaptiveLimit.Change> change = switch (e.type()) {
            case ATTEMPT_FAILED -> e.quotaError() ? adaptive.onQuotaError(now, key.taskId()) : java.util.Optional.empty();
            case SUCCEEDED -> adaptive.onSuccess(now);
            default -> java.util.Optional.empty();
        };
        change.ifPresent(c -> {
            scheduler.setGlobalLimit(c.to());
            LOG.infof("In-flight limit %d -> %d (configured %d): %s", c.from(), c.to(), adaptive.configured(), c.reason());
        });
    }

    /** The global in-flight limit now, as configured, and its latest changes. */
    public AdaptiveLimit adaptiveLimit() {
        return adaptive;
    }

    /**
     * A dead-lettered DateWork ends its task DEAD, if it is one this coordinator dispatched and still has in flight
     * ({@link MessageScreen}); anything else is rejected (acked, counted), and a dead letter of an unknown run is
     * handed back ({@link UnknownRun}).
     */
    public void handleDeadLetter(byte[] body, int deliveries, String error) {
        DateWork work;
        try {
            work = MessageCodec.decode(body, DateWork.class);
        } catch (InvalidMessageException ex) {
            screen.rejected(MessageScreen.DEAD_LETTER, "invalid", ex.getMessage() + " (its error: "
                    + LogText.of(error) + ")");
            return;
        }
        Verdict verdict = screen.deadLetter(work, scheduler);
        if (verdict.kind() == Verdict.Kind.UNKNOWN_RUN) {
            throw new UnknownRun(verdict.detail());
        }
        if (!verdict.accepted()) {
            return;
        }
        TaskKey key = new TaskKey(work.processor(), work.date());
        String lastError = error == null ? null : LogText.multiline(error, 1000);
        if (lastError == null || lastError.isBlank()) {
            lastError = scheduler.run(work.runId()).map(r -> r.task(key)).map(TaskRecord::lastError)
                    .orElse("dead-lettered after " + deliveries + " delivery attempts");
        }
        try (TaskMdc mdc = TaskMdc.of(work.runId(), work.processor(), work.date())) {
            boolean deadBefore = statusOf(work.runId(), key) == TaskStatus.DEAD;
            LOG.warnf("Task %s of run %s is DEAD after %d attempts: %s", key, work.runId(), deliveries,
                    LogText.of(lastError, 1000));
            record(LedgerEvent.task(work.runId(), key, LedgerEventType.DEAD, work.dispatch(), deliveries,
                    clock.instant(), lastError));
            if (!deadBefore && statusOf(work.runId(), key) == TaskStatus.DEAD) {
                metrics.taskDead(key.processor(), catalog.get(key.processor()).phase());
                taskDied.fire(new TaskDied(work.runId(), key, deliveries, lastError));
            }
        }
    }

    private TaskStatus statusOf(String runId, TaskKey key) {
        return scheduler.run(runId).map(r -> r.task(key)).map(TaskRecord::status).orElse(null);
    }

    private void record(LedgerEvent e) {
        if (scheduler.run(e.runId()).isEmpty()) {
            LOG.debugf("Event for unknown run %s handed back", e.runId());
            throw new UnplacedEvent(e.runId());
        }
        append(e);
        scheduler.apply(e);
        afterChange();
    }

    // ---- operator actions ----

    /** Who asks when the caller does not say: the coordinator's API. */
    public static final String DEFAULT_REQUESTER = "api";

    /** Re-dispatches DEAD tasks (all, or those matching the filters) and unblocks their downstream. */
    public int replay(String runId, Set<String> processors, Set<LocalDate> dates) {
        return replay(runId, processors, dates, DEFAULT_REQUESTER);
    }

    /** {@link #replay(String, Set, Set)}, its ledger rows recording who asked ({@code requester}). */
    public int replay(String runId, Set<String> processors, Set<LocalDate> dates, String requester) {
        String askedBy = Requester.of(requester);
        return call(() -> {
            List<TaskRecord> dead = scheduler.deadTasks(runId, processors, dates);
            Instant now = clock.instant();
            List<LedgerEvent> rows = dead.stream()
                    .map(t -> LedgerEvent.task(runId, t.key(), LedgerEventType.REPLAYED, t.dispatch(), 0, now,
                            Requester.detail(askedBy)))
                    .toList();
            append(rows);
            rows.forEach(scheduler::apply);
            try (TaskMdc mdc = TaskMdc.ofRun(runId)) {
                LOG.infof("Run %s: %d dead tasks replayed (%s)", runId, rows.size(), Requester.detail(askedBy));
            }
            afterChange();
            return rows.size();
        });
    }

    /**
     * Stops dispatching the run's remaining tasks; tasks in flight finish. A finished run has nothing left to
     * cancel: the answer is then why not, and nothing is written.
     */
    public Optional<String> cancel(String runId) {
        return cancel(runId, DEFAULT_REQUESTER);
    }

    /** {@link #cancel(String)}, its ledger row recording who asked ({@code requester}). */
    public Optional<String> cancel(String runId, String requester) {
        return runAction(runId, LedgerEventType.CANCEL_REQUESTED, RunState::finished, "cancel", requester,
                "cancel requested; tasks in flight finish");
    }

    /**
     * Stops dispatching the run's tasks until it is resumed; tasks in flight finish. Refused once it is finished or
     * cancelled. Its ledger row records who asked ({@code requester}).
     */
    public Optional<String> pause(String runId, String requester) {
        return runAction(runId, LedgerEventType.PAUSED, r -> r.finished() || r.cancelRequested(), "pause", requester,
                "paused; tasks in flight finish, nothing new is dispatched until it is resumed");
    }

    /** Dispatches a paused run's tasks again, the same run going on; its ledger row records who asked. */
    public Optional<String> resume(String runId, String requester) {
        return runAction(runId, LedgerEventType.RESUMED, r -> r.finished() || r.cancelRequested(), "resume",
                requester, "resumed");
    }

    /** An operator's action on a whole run: refused with the reason when the run's state rules it out. */
    private Optional<String> runAction(String runId, LedgerEventType type, Predicate<RunState> refused, String verb,
                                       String requester, String done) {
        String askedBy = Requester.of(requester);
        return call(() -> {
            Optional<RunState> run = scheduler.run(runId);
            if (run.isPresent() && refused.test(run.get())) {
                return Optional.of("run " + runId + " is already " + run.get().status()
                        + (run.get().finishedAt() == null ? "" : " (finished " + run.get().finishedAt() + ")")
                        + ": nothing left to " + verb);
            }
            LedgerEvent e = LedgerEvent.run(runId, type, clock.instant(), Requester.detail(askedBy));
            append(e);
            scheduler.apply(e);
            try (TaskMdc mdc = TaskMdc.ofRun(runId)) {
                LOG.infof("Run %s: %s (%s)", runId, done, Requester.detail(askedBy));
            }
            afterChange();
            return Optional.<String>empty();
        });
    }

    /** Reads state on the loop, so a view never sees a half-applied event. */
    public <T> T read(Function<Scheduler, T> view) {
        return call(() -> view.apply(scheduler));
    }

    /**
     * Reads state on the loop, waiting at most {@code timeout} for it: empty when the loop is busy
     * for longer (or stopped), for readers that would rather show older numbers than wait.
     */
    public <T> Optional<T> tryRead(Function<Scheduler, T> view, Duration timeout) {
        if (!started) {
            return Optional.empty();
        }
        var read = loop.submit(turn(() -> view.apply(scheduler)));
        try {
            return Optional.of(read.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            read.cancel(false);
            return Optional.empty();
        } catch (ExecutionException e) {
            LOG.warnf(e.getCause(), "Reading the coordinator's state failed");
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (RejectedExecutionException e) {
            return Optional.empty();
        }
    }

    /** Writes rows to the ledger in one transaction, timed. */
    private void append(List<LedgerEvent> rows) {
        if (rows.isEmpty()) {
            return;
        }
        var sample = metrics.begin();
        ledger.append(rows);
        metrics.ledgerAppended(sample);
    }

    private void append(LedgerEvent row) {
        append(List.of(row));
    }

    public List<LedgerEvent> history(String runId, TaskKey task) {
        return ledger.history(runId, task.taskId());
    }

    // ---- acting on state ----

    private void afterChange() {
        dispatchReady();
        for (RunState run : scheduler.runsToFinish()) {
            Instant now = clock.instant();
            RunStatus status = run.outcome();
            LedgerEvent e = LedgerEvent.run(run.runId(), LedgerEventType.RUN_FINISHED, now, status.name());
            append(e);
            scheduler.apply(e);
            RunSummary summary = run.summary(now);
            try (TaskMdc mdc = TaskMdc.ofRun(run.runId())) {
                publishRunEvent(run.cancelRequested()
                        ? RunEvent.cancelled(run.runId(), run.request().requestId(), now, summary)
                        : RunEvent.completed(run.runId(), run.request().requestId(), now, summary));
                runFinished.fire(new RunFinished(run.runId(), status, summary));
                if (status == RunStatus.COMPLETED_WITH_FAILURES) {
                    LOG.warnf("Run %s %s: %s", run.runId(), status, summary);
                } else {
                    LOG.infof("Run %s %s: %s", run.runId(), status, summary);
                }
            }
        }
    }

    private void dispatchReady() {
        while (true) {
            if (lease != null) {
                lease.check(); // never publish work without the lease; the DISPATCHED rows are fenced in the ledger too
            }
            List<Dispatch> chosen = scheduler.selectDispatches();
            if (chosen.isEmpty()) {
                return;
            }
            List<CompletableFuture<Void>> sent = new ArrayList<>(chosen.size());
            for (Dispatch d : chosen) {
                boolean cutoff = scheduler.run(d.runId()).map(RunState::allowsEarlyCutoff).orElse(false);
                DateWork work = tokens.signed(DateWork.of(d.runId(), d.task().taskId(), d.task().processor(),
                        d.task().date(), d.dispatch()).withEarlyCutoff(cutoff));
                sent.add(ConfirmedPublisher.send(out, work, work.attributes(), Topics.DEFAULT.work(d.phase()))
                        .toCompletableFuture());
            }
            List<LedgerEvent> rows = new ArrayList<>(chosen.size());
            Instant now = clock.instant();
            var confirming = metrics.begin();
            for (int i = 0; i < chosen.size(); i++) {
                Dispatch d = chosen.get(i);
                try (TaskMdc mdc = TaskMdc.of(d.runId(), d.task().processor(), d.task().date())) {
                    try {
                        sent.get(i).get(PUBLISH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                        rows.add(LedgerEvent.task(d.runId(), d.task(), LedgerEventType.DISPATCHED, d.dispatch(), 0, now,
                                null));
                        metrics.dispatched(d.task().processor(), d.phase());
                        LOG.debugf("Dispatched %s of run %s to phase %d (dispatch %d)", d.task(), d.runId(), d.phase(),
                                d.dispatch());
                    } catch (Exception e) {
                        // left READY: the next change dispatches it again
                        LOG.errorf("Could not publish %s of run %s: %s", d.task(), d.runId(), e.getMessage());
                    }
                }
            }
            metrics.dispatchesConfirmed(confirming);
            append(rows);
            rows.forEach(scheduler::apply);
            if (rows.size() < chosen.size()) {
                return;
            }
        }
    }

    private void publishRunEvent(RunEvent event) {
        try {
            ConfirmedPublisher.send(out, event, Map.of("runId", event.runId(), "type", event.type().name()), null)
                    .toCompletableFuture().get(PUBLISH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.errorf("Could not publish run event %s %s: %s", event.type(), event.runId(), e.getMessage());
        }
    }
}
