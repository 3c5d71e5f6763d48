package fullcourt.coordinator.dispatch;

import fullcourt.coordinator.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Throughput and ETA of a run, from the tasks finished so far and the time they took (the tasks its plan skipped are
 * finished, but no part of the rate).
 */
public record RunProgress(int total, int finished, double tasksPerMinute, Long etaSeconds) {

    public static RunProgress of(RunState run, Instant now) {
        Map<TaskStatus, Integer> counts = run.counts();
        int total = run.tasks.size();
        int finished = (int) run.tasks.values().stream().filter(t -> t.status.terminal()).count();
        Instant end = run.finished && run.finishedAt != null ? run.finishedAt : now;
        double minutes = Math.max(Duration.between(run.acceptedAt, end).toMillis(), 1) / 60000.0;
        // the tasks skipped as planned took no time: counted, they would make the first minutes' rate a burst
        int progressed = counts.get(TaskStatus.SUCCEEDED) + counts.get(TaskStatus.SKIPPED)
                - (int) run.tasks.values().stream().filter(TaskRecord::skippedAsPlanned).count();
        double rate = progressed / minutes;
        Long eta = null;
        if (!run.finished && rate > 0) {
            eta = Math.round((total - finished) / rate * 60);
        }
        return new RunProgress(total, finished, Math.round(rate * 10) / 10.0, eta);
    }
}
