package fullcourt.coordinator.api;

import fullcourt.coordinator.TaskKey;
import fullcourt.coordinator.TaskStatus;
import fullcourt.coordinator.dispatch.DailyQuotaSummary;
import fullcourt.coordinator.dispatch.RunProgress;
import fullcourt.coordinator.dispatch.RunState;
import fullcourt.coordinator.dispatch.TaskRecord;
import fullcourt.engine.catalog.Catalog;
import fullcourt.progress.PhaseProgress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A run as the status API shows it: state, scheduling policy, counts per processor and per phase, throughput, ETA,
 * dead tasks, the daily quotas that ended tasks, the tasks that succeeded with 0 rows, and why tasks were skipped.
 *
 * @param state {@code RUNNING}, {@code CANCELLING}, {@code COMPLETED}, {@code COMPLETED_WITH_FAILURES} or
 *              {@code CANCELLED} (see {@link fullcourt.coordinator.RunStatus})
 * @param elapsedMillis from its acceptance to its end, or to now while it runs
 * @param zeroRows tasks that SUCCEEDED with 0 rows on a date their processor did not skip
 * @param zeroRowTasks the first {@link #ZERO_ROWS_LISTED} of them (with detail only)
 * @param skipReasons SKIPPED tasks by reason, dates written {@code D}, most frequent first (with detail only)
 * @param dailyQuotas the daily quotas its DEAD tasks met or were held back by, each with its tasks, refill time and a
 *                    line saying when to replay them
 */
public record RunView(
        String runId,
        String state,
        String policy,
        Instant acceptedAt,
        Instant finishedAt,
        long elapsedMillis,
        Map<TaskStatus, Integer> totals,
        List<ProcessorView> processors,
        List<PhaseProgress> phases,
        RunProgress progress,
        List<DeadTaskView> dead,
        int zeroRows,
        List<String> zeroRowTasks,
        Map<String, Integer> skipReasons,
        InFlightView inFlight,
        List<DailyQuotaSummary> dailyQuotas) {

    static final int ZERO_ROWS_LISTED = 100;

    /**
     * Tasks in flight across all runs and the global limit they are held to: lowered from the configured
     * one while the warehouse answers with quota errors (see AdaptiveLimit).
     */
    public record InFlightView(int tasks, int limit, int configured, long quotaErrors, List<TableInFlightView> tables) {
    }

    /**
     * An output table that has had quota errors of its own: its tasks in flight and its own limit, lowered by those
     * errors only (see TableLimits), as configured (its ceiling), and the errors counted.
     */
    public record TableInFlightView(String table, int tasks, int limit, int configured, long quotaErrors) {
    }

    /** Counts of one processor's tasks by status. */
    public record ProcessorView(String processor, Map<TaskStatus, Integer> counts) {
    }

    /** A dead task with the attempts it had and its last error. */
    public record DeadTaskView(String taskId, int attempts, String error) {
    }

    static RunView of(RunState run, Instant now, boolean withDetail, InFlightView inFlight, Catalog catalog) {
        List<ProcessorView> processors = new ArrayList<>();
        List<DeadTaskView> dead = new ArrayList<>();
        List<TaskKey> zeroRows = run.zeroRowTasks();
        if (withDetail) {
            run.countsByProcessor().forEach((p, c) -> processors.add(new ProcessorView(p, c)));
            for (TaskRecord t : run.tasks()) {
                if (t.status() == TaskStatus.DEAD) {
                    dead.add(new DeadTaskView(t.key().taskId(), t.attempts(), t.lastError()));
                }
            }
        }
        List<String> zeroRowTasks = withDetail
                ? zeroRows.stream().limit(ZERO_ROWS_LISTED).map(TaskKey::taskId).toList() : List.of();
        Instant end = run.finished() && run.finishedAt() != null ? run.finishedAt() : now;
        return new RunView(run.runId(), run.status().name(), run.policy().wireName(), run.acceptedAt(),
                run.finishedAt(), Math.max(0, Duration.between(run.acceptedAt(), end).toMillis()), run.counts(),
                processors, RunPhases.of(run, catalog), RunProgress.of(run, now), dead, zeroRows.size(), zeroRowTasks,
                withDetail ? run.skipReasons() : Map.of(), inFlight, DailyQuotaSummary.of(run));
    }
}
