package fullcourt.coordinator.api;

import fullcourt.coordinator.TaskStatus;
import fullcourt.coordinator.dispatch.TaskRecord;
import fullcourt.coordinator.ledger.LedgerEvent;
import fullcourt.coordinator.ledger.TaskAttempt;
import java.time.Instant;
import java.util.List;

/** One task with its timings and, when asked for one task, its ledger history and the attempts read from it. */
public record TaskView(String taskId, String processor, String date, TaskStatus status, int dispatch, int attempts,
                       Instant startedAt, Instant finishedAt, Long durationMs, Long rows, String lastError,
                       String skipReason, List<LedgerEvent> history, List<TaskAttempt> attemptHistory) {

    static TaskView of(TaskRecord t, List<LedgerEvent> history) {
        return new TaskView(t.key().taskId(), t.key().processor(), t.key().date().toString(), t.status(), t.dispatch(),
                t.attempts(), t.startedAt(), t.finishedAt(), t.durationMs(), t.rows(), t.lastError(), t.skipReason(),
                history, TaskAttempt.of(history));
    }
}
