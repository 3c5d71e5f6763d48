package fullcourt.coordinator.dispatch;

import fullcourt.coordinator.RunFinished;
import fullcourt.coordinator.RunStatus;
import fullcourt.coordinator.TaskDied;
import fullcourt.coordinator.TaskKey;
import fullcourt.coordinator.UnplacedEvent;
import fullcourt.coordinator.lease.CoordinatorLease;
import fullcourt.coordinator.ledger.LedgerEvent;
import fullcourt.coordinator.ledger.LedgerEventType;
import fullcourt.coordinator.ledger.LedgerWriter;
import fullcourt.coordinator.ledger.TaskLedger;
import fullcourt.coordinator.metrics.CoordinatorMetrics;
import fullcourt.engine.logging.TaskMdc;
import fullcourt.engine.tracing.TaskSpans;
import fullcourt.engine.transport.ConfirmedPublisher;
import fullcourt.messages.DateWork;
import fullcourt.messages.DispatchToken;
import fullcourt.messages.RunEvent;
import fullcourt.messages.RunSummary;
import fullcourt.messages.Topics;
import io.opentelemetry.api.trace.Span;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.jboss.logging.Logger;

/**
 * The coordinator's run state while it leads, changed in one order: rows handed to the ledger writer, folded into the
 * {@link Scheduler}, then acted on (ready tasks dispatched, finished runs reported). Task events' and dispatches' rows
 * are written on the {@link LedgerWriter}'s thread while the loop goes on; other changes wait until theirs are durable.
 * A dispatch counts as in flight from its publish; its DISPATCHED row waits for Pub/Sub's confirmation, which the loop
 * does not wait for ({@link UnconfirmedDispatches}). Used on the loop thread only.
 */
public final class RunBook {

    private static final Logger LOG = Logger.getLogger(RunBook.class);
    private static final long PUBLISH_TIMEOUT_SECONDS = 60;
    /** How long a task whose DateWork Pub/Sub did not take waits before it is dispatched again, if no event comes. */
    static final Duration REPUBLISH_AFTER = Duration.ofSeconds(1);
    /** Ledger batches that may wait for the writer (a turn hands over about two: its events' rows, its dispatches). */
    static final int PENDING_BATCHES = 8;

    /**
     * What a run book works with besides its state: {@code runFinished} and {@code taskDied} tell who listens
     * (webhooks); {@code wakeAt} asks for a turn at an instant ({@link PacingAlarm}); {@code ledgerFailed} is told when
     * an append failed; {@code loop} runs a turn on the coordinator's loop (for publish confirmations).
     */
    public record Wiring(CoordinatorMetrics metrics, Clock clock, DispatchToken tokens, Emitter<Object> out,
                         TaskSpans spans, Consumer<RunFinished> runFinished, Consumer<TaskDied> taskDied,
                         Consumer<Instant> wakeAt, Runnable ledgerFailed, Executor loop) {
    }

    private final Scheduler scheduler;
    private final TaskLedger ledger;
    private final LedgerWriter writer;
    private final UnconfirmedDispatches unconfirmed;
    /** DISPATCHED rows confirmed and not handed over yet: they go with the next rows handed over, or on their own. */
    private final List<LedgerEvent> confirmed = new ArrayList<>();
    private boolean flushQueued;
    /** False once the coordinator stops: the tasks ready stay READY in the ledger for the next start. */
    private boolean dispatching = true;
    /** May be null (no lease: nothing to check before dispatching). */
    private final CoordinatorLease lease;
    private final Wiring wiring;
    private final CoordinatorMetrics metrics;
    private final Clock clock;
    private final DailyQuotaGate quotaGate;

    public RunBook(Scheduler scheduler, TaskLedger ledger, CoordinatorLease lease, Wiring wiring) {
        this.scheduler = scheduler;
        this.ledger = ledger;
        this.lease = lease;
        this.wiring = wiring;
        this.metrics = wiring.metrics();
        this.clock = wiring.clock();
        this.writer = new LedgerWriter(this::appendNow, PENDING_BATCHES, metrics, wiring.ledgerFailed());
        this.unconfirmed = new UnconfirmedDispatches(wiring.loop(), this::settlePublishes);
        this.quotaGate = new DailyQuotaGate(scheduler, metrics, clock, this::write, wiring.taskDied());
    }

    /** Tells who listens (webhooks) that a task went DEAD. */
    public void taskDied(TaskDied died) {
        wiring.taskDied().accept(died);
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    public TaskLedger ledger() {
        return ledger;
    }

    /**
     * Writes rows to the ledger in one transaction after those handed over before, and waits until they are durable:
     * for changes acted on at once (a run accepted, finished, an operator's action, a dead letter).
     *
     * @throws RuntimeException the append's failure, or {@link LedgerWriter.LedgerBehind} after an earlier one failed
     */
    public void append(List<LedgerEvent> rows) {
        if (rows.isEmpty()) {
            return;
        }
        var sample = metrics.begin();
        try {
            writer.append(dispatchedRowsBefore(rows));
            writer.append(rows).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        } finally {
            metrics.ledgerWaited(sample);
        }
    }

    public void append(LedgerEvent row) {
        append(List.of(row));
    }

    /**
     * Hands over rows that each stand alone (task events' rows) to be written after those handed over before, not
     * waiting; per row, a future that completes once it is durable ({@link LedgerWriter#appendEach}). The DISPATCHED
     * rows waiting go in the same append, ahead of them.
     */
    public List<CompletableFuture<Void>> appendEach(List<LedgerEvent> rows) {
        List<LedgerEvent> dispatched = dispatchedRowsBefore(rows);
        if (dispatched.isEmpty()) {
            return writer.appendEach(rows);
        }
        List<LedgerEvent> all = new ArrayList<>(dispatched);
        all.addAll(rows);
        return writer.appendEach(all).subList(dispatched.size(), all.size());
    }

    /**
     * The DISPATCHED rows to hand over ahead of {@code rows}: those confirmed and not handed over yet, and those of
     * dispatches still unconfirmed that {@code rows} are the first rows of (their events overtook the confirmation).
     */
    private List<LedgerEvent> dispatchedRowsBefore(List<LedgerEvent> rows) {
        List<LedgerEvent> dispatched = new ArrayList<>(confirmed);
        confirmed.clear();
        dispatched.addAll(recorded(unconfirmed.takeFirstOf(rows)));
        return dispatched;
    }

    /** The DISPATCHED rows of {@code sent}, each dispatch counted as it goes to the ledger. */
    private List<LedgerEvent> recorded(List<UnconfirmedDispatches.Sent> sent) {
        List<LedgerEvent> rows = new ArrayList<>(sent.size());
        for (UnconfirmedDispatches.Sent s : sent) {
            Dispatch d = s.dispatch();
            rows.add(s.row());
            metrics.dispatched(d.task().processor(), d.phase());
            LOG.debugf("Dispatched %s of run %s to phase %d (dispatch %d)", d.task(), d.runId(), d.phase(), d.dispatch());
        }
        return rows;
    }

    /** Stops the ledger writer once the rows handed over are written (or, after a failure, refused). */
    public void close(Duration timeout) {
        writer.close(timeout);
    }

    /** Whether an append failed: this state is ahead of the ledger and must be rebuilt from it. */
    public boolean ledgerFailed() {
        return writer.failed();
    }

    private void appendNow(List<LedgerEvent> rows) {
        var sample = metrics.begin();
        ledger.append(rows);
        metrics.ledgerAppended(sample);
    }

    /** Writes {@code rows} in one transaction, then folds them into the scheduler; acting on them is left to the caller. */
    public void write(List<LedgerEvent> rows) {
        append(rows);
        rows.forEach(scheduler::apply);
    }

    /** Writes, folds and acts on one event of a known run; an event of an unknown run is handed back. */
    public void record(LedgerEvent e) {
        if (scheduler.run(e.runId()).isEmpty()) {
            LOG.debugf("Event for unknown run %s handed back", e.runId());
            throw new UnplacedEvent(e.runId());
        }
        append(e);
        scheduler.apply(e);
        afterChange();
    }

    public List<LedgerEvent> history(String runId, TaskKey task) {
        return ledger.history(runId, task.taskId());
    }

    /**
     * Acts on the state after a change: ends DEAD unsent the tasks a daily quota holds back, dispatches what is ready,
     * reports the runs that finished.
     */
    public void afterChange() {
        if (!writer.failed()) {
            quotaGate.endHeldTasks();
        }
        dispatchReady();
        reportFinishedRuns();
    }

    private void reportFinishedRuns() {
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
                wiring.runFinished().accept(new RunFinished(run.runId(), status, summary));
                if (status == RunStatus.COMPLETED_WITH_FAILURES) {
                    LOG.warnf("Run %s %s: %s", run.runId(), status, summary);
                } else {
                    LOG.infof("Run %s %s: %s", run.runId(), status, summary);
                }
            }
        }
    }

    /**
     * Publishes what is ready, not waiting for Pub/Sub: each task is DISPATCHED in the state at once, so it counts
     * against every in-flight limit until its publish is confirmed or taken back ({@link #settlePublishes}).
     */
    private void dispatchReady() {
        while (dispatching) {
            if (lease != null) {
                lease.check(); // never publish work without the lease; the DISPATCHED rows are fenced in the ledger too
            }
            if (writer.failed()) {
                return; // this state is ahead of the ledger: dispatch from the state rebuilt from it
            }
            List<Dispatch> chosen = scheduler.selectDispatches(clock.instant());
            if (chosen.isEmpty()) {
                scheduler.nextPacingRelease(clock.instant()).ifPresent(wiring.wakeAt());
                return;
            }
            Instant now = clock.instant();
            for (Dispatch d : chosen) {
                LedgerEvent row = LedgerEvent.task(d.runId(), d.task(), LedgerEventType.DISPATCHED, d.dispatch(), 0, now,
                        null);
                scheduler.apply(row);
                unconfirmed.sent(new UnconfirmedDispatches.Sent(d, row), publish(d));
            }
        }
    }

    /** Publishes the DateWork of {@code d} in a trace of its own; completes once Pub/Sub confirmed it, or failed. */
    private CompletableFuture<Void> publish(Dispatch d) {
        boolean cutoff = scheduler.run(d.runId()).map(RunState::allowsEarlyCutoff).orElse(false);
        DateWork work = wiring.tokens().signed(DateWork.of(d.runId(), d.task().taskId(), d.task().processor(),
                d.task().date(), d.dispatch()).withEarlyCutoff(cutoff));
        // each dispatch starts its task's trace; the worker's span and its events join it
        TaskSpans spans = wiring.spans();
        Span span = spans.dispatch(work);
        var confirming = metrics.begin();
        return ConfirmedPublisher.send(wiring.out(), work, spans.attributes(work.attributes(), span),
                        Topics.DEFAULT.work(d.phase())).toCompletableFuture()
                .orTimeout(PUBLISH_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .whenComplete((ok, failure) -> {
                    metrics.dispatchConfirmed(confirming);
                    if (failure != null) {
                        TaskSpans.failed(span, "not published: " + failure.getMessage(), failure);
                    }
                    span.end();
                });
    }

    /**
     * A turn for the publish confirmations that arrived. The DISPATCHED rows of those confirmed go to the writer with
     * the next rows handed over (after the rows that made their tasks ready, handed over before), or in a turn of their
     * own queued behind the turns waiting now, so that a busy loop adds no append for them. A task whose DateWork was
     * not taken is READY again and dispatched anew at the next change, or after {@link #REPUBLISH_AFTER} (CANCELLED if
     * its run was cancelled).
     */
    private void settlePublishes() {
        if (writer.failed()) {
            return; // this state is given up for one rebuilt from the ledger, which dispatches these tasks again
        }
        UnconfirmedDispatches.Settled settled = unconfirmed.settle();
        confirmed.addAll(recorded(settled.confirmed()));
        if (!confirmed.isEmpty() && !flushQueued) {
            flushQueued = true;
            try {
                wiring.loop().execute(this::flushConfirmed);
            } catch (RejectedExecutionException stopping) {
                // not written: the next start dispatches these tasks again, as after a kill
            }
        }
        if (!settled.failed().isEmpty()) {
            settled.failed().forEach(scheduler::withdraw);
            reportFinishedRuns();
            wiring.wakeAt().accept(clock.instant().plus(REPUBLISH_AFTER));
        }
    }

    private void flushConfirmed() {
        flushQueued = false;
        if (!writer.failed() && !confirmed.isEmpty()) {
            writer.append(List.copyOf(confirmed));
            confirmed.clear();
        }
    }

    /**
     * The first step of a graceful stop, on the loop: no more work is published, and the stage completes once every
     * publish sent has its answer from Pub/Sub; then {@link #recordAnswered} hands their DISPATCHED rows over. A stop
     * that did not wait would leave confirmed work without its row, dispatched again at the next start (as after a kill).
     */
    public CompletableFuture<Void> stopDispatching() {
        dispatching = false;
        return unconfirmed.answered();
    }

    /** The last step of a graceful stop, on the loop: the rows of the publishes answered go to the writer now. */
    public void recordAnswered() {
        settlePublishes();
        flushConfirmed();
    }

    /** Publishes a run event and waits for Pub/Sub to confirm it; a failure is logged, not thrown. */
    public void publishRunEvent(RunEvent event) {
        try {
            ConfirmedPublisher.send(wiring.out(), event, Map.of("runId", event.runId(), "type", event.type().name()), null)
                    .toCompletableFuture().get(PUBLISH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.errorf("Could not publish run event %s %s: %s", event.type(), event.runId(), e.getMessage());
        }
    }
}
