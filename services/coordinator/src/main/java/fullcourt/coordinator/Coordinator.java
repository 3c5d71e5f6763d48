package fullcourt.coordinator;

import fullcourt.coordinator.dispatch.AdaptiveLimit;
import fullcourt.coordinator.dispatch.LedgerReplay;
import fullcourt.coordinator.dispatch.PacingAlarm;
import fullcourt.coordinator.dispatch.RunBook;
import fullcourt.coordinator.dispatch.Scheduler;
import fullcourt.coordinator.intake.BackfillRequests;
import fullcourt.coordinator.intake.TaskEventQueue;
import fullcourt.coordinator.intake.TaskOutcomes;
import fullcourt.coordinator.lease.CoordinatorLease;
import fullcourt.coordinator.lease.Leadership;
import fullcourt.coordinator.lease.LeaseTable;
import fullcourt.coordinator.lease.NotLeaseHolder;
import fullcourt.coordinator.ledger.LedgerEvent;
import fullcourt.coordinator.lineage.LineageService;
import fullcourt.coordinator.metrics.CoordinatorMetrics;
import fullcourt.coordinator.operator.RunActions;
import fullcourt.coordinator.plan.Planner;
import fullcourt.coordinator.trust.InboundScreen;
import fullcourt.coordinator.trust.MessageScreen;
import fullcourt.coordinator.trust.Requester;
import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.lifecycle.ShutdownOrder;
import fullcourt.engine.tracing.TaskSpans;
import fullcourt.engine.transport.PubSubRuntime;
import fullcourt.engine.transport.PullGate;
import fullcourt.engine.transport.PullGates;
import fullcourt.engine.warehouse.Warehouse;
import fullcourt.messages.DispatchToken;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.jboss.logging.Logger;

/**
 * Owns run state. Every change goes through one thread (the loop) in the same order: hand its rows to the
 * ledger writer, fold into the {@link Scheduler}, then act (dispatch, report finished runs; {@link RunBook}). A message
 * is acked only after its ledger rows are written, so a killed coordinator loses nothing and, on
 * start, folds the ledger back into the state it had; a failed append makes it fold the ledger again.
 */
@ApplicationScoped
public class Coordinator {

    private static final Logger LOG = Logger.getLogger(Coordinator.class);
    /** How long a graceful stop waits for Pub/Sub to confirm the work published (it answers in milliseconds). */
    private static final Duration STOP_PUBLISH_WAIT = Duration.ofSeconds(10);
    /** The gate of the coordinator's input channels ({@code mp.messaging.incoming.*.gate}): open while it holds the lease. */
    public static final String GATE = "coordinator-lease";

    private final Catalog catalog;
    private final Warehouse warehouse;
    private final CoordinatorConfig config;
    private final Clock clock;
    private final PubSubRuntime pubsub;
    private final Emitter<Object> out;
    private final CoordinatorMetrics metrics;
    private final LineageService lineage;
    private final DispatchToken tokens;
    private final PullGates gates;
    /** Notified (webhooks) when a run finishes and when a task goes DEAD. */
    private final Event<RunFinished> runFinished;
    private final Event<TaskDied> taskDied;
    private final TaskSpans spans;

    private volatile CoordinatorLoop loop;
    private PacingAlarm pacingAlarm;
    private RunBook book;
    private AdaptiveLimit adaptive;
    private BackfillRequests requests;
    private RunActions actions;
    private volatile boolean started;
    private TaskEventQueue taskEvents;
    private TaskOutcomes outcomes;
    private volatile Leadership leadership;

    /** Every dependency in one place: the application's bean, and a second coordinator a test builds by hand. */
    @Inject
    Coordinator(Catalog catalog, Warehouse warehouse, CoordinatorConfig config, Clock clock, PubSubRuntime pubsub,
                @Channel("coordinator-out") Emitter<Object> out, CoordinatorMetrics metrics, LineageService lineage,
                DispatchToken tokens, PullGates gates, Event<RunFinished> runFinished, Event<TaskDied> taskDied,
                TaskSpans spans) {
        this.catalog = catalog;
        this.warehouse = warehouse;
        this.config = config;
        this.clock = clock;
        this.pubsub = pubsub;
        this.out = out;
        this.metrics = metrics;
        this.lineage = lineage;
        this.tokens = tokens;
        this.gates = gates;
        this.runFinished = runFinished;
        this.taskDied = taskDied;
        this.spans = spans;
    }

    void onStart(@Observes StartupEvent event) {
        begin(gates.gate(GATE), CoordinatorLease.newHolderId());
    }

    /**
     * Takes the coordinator lease and leads (rebuilds from the ledger, opens {@code gate} to consume), or stands by
     * until the holder's lease runs out; a lost lease closes the gate and stops the loop (see {@link Leadership}).
     */
    public synchronized void begin(PullGate gate, String holder) {
        CoordinatorConfig.Lease l = config.lease();
        leadership = Leadership.of(new CoordinatorLease(LeaseTable.on(warehouse), l.name(), holder, l.duration(), clock,
                l.soleProcess()), l.renewInterval(), clock, gate, this::start, this::stop);
        leadership.keep(); // may lead at once: the lease is known before start() builds the ledger on it
    }

    /** This coordinator's lease: held or not, its epoch, whom a standby waits for. */
    public CoordinatorLease lease() {
        Leadership l = leadership;
        return l == null ? null : l.lease();
    }

    /** Stops at once without giving the lease back, as a killed process would (tests, drills). */
    public synchronized void halt() {
        leadership.abandon();
        stop();
    }

    /** Whether the loop takes work (between start and stop). */
    public boolean running() {
        return started;
    }

    /** The loop thread's liveness: alive, and how long its current turn has taken. */
    public LoopWatch.State loopState() {
        CoordinatorLoop l = loop;
        return l == null ? new LoopWatch.State(false, Duration.ZERO, null) : l.state();
    }

    /** Rebuilds state from the ledger and resumes dispatching. */
    public synchronized void start() {
        if (started) {
            return;
        }
        CoordinatorLoop l = new CoordinatorLoop(clock, metrics);
        loop = l;
        pacingAlarm = new PacingAlarm(clock, () -> submit(() -> book.afterChange()));
        taskEvents = new TaskEventQueue(l::execute, bodies -> outcomes.taskEvents(bodies));
        try {
            rebuildOnLoop();
        } catch (RuntimeException e) {
            l.shutdownNow(); // a later takeover starts a fresh one
            pacingAlarm.close();
            throw e;
        }
        started = true;
    }

    private void rebuildOnLoop() {
        call(() -> {
            buildState(pubsub.brokerIsEphemeral());
            return null;
        });
    }

    /** The state rebuilt from the ledger, all of it or (when that fails) none: the fields change only at the end. */
    private void buildState(boolean requeue) {
        CoordinatorLoop l = loop;
        RunBook.Wiring wiring = new RunBook.Wiring(metrics, clock, tokens, out, spans, runFinished::fire, taskDied::fire,
                pacingAlarm::wakeAt, this::ledgerFailed, l::execute);
        book = LedgerReplay.rebuild(catalog, config, warehouse, lease(), wiring, requeue);
        adaptive = AdaptiveLimit.configured(config);
        requests = new BackfillRequests(book, new Planner(catalog), catalog, warehouse, lineage, config, metrics, clock);
        actions = new RunActions(book, clock);
        outcomes = new TaskOutcomes(book, new InboundScreen(new MessageScreen(tokens, metrics)), adaptive, metrics,
                catalog, clock);
        book.afterChange();
    }

    /**
     * An append failed, so the loop's state is ahead of the ledger: a turn rebuilds it from the ledger, as a start
     * does (the messages whose rows were not written went back to Pub/Sub). Told again by each append refused while
     * the rebuild has not succeeded.
     */
    private void ledgerFailed() {
        try {
            loop.execute(() -> {
                if (!book.ledgerFailed()) {
                    return; // rebuilt already
                }
                book.close(Duration.ofSeconds(30));
                try {
                    buildState(false);
                    LOG.info("State rebuilt from the ledger after a failed append; resuming");
                } catch (RuntimeException e) {
                    LOG.errorf(e, "Rebuilding the state from the ledger failed; tried again at the next change");
                }
            });
        } catch (RejectedExecutionException stopped) {
            LOG.debug("Ledger append failed while stopping; the next start rebuilds from the ledger");
        }
    }

    /** Stops taking work; what is in the ledger stays for the next start. */
    void onStop(@Observes @Priority(ShutdownOrder.STOP_COORDINATOR) ShutdownEvent event) {
        Leadership l = leadership;
        if (l != null) {
            l.stopTakingInput();
        }
        stop();
        if (l != null) {
            l.release();
        }
    }

    public synchronized void stop() {
        if (!started) {
            return;
        }
        started = false;
        pacingAlarm.close();
        recordDispatchesSent();
        loop.shutdown(Duration.ofSeconds(30));
        book.close(Duration.ofSeconds(30));
    }

    /**
     * Publishes no more work and records the work published whose confirmation Pub/Sub sends within
     * {@link #STOP_PUBLISH_WAIT}, so that a restart does not dispatch it again; what is not confirmed by then is
     * dispatched again at the next start (the worker's ledger rows make a second delivery harmless).
     */
    private void recordDispatchesSent() {
        Optional<CompletableFuture<Void>> answered = loop.tryCall(book::stopDispatching, STOP_PUBLISH_WAIT);
        try {
            if (answered.isPresent()) {
                answered.get().get(STOP_PUBLISH_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (TimeoutException | ExecutionException e) {
            LOG.warnf("Stopping: publishes unanswered after %s; the next start dispatches them again", STOP_PUBLISH_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        loop.tryCall(() -> {
            book.recordAnswered();
            return true;
        }, STOP_PUBLISH_WAIT);
    }

    /** Runs {@code work} on the loop and waits for it. */
    public <T> T call(Callable<T> work) {
        CoordinatorLoop loop = this.loop;
        if (loop == null || loop.stopped()) {
            CoordinatorLease lease = lease();
            throw lease == null ? new CoordinatorStopped() : new NotLeaseHolder(lease.status());
        }
        return loop.call(work);
    }

    /** Runs {@code work} on the loop; the stage completes when it has. */
    public CompletionStage<Void> submit(Runnable work) {
        if (!started) {
            return CompletableFuture.failedFuture(new CoordinatorStopped());
        }
        return loop.submit(work);
    }

    // ---- requests ----

    /** Resolves, validates, plans and records a request; a bad one becomes a REJECTED run event, never an exception. */
    public void handleRequest(byte[] body, String messageId) {
        requests.handle(body, messageId);
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

    /** The global in-flight limit now, as configured, and its latest changes. */
    public AdaptiveLimit adaptiveLimit() {
        return adaptive;
    }

    /**
     * A dead-lettered DateWork ends its task DEAD, if it is one this coordinator dispatched and still has in flight;
     * anything else is rejected (acked, counted), and a dead letter of an unknown run is handed back
     * ({@link TaskOutcomes}).
     */
    public void handleDeadLetter(byte[] body, int deliveries, String error) {
        outcomes.deadLetter(body, deliveries, error);
    }

    // ---- operator actions ({@link RunActions}) ----

    /** Who asks when the caller does not say: the coordinator's API. */
    public static final String DEFAULT_REQUESTER = "api";

    /** Re-dispatches DEAD tasks (all, or those matching the filters) and unblocks their downstream. */
    public int replay(String runId, Set<String> processors, Set<LocalDate> dates) {
        return replay(runId, processors, dates, DEFAULT_REQUESTER);
    }

    /** {@link #replay(String, Set, Set)}, its ledger rows recording who asked ({@code requester}). */
    public int replay(String runId, Set<String> processors, Set<LocalDate> dates, String requester) {
        String askedBy = Requester.of(requester);
        return call(() -> actions.replay(runId, processors, dates, askedBy));
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
        String askedBy = Requester.of(requester);
        return call(() -> actions.cancel(runId, askedBy));
    }

    /**
     * Stops dispatching the run's tasks until it is resumed; tasks in flight finish. Refused once it is finished or
     * cancelled. Its ledger row records who asked ({@code requester}).
     */
    public Optional<String> pause(String runId, String requester) {
        String askedBy = Requester.of(requester);
        return call(() -> actions.pause(runId, askedBy));
    }

    /** Dispatches a paused run's tasks again, the same run going on; its ledger row records who asked. */
    public Optional<String> resume(String runId, String requester) {
        String askedBy = Requester.of(requester);
        return call(() -> actions.resume(runId, askedBy));
    }

    // ---- reading state ----

    /** Reads state on the loop, so a view never sees a half-applied event. */
    public <T> T read(Function<Scheduler, T> view) {
        return call(() -> view.apply(book.scheduler()));
    }

    /**
     * Reads state on the loop, waiting at most {@code timeout} for it: empty when the loop is busy
     * for longer (or stopped), for readers that would rather show older numbers than wait.
     */
    public <T> Optional<T> tryRead(Function<Scheduler, T> view, Duration timeout) {
        if (!started) {
            return Optional.empty();
        }
        return loop.tryCall(() -> view.apply(book.scheduler()), timeout);
    }

    public List<LedgerEvent> history(String runId, TaskKey task) {
        return book.history(runId, task);
    }
}
