package fullcourt.coordinator.dispatch;

import fullcourt.coordinator.TaskDied;
import fullcourt.coordinator.TaskKey;
import fullcourt.coordinator.ledger.DailyQuotaRow;
import fullcourt.coordinator.ledger.LedgerEvent;
import fullcourt.coordinator.ledger.LedgerEventType;
import fullcourt.coordinator.metrics.CoordinatorMetrics;
import fullcourt.engine.logging.TaskMdc;
import fullcourt.messages.Quota;
import fullcourt.messages.TaskEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Stops dispatching the tasks a daily quota would fail: after a task met a daily quota of a table, each READY task
 * writing that table (every READY task, for a project's quota) ends DEAD without being sent, its reason naming the
 * quota, until the quota refills or the run that met it ends ({@link DailyQuotaHolds}). Sending them would spend
 * their attempts on the same error and the quota on nothing; DEAD, they are replayed with one command once it has
 * refilled. Tasks writing other tables carry on. Runs before each dispatch, on the loop.
 */
public final class DailyQuotaGate {

    private static final Logger LOG = Logger.getLogger(DailyQuotaGate.class);

    private final Scheduler scheduler;
    private final CoordinatorMetrics metrics;
    private final Clock clock;
    private final Consumer<List<LedgerEvent>> write;
    private final Consumer<TaskDied> taskDied;

    /**
     * @param write    writes rows to the ledger, waiting until they are durable, then folds them into the scheduler
     * @param taskDied tells who listens (webhooks) that a task went DEAD
     */
    DailyQuotaGate(Scheduler scheduler, CoordinatorMetrics metrics, Clock clock, Consumer<List<LedgerEvent>> write,
                   Consumer<TaskDied> taskDied) {
        this.scheduler = scheduler;
        this.metrics = metrics;
        this.clock = clock;
        this.write = write;
        this.taskDied = taskDied;
    }

    /** The DAILY_QUOTA row of an accepted task event reporting a daily quota met; empty for any other event. */
    public static Optional<LedgerEvent> metBy(TaskEvent e, TaskKey key) {
        Quota quota = e.quota();
        if (quota == null || !quota.daily()) {
            return Optional.empty();
        }
        return Optional.of(LedgerEvent.task(e.runId(), key, LedgerEventType.DAILY_QUOTA, e.dispatch(), e.attempt(),
                e.at(), new DailyQuotaRow(quota, key.taskId()).detail()));
    }

    /** Ends DEAD, unsent, the READY tasks a daily quota holds back now. */
    void endHeldTasks() {
        DailyQuotaHolds holds = scheduler.quotaHolds();
        if (holds.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<LedgerEvent> rows = new ArrayList<>();
        for (RunState run : scheduler.runs()) {
            if (run.cancelRequested || run.paused) {
                continue;
            }
            for (TaskKey key : run.ready) {
                holds.holding(scheduler.table(key), now).ifPresent(h -> rows.add(LedgerEvent.task(run.runId, key,
                        LedgerEventType.DAILY_QUOTA, run.tasks.get(key).dispatch, 0, now, h.row().detail())));
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        write.accept(rows);
        for (LedgerEvent row : rows) {
            TaskRecord t = scheduler.run(row.runId()).orElseThrow().task(row.task());
            try (TaskMdc mdc = TaskMdc.of(row.runId(), row.task().processor(), row.task().date())) {
                LOG.warnf("Task %s of run %s is DEAD: %s", row.task(), row.runId(), t.lastError());
            }
            metrics.taskDead(row.task().processor(), scheduler.phase(row.task()));
            taskDied.accept(new TaskDied(row.runId(), row.task(), t.attempts(), t.lastError()));
        }
    }
}
