package fullcourt.coordinator.ledger;

import fullcourt.coordinator.TaskKey;
import java.time.Instant;

/**
 * One append-only row of {@code ops.task_events}: everything the coordinator knows is a fold of
 * these, live and when it rebuilds its state on start.
 */
public record LedgerEvent(
        String runId,
        TaskKey task,
        LedgerEventType type,
        int dispatch,
        int attempt,
        Instant at,
        String detail,
        Long rows,
        Long durationMs) {

    public static LedgerEvent task(String runId, TaskKey task, LedgerEventType type, int dispatch, int attempt,
                                   Instant at, String detail) {
        return new LedgerEvent(runId, task, type, dispatch, attempt, at, detail, null, null);
    }

    public static LedgerEvent run(String runId, LedgerEventType type, Instant at, String detail) {
        return new LedgerEvent(runId, null, type, 0, 0, at, detail, null, null);
    }
}
