package fullcourt.coordinator.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One attempt at a task, read from its ledger rows: a worker's STARTED row and the row that ended
 * it (SUCCEEDED, SKIPPED or ATTEMPT_FAILED) with the same dispatch and delivery attempt.
 * {@code outcome} is null while the attempt is running (or when its end was never recorded).
 */
public record TaskAttempt(int dispatch, int attempt, Instant startedAt, Instant endedAt, Long durationMs, Long rows,
                          LedgerEventType outcome, String error, String skipReason) {

    /**
     * The attempts in {@code history} (one task's rows in ledger order), in the order they began.
     * A duplicate end (a redelivered message) keeps the first; an end without its STARTED row (an
     * event lost or out of order) is still an attempt, without a start.
     */
    public static List<TaskAttempt> of(List<LedgerEvent> history) {
        Map<List<Integer>, Builder> byKey = new LinkedHashMap<>();
        for (LedgerEvent e : history) {
            switch (e.type()) {
                case STARTED -> byKey.computeIfAbsent(List.of(e.dispatch(), e.attempt()), k -> new Builder(e))
                        .start(e.at());
                case SUCCEEDED, SKIPPED, ATTEMPT_FAILED -> byKey
                        .computeIfAbsent(List.of(e.dispatch(), e.attempt()), k -> new Builder(e)).end(e);
                default -> {
                    // dispatches, requeues, dead letters and replays are not attempts
                }
            }
        }
        List<TaskAttempt> out = new ArrayList<>(byKey.size());
        byKey.values().forEach(b -> out.add(b.build()));
        return out;
    }

    private static final class Builder {
        final int dispatch;
        final int attempt;
        Instant startedAt;
        LedgerEvent end;

        Builder(LedgerEvent first) {
            this.dispatch = first.dispatch();
            this.attempt = first.attempt();
        }

        void start(Instant at) {
            if (startedAt == null) {
                startedAt = at;
            }
        }

        void end(LedgerEvent e) {
            if (end == null) {
                end = e;
            }
        }

        TaskAttempt build() {
            if (end == null) {
                return new TaskAttempt(dispatch, attempt, startedAt, null, null, null, null, null, null);
            }
            Long duration = end.durationMs();
            if (duration == null && startedAt != null) {
                duration = Duration.between(startedAt, end.at()).toMillis();
            }
            LedgerEventType outcome = end.type();
            return new TaskAttempt(dispatch, attempt, startedAt, end.at(), duration, end.rows(), outcome,
                    outcome == LedgerEventType.ATTEMPT_FAILED ? end.detail() : null,
                    outcome == LedgerEventType.SKIPPED ? end.detail() : null);
        }
    }
}
