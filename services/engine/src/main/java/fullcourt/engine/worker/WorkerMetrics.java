package fullcourt.engine.worker;

import fullcourt.engine.catalog.ProcessorDeclaration;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The worker's meters (Prometheus names in the README's "Metrics" table): how long each attempt
 * took and how it ended, attempts and retries, attempts in flight, messages sent to a dead-letter
 * topic. Tags are processor and phase, never the run or the date, so the series stay few.
 */
public final class WorkerMetrics {

    /** How an attempt ended: the {@code outcome} tag of {@code fullcourt.task.duration}. */
    public enum TaskOutcome {
        SUCCEEDED, SKIPPED, FAILED_RETRYABLE, FAILED_PERMANENT;

        public String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static final String TASK_DURATION = "fullcourt.task.duration";
    public static final String TASK_ATTEMPTS = "fullcourt.task.attempts";
    public static final String TASK_RETRIES = "fullcourt.task.retries";
    public static final String TASKS_IN_FLIGHT = "fullcourt.worker.tasks.in.flight";
    public static final String DEAD_LETTERS = "fullcourt.worker.dead.letters";
    public static final String EVENT_CONFIRM = "fullcourt.worker.event.confirm";
    public static final String ACK = "fullcourt.worker.ack";
    public static final String REJECTED_WORK = "fullcourt.worker.rejected.work";

    private final MeterRegistry registry;
    private final AtomicInteger inFlight = new AtomicInteger();

    public WorkerMetrics(MeterRegistry registry) {
        this.registry = registry;
        registry.gauge(TASKS_IN_FLIGHT, inFlight);
    }

    /** Meters that go nowhere, for a runner built without a registry. */
    public static WorkerMetrics none() {
        return new WorkerMetrics(new CompositeMeterRegistry());
    }

    /** An attempt begins (before it waits for its processor's slot); {@link #attemptEnded} must follow. */
    public Timer.Sample attemptBegun(ProcessorDeclaration declaration, int attempt) {
        Counter.builder(TASK_ATTEMPTS).description("Task attempts begun by this worker")
                .tags("processor", declaration.name(), "phase", phase(declaration.phase()))
                .register(registry).increment();
        if (attempt > 1) {
            Counter.builder(TASK_RETRIES).description("Task attempts after the first (Pub/Sub redeliveries)")
                    .tags("processor", declaration.name(), "phase", phase(declaration.phase()))
                    .register(registry).increment();
        }
        inFlight.incrementAndGet();
        return Timer.start(registry);
    }

    public void attemptEnded(ProcessorDeclaration declaration, Timer.Sample sample, TaskOutcome outcome) {
        inFlight.decrementAndGet();
        sample.stop(Timer.builder(TASK_DURATION).description("Task attempts, from start to outcome")
                .tags("processor", declaration.name(), "phase", phase(declaration.phase()), "outcome", outcome.tag())
                .register(registry));
    }

    /** A work message went to its phase's dead-letter topic from this worker (not by Pub/Sub's own policy). */
    /** A work message refused before it ran ({@link WorkAdmission}, or undecodable), by reason. */
    public void rejected(String reason) {
        Counter.builder(REJECTED_WORK).description("Work messages this worker refused to run, by reason")
                .tag("reason", reason).register(registry).increment();
    }

    public void deadLettered(int phase, String processor) {
        Counter.builder(DEAD_LETTERS).description("Work messages this worker sent to a dead-letter topic")
                .tags("processor", processor == null ? "unknown" : processor, "phase", phase(phase))
                .register(registry).increment();
    }

    /** Starts timing a stage of the worker loop around an attempt; stopped by the methods below. */
    public Timer.Sample begin() {
        return Timer.start(registry);
    }

    /** The worker waited for Pub/Sub to confirm a TaskEvent ({@code type}: STARTED, SUCCEEDED, ...). */
    public void eventConfirmed(Timer.Sample sample, String type) {
        sample.stop(Timer.builder(EVENT_CONFIRM).description("Waits for a TaskEvent publish to be confirmed")
                .tags("type", type).register(registry));
    }

    /** The worker acked a work message. */
    public void acked(Timer.Sample sample) {
        sample.stop(Timer.builder(ACK).description("Acks of work messages").register(registry));
    }

    public int inFlight() {
        return inFlight.get();
    }

    private static String phase(int phase) {
        return String.valueOf(phase);
    }
}
