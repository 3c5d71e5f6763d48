package fullcourt.coordinator.metrics;

import fullcourt.coordinator.RunFinished;
import fullcourt.coordinator.RunStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The coordinator's meters: tasks dispatched, tasks that went DEAD, and where its single loop
 * spends its time (turns, DateWork publish to confirmation, task events per turn, how long a task event waits
 * from receipt to its ack) and its ledger writer's (transactions, batches waiting, the loop's waits on it).
 */
@ApplicationScoped
public class CoordinatorMetrics {

    public static final String DISPATCHES = "fullcourt.coordinator.dispatches";
    public static final String DEAD_TASKS = "fullcourt.coordinator.dead.tasks";
    public static final String LOOP_TURN = "fullcourt.coordinator.loop.turn";
    public static final String LEDGER_APPEND = "fullcourt.coordinator.ledger.append";
    public static final String LEDGER_QUEUE = "fullcourt.coordinator.ledger.queue";
    public static final String LEDGER_QUEUE_FULL = "fullcourt.coordinator.ledger.queue.full";
    public static final String LEDGER_WAIT = "fullcourt.coordinator.ledger.wait";
    public static final String DISPATCH_CONFIRM = "fullcourt.coordinator.dispatch.confirm";
    public static final String EVENTS_PER_TURN = "fullcourt.coordinator.task.events.per.turn";
    public static final String EVENT_HANDLING = "fullcourt.coordinator.task.event.handling";
    public static final String REJECTED = "fullcourt.coordinator.rejected.messages";
    public static final String QUARANTINED = "fullcourt.coordinator.ledger.quarantined.rows";
    public static final String RUNS_FINISHED = "fullcourt.coordinator.runs.finished";

    @Inject
    MeterRegistry registry;

    public CoordinatorMetrics() {
    }

    public CoordinatorMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The runs-finished counters exist from the start, at 0, so that a rate over them is defined before any run ends. */
    void registerOutcomes(@Observes StartupEvent event) {
        for (RunStatus outcome : RunStatus.values()) {
            if (outcome.finished()) {
                runsFinished(outcome);
            }
        }
    }

    /** A run finished: counted by outcome (completed, completed_with_failures, cancelled). */
    void runFinished(@Observes RunFinished finished) {
        runsFinished(finished.outcome()).increment();
    }

    private Counter runsFinished(RunStatus outcome) {
        return Counter.builder(RUNS_FINISHED).description("Runs finished, by outcome")
                .tag("outcome", outcome.tag()).register(registry);
    }

    /** A DateWork was confirmed published to its phase's work topic. */
    public void dispatched(String processor, int phase) {
        Counter.builder(DISPATCHES).description("DateWork messages published (first dispatches, retries after a requeue, replays)")
                .tags("processor", processor, "phase", String.valueOf(phase))
                .register(registry).increment();
    }

    /** A task became DEAD (its work message was dead-lettered). */
    public void taskDead(String processor, int phase) {
        Counter.builder(DEAD_TASKS).description("Tasks that became DEAD")
                .tags("processor", processor, "phase", String.valueOf(phase))
                .register(registry).increment();
    }

    /**
     * A message refused without touching the ledger: {@code message} is {@code task-event}, {@code dead-letter} or
     * {@code request}, {@code reason} one of few fixed tags (see README, "What arrives on a topic").
     */
    public void rejected(String message, String reason) {
        Counter.builder(REJECTED).description("Messages refused by the coordinator, by message kind and reason")
                .tags("message", message, "reason", reason)
                .register(registry).increment();
    }

    /** A ledger row that its own fold rejects, set aside at start instead of stopping the coordinator. */
    public void quarantined() {
        Counter.builder(QUARANTINED).description("Ledger rows set aside at start because the fold rejects them")
                .register(registry).increment();
    }

    /** Starts timing a stage; hand the sample to one of the methods below. */
    public Timer.Sample begin() {
        return Timer.start(registry);
    }

    /** One turn of the loop (everything it does runs in turns, one at a time). */
    public void loopTurn(Timer.Sample sample) {
        sample.stop(Timer.builder(LOOP_TURN).description("Turns of the coordinator's loop").register(registry));
    }

    /** One ledger transaction (one or more rows), on the ledger writer's thread. */
    public void ledgerAppended(Timer.Sample sample) {
        sample.stop(Timer.builder(LEDGER_APPEND).description("Ledger transactions (ops.task_events inserts)")
                .register(registry));
    }

    /** A batch handed to the ledger writer found {@code waiting} batches ahead of it (not yet being written). */
    public void ledgerQueued(int waiting) {
        DistributionSummary.builder(LEDGER_QUEUE).description("Ledger batches waiting for the writer at each hand-over")
                .register(registry).record(waiting);
    }

    /** The loop waited for room in the ledger writer's full queue (backpressure). */
    public void ledgerQueueFull(Timer.Sample sample) {
        sample.stop(Timer.builder(LEDGER_QUEUE_FULL).description("Loop waits for room in the ledger writer's queue")
                .register(registry));
    }

    /** The loop waited for rows to be durable before acting on them (requests, run ends, operator actions). */
    public void ledgerWaited(Timer.Sample sample) {
        sample.stop(Timer.builder(LEDGER_WAIT).description("Loop waits for ledger rows it must see durable first")
                .register(registry));
    }

    /** Pub/Sub answered one DateWork publish (confirmed or failed); the loop does not wait for it. */
    public void dispatchConfirmed(Timer.Sample sample) {
        sample.stop(Timer.builder(DISPATCH_CONFIRM).description("From a DateWork's publish to Pub/Sub's answer")
                .register(registry));
    }

    /** Task events handled in one turn (one ledger transaction for all of them). */
    public void taskEventsInTurn(int events) {
        DistributionSummary.builder(EVENTS_PER_TURN).description("Task events handled together in one loop turn")
                .register(registry).record(events);
    }

    /** A task event from its receipt by the intake to its ack (its ledger row written). */
    public void taskEventHandled(Timer.Sample sample) {
        sample.stop(Timer.builder(EVENT_HANDLING).description("Task events from receipt to ack").register(registry));
    }
}
