package fullcourt.coordinator.ledger;

import fullcourt.coordinator.TaskKey;
import fullcourt.coordinator.plan.Plan;
import fullcourt.messages.BackfillRequest;
import fullcourt.messages.MessageCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

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

    /** The longest worker text (a skip reason, an error with its stack excerpt) a row keeps. */
    public static final int MAX_DETAIL_CHARS = 8_000;

    public static LedgerEvent task(String runId, TaskKey task, LedgerEventType type, int dispatch, int attempt,
                                   Instant at, String detail) {
        return new LedgerEvent(runId, task, type, dispatch, attempt, at, detail, null, null);
    }

    /** The ledger row of a worker's task event about {@code task} (its start aside: {@link #rowsOf}). */
    private static LedgerEvent of(fullcourt.messages.TaskEvent e, TaskKey task) {
        LedgerEventType type = switch (e.type()) {
            case STARTED -> LedgerEventType.STARTED;
            case SUCCEEDED -> LedgerEventType.SUCCEEDED;
            case SKIPPED -> LedgerEventType.SKIPPED;
            case ATTEMPT_FAILED -> LedgerEventType.ATTEMPT_FAILED;
        };
        // a worker's text, kept multi-line (a stack excerpt) but with every other control character escaped
        String detail = fullcourt.messages.LogText.multiline(
                e.type() == fullcourt.messages.TaskEventType.SKIPPED ? e.reason() : e.error(), MAX_DETAIL_CHARS);
        return new LedgerEvent(e.runId(), task, type, e.dispatch(), e.attempt(), e.at(), detail, e.rows(),
                e.durationMs());
    }

    /**
     * The ledger rows of a worker's task event about {@code task}: its own row, after the STARTED row of its attempt
     * when the event is an end that carries the attempt's start ({@link fullcourt.messages.TaskEvent#startedAt()}: the
     * worker did not report it STARTED).
     */
    public static List<LedgerEvent> rowsOf(fullcourt.messages.TaskEvent e, TaskKey task) {
        LedgerEvent row = of(e, task);
        if (e.startedAt() == null || e.type() == fullcourt.messages.TaskEventType.STARTED) {
            return List.of(row);
        }
        return List.of(new LedgerEvent(e.runId(), task, LedgerEventType.STARTED, e.dispatch(), e.attempt(),
                e.startedAt(), null, null, null), row);
    }

    /**
     * The PLANNED rows of a plan, one per task in plan order: a task the plan skips carries its reason as the row's
     * detail, so that a run rebuilt from the ledger skips it again ({@code LedgerFold}).
     */
    public static List<LedgerEvent> planned(String runId, Plan plan, Instant at) {
        return plan.tasks().stream()
                .map(t -> task(runId, t, LedgerEventType.PLANNED, 0, 0, at, plan.skipped().get(t)))
                .toList();
    }

    public static LedgerEvent run(String runId, LedgerEventType type, Instant at, String detail) {
        return new LedgerEvent(runId, null, type, 0, 0, at, detail, null, null);
    }

    /**
     * The RUN_ACCEPTED row: the whole request as its JSON message, so that everything the run was
     * asked for (scope, mode, policy, ...) comes back when the ledger is folded on start.
     */
    public static LedgerEvent accepted(String runId, Instant at, BackfillRequest request) {
        return run(runId, LedgerEventType.RUN_ACCEPTED, at,
                new String(MessageCodec.encode(request), StandardCharsets.UTF_8));
    }

    /** The request of a RUN_ACCEPTED row written by {@link #accepted}. */
    public BackfillRequest acceptedRequest() {
        if (type != LedgerEventType.RUN_ACCEPTED) {
            throw new IllegalStateException("a " + type + " row carries no request");
        }
        return MessageCodec.decode(detail.getBytes(StandardCharsets.UTF_8), BackfillRequest.class);
    }
}
