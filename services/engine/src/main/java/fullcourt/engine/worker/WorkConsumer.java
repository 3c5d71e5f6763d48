package fullcourt.engine.worker;

import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.ProcessorDeclaration;
import fullcourt.engine.processor.Outcome;
import fullcourt.engine.faults.FaultConfig;
import fullcourt.engine.faults.FaultPlan;
import fullcourt.engine.processor.DailyQuotaExhausted;
import fullcourt.engine.processor.PermanentFailure;
import fullcourt.engine.processor.QuotaExceeded;
import fullcourt.engine.processor.Processor;
import fullcourt.engine.processor.ProcessorBug;
import fullcourt.engine.processor.RetryableFailure;
import fullcourt.engine.transport.ConfirmedPublisher;
import fullcourt.engine.transport.IncomingPubSubMetadata;
import fullcourt.engine.transport.PubSubConfig;
import fullcourt.engine.config.EngineConfig;
import fullcourt.engine.lifecycle.ShutdownOrder;
import fullcourt.engine.lineage.LineageInputs;
import fullcourt.engine.lineage.LineageRecorder;
import fullcourt.engine.lineage.LineageStore;
import fullcourt.engine.logging.TaskMdc;
import fullcourt.engine.tracing.TaskSpans;
import fullcourt.engine.warehouse.SimulatedLatency;
import fullcourt.engine.warehouse.Warehouse;
import fullcourt.messages.DateWork;
import fullcourt.messages.InvalidMessageException;
import fullcourt.messages.LogText;
import fullcourt.messages.MessageCodec;
import fullcourt.messages.Quota;
import fullcourt.messages.TaskEvent;
import fullcourt.messages.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import fullcourt.engine.processor.SqlModelProcessor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * The worker loop of a phase service: takes DateWork from the phase's subscription, runs the
 * processor, publishes what happened, then acks.
 *
 * <p>Order matters for "nothing is lost": the partition is written, then the TaskEvent is
 * confirmed by Pub/Sub, then the work message is acked; a crash anywhere in between leads to a
 * redelivery that rewrites the same partition. Concurrency is bounded twice: the channel's flow
 * control leases at most {@code workers} messages, and a pool of {@code workers} threads runs them.
 */
@ApplicationScoped
@IfBuildProperty(name = "fullcourt.worker.enabled", stringValue = "true")
public class WorkConsumer {

    private static final Logger LOG = Logger.getLogger(WorkConsumer.class);
    static final long PUBLISH_TIMEOUT_SECONDS = 60;

    @Inject
    Catalog catalog;
    @Inject
    Warehouse warehouse;
    @Inject
    WorkerConfig config;
    @Inject
    EngineConfig engine;
    @Inject
    PubSubConfig pubsub;
    @Inject
    Clock clock;
    @Inject
    FaultConfig faultConfig;
    @Inject
    @Any
    Instance<Processor> processors;
    @Inject
    @Channel("worker-out")
    Emitter<Object> out;
    @Inject
    MeterRegistry meters;
    @Inject
    fullcourt.messages.DispatchToken dispatchTokens;
    @Inject
    TaskSpans spans;

    private ProcessorRegistry registry;
    private WorkerMetrics metrics;
    private WorkerHeartbeat heartbeat;
    private ExecutorService workers;
    private TaskRunner runner;
    private Duration longestDeadline;
    private FaultPlan faults = FaultPlan.OFF;
    private WorkAdmission admission;
    private StartReports starts;

    void start(@Observes StartupEvent event) {
        init();
    }

    private synchronized void init() {
        if (registry != null) {
            return;
        }
        List<Processor> implemented = new ArrayList<>(processors.stream().toList());
        implemented.addAll(SqlModelProcessor.discover(catalog, config.phases(), implemented));
        faults = FaultPlan.from(faultConfig);
        if (faults.active()) {
            LOG.warnf("FAULT INJECTION ON (fullcourt.faults): %s", faults);
        }
        // lineage outside the faults: a process halted right after a write leaves a write begun and never ended;
        // the recorders share what they all read (calendar, columns, raw fingerprints)
        LineageInputs lineageInputs = new LineageInputs(clock, config.soleLineageWriter());
        ProcessorRegistry checked = ProcessorRegistry.check(catalog, config.phases(), implemented.stream()
                .map(faults::around)
                .<Processor>map(p -> config.lineage() ? new LineageRecorder(p, catalog, lineageInputs) : p).toList());
        List<String> unknown = config.deadlines().keySet().stream().filter(n -> !catalog.names().contains(n)).sorted()
                .toList();
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("fullcourt.worker.deadlines names processors the catalog does not declare: "
                    + unknown);
        }
        TaskDeadlines deadlines = new TaskDeadlines(config.deadline(), config.deadlines());
        longestDeadline = deadlines.longest(checked.names().stream().map(catalog::get).toList());
        requireLeasesOutlast(longestDeadline);
        registry = checked;
        if (!config.lineage()) {
            LOG.warnf("LINEAGE OFF (fullcourt.worker.lineage=false): partitions written now are reported stale");
        }
        registerVersions();
        metrics = new WorkerMetrics(meters);
        admission = new WorkAdmission(catalog, dispatchTokens);
        heartbeat = new WorkerHeartbeat(clock);
        workers = Executors.newFixedThreadPool(config.workers(), named("worker"));
        ScheduledThreadPoolExecutor startTimer = new ScheduledThreadPoolExecutor(1, named("started"));
        startTimer.setRemoveOnCancelPolicy(true); // most attempts end first: their reports leave the queue at once
        starts = new StartReports(config.startedAfter(), startTimer, PUBLISH_TIMEOUT_SECONDS);
        SimulatedLatency latency = SimulatedLatency.parse(engine.warehouse().latency());
        runner = new TaskRunner(warehouse, Executors.newCachedThreadPool(named("task")), deadlines, latency, metrics);
        LOG.infof("Worker serving phases %s with processors %s, %d workers, deadline %s (longest %s), simulated query"
                + " latency %s", config.phases(), registry.names(), config.workers(), config.deadline(),
                longestDeadline, latency);
    }

    /**
     * A work message stays leased while its task runs, then while its events are published: were its lease
     * extension to stop before, Pub/Sub would hand the same date to a second worker while the first still works on
     * it. Refuses to start rather than run so.
     */
    private void requireLeasesOutlast(Duration longest) {
        Duration needed = longest.plusSeconds(2 * PUBLISH_TIMEOUT_SECONDS);
        if (needed.compareTo(pubsub.maxLeaseExtension()) > 0) {
            throw new IllegalStateException("fullcourt.pubsub.max-lease-extension (" + pubsub.maxLeaseExtension()
                    + ") is shorter than the longest task deadline of this worker's processors (" + longest
                    + ") plus the time to publish its events (" + Duration.ofSeconds(2 * PUBLISH_TIMEOUT_SECONDS)
                    + "): raise it to at least " + needed + ", or shorten the deadline");
        }
    }

    /** The longest task deadline among the processors this worker serves. */
    Duration longestDeadline() {
        init();
        return longestDeadline;
    }

    /** Tells the coordinator, through the warehouse, which version of each processor runs now (staleness compares). */
    private void registerVersions() {
        Map<String, String> versions = new java.util.TreeMap<>();
        for (String name : registry.names()) {
            versions.put(name, registry.find(name).orElseThrow().version(catalog.get(name)));
        }
        LineageStore.create(warehouse).registerVersions(versions, clock.instant());
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "fullcourt-" + prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Whether messages handed to this worker make progress (see {@link WorkerLivenessCheck}). */
    WorkerHeartbeat heartbeat() {
        init();
        return heartbeat;
    }

    /** Whether the worker pool still takes messages (it stops only at shutdown). */
    boolean accepting() {
        init();
        return !workers.isShutdown();
    }

    @Incoming("work")
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public CompletionStage<Void> receive(Message<byte[]> message) {
        init();
        try {
            workers.execute(() -> handle(message));
        } catch (RejectedExecutionException stopping) {
            // shutting down: hand it back to Pub/Sub, the next process runs it
            message.nack(new RetryableFailure("worker is shutting down"));
        }
        return CompletableFuture.completedFuture(null);
    }

    void handle(Message<byte[]> message) {
        heartbeat.begun();
        try {
            decodeAndProcess(message);
        } finally {
            heartbeat.ended();
        }
    }

    private void decodeAndProcess(Message<byte[]> message) {
        IncomingPubSubMetadata meta = message.getMetadata(IncomingPubSubMetadata.class)
                .orElseThrow(() -> new IllegalStateException("work channel must use the fullcourt-pubsub connector"));
        DateWork work;
        try {
            work = MessageCodec.decode(message.getPayload(), DateWork.class);
        } catch (InvalidMessageException e) {
            LOG.errorf("Invalid work message %s on %s, dead-lettering it: %s", LogText.of(meta.messageId()),
                    meta.subscription(), LogText.of(e.getMessage(), 1000));
            metrics.rejected("invalid");
            deadLetter(message, meta, phaseOfSubscription(meta.subscription()), null,
                    "invalid work message: " + e.getMessage());
            return;
        }
        int phase = phaseOfSubscription(meta.subscription());
        var refusal = admission.refusal(work, phase);
        if (refusal.isPresent()) {
            // dead-lettered, not nacked: no redelivery can fix it; the coordinator checks the dead letter in turn (a
            // forged one changes nothing, one of its own that a worker with the wrong key refused ends the task DEAD)
            LOG.errorf("Refusing work message %s on %s (%s): %s", LogText.of(meta.messageId()), meta.subscription(),
                    refusal.get().tag(), refusal.get().reason());
            metrics.rejected(refusal.get().tag());
            deadLetter(message, meta, phase, null, "work refused (" + refusal.get().tag() + "): " + refusal.get().reason());
            return;
        }
        // the task's span is current while it runs: its ids are in the MDC, its context in the events published
        Span span = spans.run(work, meta.attributes(), meta.deliveryAttempt());
        try (TaskMdc mdc = TaskMdc.of(work.runId(), work.processor(), work.date()); Scope traced = span.makeCurrent()) {
            process(message, meta, work);
        } finally {
            span.end();
        }
    }

    private void process(Message<byte[]> message, IncomingPubSubMetadata meta, DateWork work) {
        int attempt = meta.deliveryAttempt();
        ProcessorDeclaration declaration = catalog.find(work.processor()).orElse(null);
        Processor processor = registry.find(work.processor()).orElse(null);
        if (declaration == null || processor == null) {
            String error = "processor '" + work.processor() + "' is not served here (serving " + registry.names() + ")";
            failed(message, meta, work, attempt, error, false, 0,
                    declaration == null ? phaseOfSubscription(meta.subscription()) : declaration.phase(), "?");
            return;
        }
        long begun = clock.millis();
        StartReports.Attempt start = null;
        try {
            Span task = Span.current(); // a delayed STARTED is published from the timer, in the task's trace
            start = starts.begin(TaskEvent.started(work, attempt, clock.instant(), processor.version(declaration)),
                    event -> publish(event, task), this::confirm);
            Outcome outcome = runner.run(processor, declaration, work.date(), work.runId(), attempt, work.earlyCutoff());
            long took = clock.millis() - begun;
            TaskEvent done = outcome instanceof Outcome.Skipped s
                    ? TaskEvent.skipped(work, attempt, clock.instant(), s.reason(), processor.version(declaration))
                    : TaskEvent.succeeded(work, attempt, clock.instant(), ((Outcome.Written) outcome).rows(), took,
                            processor.version(declaration));
            confirm(start.end(done));
            if (faults.redeliverAfterSuccess(attempt)) {
                LOG.warnf("%s %s: nacked after success so it is delivered again (fullcourt.faults.redeliver-succeeded)",
                        work.processor(), work.date());
                message.nack(new RetryableFailure("redelivery injected by fullcourt.faults.redeliver-succeeded"));
                return;
            }
            var acking = metrics.begin();
            message.ack();
            metrics.acked(acking);
            LOG.infof("%s %s: %s in %d ms (attempt %d)", work.processor(), work.date(), done.type(), took, attempt);
        } catch (RetryableFailure e) {
            failed(message, meta, work, attempt, e.getMessage(), true, clock.millis() - begun,
                    declaration.phase(), processor.version(declaration), e instanceof QuotaExceeded q ? q.quota() : null,
                    null, start);
        } catch (ProcessorBug e) {
            // the stack trace is what fixes a bug: in full in the log, an excerpt in the task's error
            Throwable bug = e.getCause();
            String error = bug == null ? e.getMessage() : ProcessorBug.reason(work.processor()) + StackTraceExcerpt.of(bug);
            failed(message, meta, work, attempt, error, false, clock.millis() - begun,
                    declaration.phase(), processor.version(declaration), null, bug, start);
        } catch (PermanentFailure e) {
            // a daily quota is not retried for hours: DEAD at once, its ATTEMPT_FAILED naming the quota
            failed(message, meta, work, attempt, e.getMessage(), false, clock.millis() - begun,
                    declaration.phase(), processor.version(declaration),
                    e instanceof DailyQuotaExhausted d ? d.quota() : null, null, start);
        } catch (RuntimeException e) {
            // not the processor's (the runner types all of those) but the worker's own, around it: retried, as it
            // may be the transport's
            failed(message, meta, work, attempt, "unexpected in the worker: " + StackTraceExcerpt.of(e), true,
                    clock.millis() - begun, declaration.phase(), processor.version(declaration), null, e, start);
        }
    }

    private void failed(Message<byte[]> message, IncomingPubSubMetadata meta, DateWork work, int attempt,
                        String error, boolean retryable, long took, int phase, String version) {
        failed(message, meta, work, attempt, error, retryable, took, phase, version, null, null, null);
    }

    /**
     * With {@code trace}, when not null, logged in full after the error's first line; {@code start}, the attempt's
     * start report, null when it failed before it began.
     */
    private void failed(Message<byte[]> message, IncomingPubSubMetadata meta, DateWork work, int attempt,
                        String error, boolean retryable, long took, int phase, String version, Quota quota,
                        Throwable trace, StartReports.Attempt start) {
        String handling = retryable ? "retryable, nacked" : "permanent, dead-lettered";
        TaskSpans.failed(Span.current(), error, trace);
        if (trace == null) {
            LOG.warnf("%s %s attempt %d failed (%s): %s", work.processor(), work.date(), attempt, handling, error);
        } else {
            LOG.errorf(trace, "%s %s attempt %d failed (%s): %s", work.processor(), work.date(), attempt, handling,
                    error.lines().findFirst().orElse(""));
        }
        try {
            TaskEvent failure = quota == null
                    ? TaskEvent.attemptFailed(work, attempt, clock.instant(), error, retryable, took, version)
                    : TaskEvent.attemptFailed(work, attempt, clock.instant(), error, retryable, took, version, quota);
            confirm(start == null ? failure : start.end(failure));
        } catch (RuntimeException e) {
            LOG.errorf("Could not publish ATTEMPT_FAILED (%s); nacking so the attempt is redelivered", e.getMessage());
            message.nack(e);
            return;
        }
        if (retryable) {
            message.nack(new RetryableFailure(error));
        } else {
            deadLetter(message, meta, phase, work.processor(), error);
        }
    }

    /**
     * Sends a message that no retry can fix straight to its phase's dead-letter topic, with the
     * attributes Pub/Sub itself sets when it dead-letters, then acks it.
     */
    private void deadLetter(Message<byte[]> message, IncomingPubSubMetadata meta, int phase, String processor,
                            String error) {
        if (phase == 0) {
            LOG.errorf("Cannot tell the phase of subscription %s; acking message %s, its error: %s",
                    meta.subscription(), meta.messageId(), error);
            message.ack();
            return;
        }
        Map<String, String> attributes = new HashMap<>(meta.attributes());
        attributes.put(IncomingPubSubMetadata.DEAD_LETTER_DELIVERY_COUNT, String.valueOf(meta.deliveryAttempt()));
        attributes.put("CloudPubSubDeadLetterSourceSubscription", meta.subscription());
        attributes.put(DeadLetterAttributes.ERROR, truncate(error));
        try {
            await(ConfirmedPublisher.send(out, message.getPayload(), attributes, Topics.DEFAULT.workDeadLetter(phase)));
            message.ack();
            metrics.deadLettered(phase, processor);
        } catch (RuntimeException e) {
            LOG.errorf("Could not dead-letter message %s (%s); nacking it", meta.messageId(), e.getMessage());
            message.nack(e);
        }
    }

    private static String truncate(String s) {
        return s == null ? "" : s.length() > 1000 ? s.substring(0, 1000) + "..." : s;
    }

    private int phaseOfSubscription(String subscription) {
        for (int phase : Topics.PHASES) {
            if (subscription.endsWith(Topics.DEFAULT.workSubscription(phase))) {
                return phase;
            }
        }
        return 0;
    }

    private void confirm(TaskEvent event) {
        Span.current().setAttribute(TaskSpans.EVENT, event.type().name());
        await(publish(event, Span.current()));
    }

    /** Publishes {@code event} in {@code span}'s trace; completes, and is timed, when Pub/Sub confirms it. */
    private CompletableFuture<Void> publish(TaskEvent event, Span span) {
        var confirming = metrics.begin();
        CompletableFuture<Void> sent = ConfirmedPublisher.send(out, event, spans.attributes(event.attributes(), span),
                null).toCompletableFuture();
        sent.thenRun(() -> metrics.eventConfirmed(confirming, event.type().name()));
        return sent;
    }

    private static void await(CompletionStage<Void> published) {
        try {
            published.toCompletableFuture().get(PUBLISH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new RetryableFailure("publish failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new RetryableFailure("publish not confirmed within " + PUBLISH_TIMEOUT_SECONDS + "s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryableFailure("interrupted while publishing");
        }
    }

    /**
     * At shutdown, once pulling stopped: lets the tasks in hand finish for up to the drain timeout
     * (their events still reach Pub/Sub), then cancels the rest; their messages are not acked, so
     * they run again after a restart.
     */
    void drain(@Observes @Priority(ShutdownOrder.DRAIN_WORK) ShutdownEvent event) {
        stop();
    }

    @PreDestroy
    synchronized void stop() {
        if (workers == null || workers.isShutdown()) {
            return;
        }
        workers.shutdown();
        try {
            if (!workers.awaitTermination(config.drainTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                List<Runnable> waiting = workers.shutdownNow();
                // interrupting a worker cancels its task's query (TaskRunner)
                LOG.warnf("Shutting down: tasks still running after %s are cancelled (%d not started); they run"
                        + " again after a restart", config.drainTimeout(), waiting.size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            starts.close();
        }
    }
}
