package fullcourt.coordinator.ledger;

import fullcourt.messages.LogText;
import fullcourt.messages.SaneValues;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a ledger row must be for the fold to take it: checked before every append, so that the ledger never holds a
 * row its own fold rejects, and again when rows are read back, so that a row written otherwise (by hand, by an older
 * build) is set aside with its reason instead of stopping the coordinator.
 */
public final class LedgerRows {

    /** Rows about a whole run; every other type names a task. */
    static final Set<LedgerEventType> RUN_TYPES =
            EnumSet.of(LedgerEventType.RUN_ACCEPTED, LedgerEventType.CANCEL_REQUESTED, LedgerEventType.RUN_FINISHED,
                    LedgerEventType.PAUSED, LedgerEventType.RESUMED);

    private static final Pattern PROCESSOR = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    private LedgerRows() {
    }

    /** Every problem of {@code row}; empty when the fold can take it. */
    public static List<String> problems(LedgerEvent row) {
        List<String> problems = new ArrayList<>();
        if (row.runId() == null) {
            problems.add("run_id: required");
        } else {
            SaneValues.idProblem(row.runId()).ifPresent(p -> problems.add("run_id: " + p));
        }
        if (row.type() == null) {
            problems.add("event: required");
            return problems;
        }
        if (RUN_TYPES.contains(row.type())) {
            if (row.task() != null) {
                problems.add("task_id: a " + row.type() + " row names no task, got " + LogText.of(row.task().taskId()));
            }
        } else if (row.task() == null) {
            problems.add("task_id: required for a " + row.type() + " row");
        } else {
            if (row.task().processor() == null || !PROCESSOR.matcher(row.task().processor()).matches()) {
                problems.add("processor: expected a processor name, got " + LogText.of(row.task().processor()));
            }
            if (row.task().date() == null) {
                problems.add("task_date: required");
            } else {
                SaneValues.dateProblem(row.task().date()).ifPresent(p -> problems.add("task_date: " + p));
            }
        }
        if (row.at() == null) {
            problems.add("event_at: required");
        } else {
            SaneValues.instantProblem(row.at()).ifPresent(p -> problems.add("event_at: " + p));
        }
        if (row.dispatch() < 0 || row.attempt() < 0) {
            problems.add("dispatch, attempt: expected >= 0, got " + row.dispatch() + ", " + row.attempt());
        }
        if ((row.rows() != null && row.rows() < 0) || (row.durationMs() != null && row.durationMs() < 0)) {
            problems.add("row_count, duration_ms: expected >= 0");
        }
        if (row.type() == LedgerEventType.RUN_ACCEPTED && row.detail() != null && problems.isEmpty()) {
            try {
                row.acceptedRequest();
            } catch (RuntimeException e) {
                problems.add("detail: not the run's request: " + LogText.of(e.getMessage(), 300));
            }
        } else if (row.type() == LedgerEventType.RUN_ACCEPTED) {
            problems.add("detail: the run's request is required");
        }
        if (row.type() == LedgerEventType.DAILY_QUOTA) {
            try {
                DailyQuotaRow.parse(row.detail());
            } catch (IllegalArgumentException e) {
                problems.add("detail: " + LogText.of(e.getMessage(), 300));
            }
        }
        return problems;
    }

    /** A row set aside: which one, and why. */
    public record Quarantined(String row, String reason) {
    }

    /** What the ledger holds: the rows the fold can take, in order, and those set aside. */
    public record Read(List<LedgerEvent> rows, List<Quarantined> quarantined) {
    }
}
