package fullcourt.coordinator.api;

import fullcourt.coordinator.TaskStatus;
import fullcourt.coordinator.dispatch.TaskRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One task with its timings and, when asked for one task, its ledger history. */
public record TaskView(String taskId, String processor, String date, TaskStatus status, int dispatch, int attempts,
                       Instant startedAt, Instant finishedAt, Long durationMs, Long rows, String lastError,
                       String skipReason, List<Map<String, Object>> history) {

    static TaskView of(TaskRecord t, List<Map<String, Object>> history) {
        return new TaskView(t.key().taskId(), t.key().processor(), t.key().date().toString(), t.status(), t.dispatch(),
                t.attempts(), t.startedAt(), t.finishedAt(), t.durationMs(), t.rows(), t.lastError(), t.skipReason(),
                history);
    }
}
