package fullcourt.coordinator.dispatch;

import fullcourt.coordinator.RunStatus;
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
import io.opentelemetry.context.Scope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.jboss.logging.Logger;

/**
 * The coordinator's run state while it leads, changed in one order: rows handed to the ledger writer, folded into the
 * {@link Scheduler}, then acted on (ready tasks dispatched, finished runs reported). Task events' and dispatches' rows
 * are written on the {@link LedgerWriter}'s thread while the loop goes on; other changes wait until theirs are durable.
 * Used on the loop thread only.
 */
public final class RunBook {

    private static final Logger LOG = Logger.getLogger(RunBook.class);
    private static final long PUBLISH_TIMEOUT_SECONDS = 60;
    /** Ledger batches that may wait for the writer (a turn hands over about two: its events' rows, its dispatches). */
    static final int PENDING_BATCHES = 8;

    private final Scheduler scheduler;
    private final TaskLedger ledger;
    private final LedgerWriter writer;
    private final CoordinatorLease lease;
    private final CoordinatorMetrics metrics;
    private final Clock clock;
    private final DispatchToken tokens;
    private final Emitter<Object> out;
    private final TaskSpans spans;
    private final DailyQuotaGate quotaGate;

    /** {@code lease} may be null (no lease: nothing to check before dispatching). */
    private final java.util.function.Consumer<fullcourt.coordinator.RunFinished> runFinished;
    private final java.util.function.Consumer<fullcourt.coordinator.TaskDied> taskDied;
    /** Told when a table's pacing lets READY tasks go again, so that a turn runs then (see {@link PacingAlarm}). */
    private final java.util.function.Consumer<Instant> wakeAt;

    public RunBook(Scheduler scheduler, TaskLedger ledger, CoordinatorLease lease, CoordinatorMetrics metrics,
                   Clock clock, DispatchToken tokens, Emitter<Object> out, TaskSpans spans,
                   java.util.function.Consumer<fullcourt.coordinator.RunFinished> runFinished,
                   java.util.function.Consumer<fullcourt.coordinator.TaskDied> taskDied,
                   java.util.function.Consumer<Instant> wakeAt, Runnable ledgerFailed) {
        this.wakeAt = wakeAt;
        this.runFinished = runFinished;
        this.taskDied = taskDied;
        this.scheduler = scheduler;
        this.ledger = ledger;
        this.lease = lease;
        this.metrics = metrics;
        this.clock = clock;
        this.tokens = tokens;
        this.out = out;
        this.spans = spans;
        this.writer = new LedgerWriter(this::appendNow, PENDING_BATCHES, metrics, ledgerFailed);
        this.quotaGate = new DailyQuotaGate(scheduler, metrics, clock, this::write, taskDied);
    }

    /** Tells who listens (webhooks) that a task went DEAD. */
    public void taskDied(fullcourt.coordinator.TaskDied died) {
        taskDied.accept(died);
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
     * waiting; per row, a future that completes once it is durable ({@link LedgerWriter#appendEach}).
     */
    public List<CompletableFuture<Void>> appendEach(List<LedgerEvent> rows) {
        return writer.appendEach(rows);
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
                runFinished.accept(new fullcourt.coordinator.RunFinished(run.runId(), status, summary));
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
            if (writer.failed()) {
                return; // this state is ahead of the ledger: dispatch from the state rebuilt from it
            }
            List<Dispatch> chosen = scheduler.selectDispatches(clock.instant());
            if (chosen.isEmpty()) {
                scheduler.nextPacingRelease(clock.instant()).ifPresent(wakeAt);
                return;
            }
            List<CompletableFuture<Void>> sent = new ArrayList<>(chosen.size());
            List<Span> traced = new ArrayList<>(chosen.size());
            for (Dispatch d : chosen) {
                boolean cutoff = scheduler.run(d.runId()).map(RunState::allowsEarlyCutoff).orElse(false);
                DateWork work = tokens.signed(DateWork.of(d.runId(), d.task().taskId(), d.task().processor(),
                        d.task().date(), d.dispatch()).withEarlyCutoff(cutoff));
                // each dispatch starts its task's trace; the worker's span and its events join it
                Span span = spans.dispatch(work);
                traced.add(span);
                sent.add(ConfirmedPublisher.send(out, work, spans.attributes(work.attributes(), span),
                        Topics.DEFAULT.work(d.phase())).toCompletableFuture());
            }
            List<LedgerEvent> rows = new ArrayList<>(chosen.size());
            Instant now = clock.instant();
            var confirming = metrics.begin();
            for (int i = 0; i < chosen.size(); i++) {
                Dispatch d = chosen.get(i);
                Span span = traced.get(i);
                try (TaskMdc mdc = TaskMdc.of(d.runId(), d.task().processor(), d.task().date());
                     Scope scope = span.makeCurrent()) {
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
                        TaskSpans.failed(span, "not published: " + e.getMessage(), e);
                    }
                } finally {
                    span.end();
                }
            }
            metrics.dispatchesConfirmed(confirming);
            // not waited for: ordered after the rows that made these tasks ready, so the ledger never holds a
            // DISPATCHED row without them; a crash before it is durable redispatches (the partition write is idempotent)
            writer.append(rows);
            rows.forEach(scheduler::apply);
            if (rows.size() < chosen.size()) {
                return;
            }
        }
    }

    /** Publishes a run event and waits for Pub/Sub to confirm it; a failure is logged, not thrown. */
    public void publishRunEvent(RunEvent event) {
        try {
            ConfirmedPublisher.send(out, event, Map.of("runId", event.runId(), "type", event.type().name()), null)
                    .toCompletableFuture().get(PUBLISH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.errorf("Could not publish run event %s %s: %s", event.type(), event.runId(), e.getMessage());
        }
    }
}
