package fullcourt.engine.worker;

import fullcourt.engine.catalog.ProcessorDeclaration;
import fullcourt.engine.logging.TaskMdc;
import fullcourt.engine.catalog.RunCalendars;
import fullcourt.engine.processor.Cancellation;
import fullcourt.engine.processor.Outcome;
import fullcourt.engine.processor.PermanentFailure;
import fullcourt.engine.processor.Processor;
import fullcourt.engine.processor.ProcessorBug;
import fullcourt.engine.processor.RetryableFailure;
import fullcourt.engine.processor.TaskContext;
import fullcourt.engine.warehouse.LatencyWarehouse;
import fullcourt.engine.warehouse.SimulatedLatency;
import fullcourt.engine.warehouse.Warehouse;
import fullcourt.engine.worker.WorkerMetrics.TaskOutcome;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.context.Context;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one processor on one date: within the processor's own concurrency limit, under the processor's
 * deadline ({@link TaskDeadlines}) that cancels the running work, with every failure typed as retryable
 * or permanent.
 */
public final class TaskRunner {

    private final Warehouse warehouse;
    private final ExecutorService executor;
    private final TaskDeadlines deadlines;
    private final SimulatedLatency latency;
    private final WorkerMetrics metrics;
    private final Map<String, Semaphore> limits = new ConcurrentHashMap<>();
    private final RunCalendars calendars;

    /** Under the catalog's deadlines, and {@code defaultDeadline} for processors that declare none. */
    public TaskRunner(Warehouse warehouse, ExecutorService executor, Duration defaultDeadline) {
        this(warehouse, executor, TaskDeadlines.withDefault(defaultDeadline), SimulatedLatency.OFF, WorkerMetrics.none());
    }

    /** With each attempt's duration, outcome and retries recorded in {@code metrics}. */
    public TaskRunner(Warehouse warehouse, ExecutorService executor, Duration defaultDeadline, SimulatedLatency latency,
                      WorkerMetrics metrics) {
        this(warehouse, executor, TaskDeadlines.withDefault(defaultDeadline), latency, metrics);
    }

    /** With {@code latency} added to each query of each task (a modelled remote warehouse). */
    public TaskRunner(Warehouse warehouse, ExecutorService executor, TaskDeadlines deadlines, SimulatedLatency latency,
                      WorkerMetrics metrics) {
        this.warehouse = warehouse;
        this.calendars = new RunCalendars(warehouse);
        this.executor = executor;
        this.deadlines = deadlines;
        this.latency = latency;
        this.metrics = metrics;
    }

    /**
     * @throws RetryableFailure when another attempt may succeed (including a passed deadline)
     * @throws PermanentFailure when it cannot; a {@link ProcessorBug} when the processor threw an untyped
     *         runtime exception or returned no outcome
     */
    public Outcome run(Processor processor, ProcessorDeclaration declaration, LocalDate date, String runId, int attempt) {
        return run(processor, declaration, date, runId, attempt, false);
    }

    /** As {@link #run(Processor, ProcessorDeclaration, LocalDate, String, int)}, allowing an early cutoff or not. */
    public Outcome run(Processor processor, ProcessorDeclaration declaration, LocalDate date, String runId, int attempt,
                       boolean earlyCutoff) {
        Timer.Sample sample = metrics.attemptBegun(declaration, attempt);
        TaskOutcome outcome = TaskOutcome.FAILED_RETRYABLE;
        try {
            Outcome result = attempt(processor, declaration, date, runId, attempt, earlyCutoff);
            outcome = result instanceof Outcome.Skipped ? TaskOutcome.SKIPPED : TaskOutcome.SUCCEEDED;
            return result;
        } catch (PermanentFailure e) {
            outcome = TaskOutcome.FAILED_PERMANENT;
            throw e;
        } finally {
            metrics.attemptEnded(declaration, sample, outcome);
        }
    }

    private Outcome attempt(Processor processor, ProcessorDeclaration declaration, LocalDate date, String runId,
                            int attempt, boolean earlyCutoff) {
        Semaphore limit = limits.computeIfAbsent(declaration.name(), n -> new Semaphore(declaration.concurrency(), true));
        try {
            limit.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryableFailure("interrupted while waiting for a " + declaration.name() + " slot");
        }
        Cancellation cancellation = new Cancellation();
        TaskContext task = new TaskContext(declaration, date, runId, attempt,
                LatencyWarehouse.around(warehouse, latency, cancellation), cancellation, earlyCutoff, calendars);
        // whoever claims first owns the slot's release: the task when it runs, or the caller when
        // the task was cancelled before it started; the slot is thus given back when the work
        // really ends, not when its deadline passes
        AtomicBoolean claimed = new AtomicBoolean();
        Future<Outcome> running;
        try {
            // the task thread logs with its task's fields and in its trace, as the worker thread that waits for it does
            running = executor.submit(Context.current().wrap(() -> {
                if (!claimed.compareAndSet(false, true)) {
                    return null;
                }
                try (TaskMdc mdc = TaskMdc.of(runId, declaration.name(), date)) {
                    return processor.process(task);
                } finally {
                    limit.release();
                }
            }));
        } catch (RuntimeException e) {
            limit.release();
            throw new RetryableFailure("could not start " + declaration.name() + ": " + e.getMessage(), e);
        }
        TaskDeadlines.Deadline deadline = deadlines.of(declaration);
        Outcome outcome;
        try {
            outcome = running.get(deadline.duration().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            stop(running, cancellation, claimed, limit);
            throw new RetryableFailure(declaration.name() + " " + date + " exceeded its deadline of "
                    + deadline.duration() + " and was cancelled (" + deadline.source() + ")");
        } catch (ExecutionException e) {
            throw classify(declaration.name(), e.getCause());
        } catch (InterruptedException e) {
            stop(running, cancellation, claimed, limit);
            Thread.currentThread().interrupt();
            throw new RetryableFailure("worker interrupted (shutting down)");
        }
        if (outcome == null) {
            throw new ProcessorBug(ProcessorBug.reason(declaration.name()) + "it returned no outcome (null) for " + date);
        }
        return outcome;
    }

    private static void stop(Future<Outcome> running, Cancellation cancellation, AtomicBoolean claimed, Semaphore limit) {
        cancellation.cancel();
        running.cancel(true);
        if (claimed.compareAndSet(false, true)) {
            limit.release();
        }
    }

    /**
     * Failures the processor or warehouse typed keep their type. Any other runtime exception is a bug
     * in the processor (the adapters type every failure they understand): retrying runs the same code
     * on the same data, so it is permanent. An I/O error, checked or wrapped, and any other checked
     * exception or Error may pass on another attempt, so they are retried.
     */
    static RuntimeException classify(String processor, Throwable t) {
        if (t instanceof RetryableFailure r) {
            return r;
        }
        if (t instanceof PermanentFailure p) {
            return p;
        }
        if (t instanceof RuntimeException unexpected && !(t instanceof UncheckedIOException)) {
            return new ProcessorBug(processor, unexpected);
        }
        return new RetryableFailure(t.getClass().getSimpleName() + ": " + t.getMessage(), t);
    }
}
