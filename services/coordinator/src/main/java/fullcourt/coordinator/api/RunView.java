package fullcourt.coordinator.api;

import fullcourt.coordinator.TaskStatus;
import fullcourt.coordinator.dispatch.RunProgress;
import fullcourt.coordinator.dispatch.RunState;
import fullcourt.coordinator.dispatch.TaskRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A run as the status API shows it: state, scheduling policy, counts per processor, throughput, ETA, dead tasks. */
public record RunView(
        String runId,
        String state,
        String policy,
        Instant acceptedAt,
        Instant finishedAt,
        Map<TaskStatus, Integer> totals,
        List<ProcessorView> processors,
        RunProgress progress,
        List<DeadTaskView> dead,
        InFlightView inFlight) {

    /**
     * Tasks in flight across all runs and the global limit they are held to: lowered from the configured
     * one while the warehouse answers with quota errors (see AdaptiveLimit).
     */
    public record InFlightView(int tasks, int limit, int configured, long quotaErrors) {
    }

    /** Counts of one processor's tasks by status. */
    public record ProcessorView(String processor, Map<TaskStatus, Integer> counts) {
    }

    /** A dead task with the attempts it had and its last error. */
    public record DeadTaskView(String taskId, int attempts, String error) {
    }

    static RunView of(RunState run, Instant now, boolean withDetail, InFlightView inFlight) {
        String state = run.finished() ? (run.cancelRequested() ? "CANCELLED" : "COMPLETED")
                : run.cancelRequested() ? "CANCELLING" : "RUNNING";
        List<ProcessorView> processors = new ArrayList<>();
        List<DeadTaskView> dead = new ArrayList<>();
        if (withDetail) {
            run.countsByProcessor().forEach((p, c) -> processors.add(new ProcessorView(p, c)));
            for (TaskRecord t : run.tasks()) {
                if (t.status() == TaskStatus.DEAD) {
                    dead.add(new DeadTaskView(t.key().taskId(), t.attempts(), t.lastError()));
                }
            }
        }
        return new RunView(run.runId(), state, run.policy().wireName(), run.acceptedAt(), run.finishedAt(), run.counts(), processors,
                RunProgress.of(run, now), dead, inFlight);
    }
}
