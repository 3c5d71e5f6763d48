package fullcourt.coordinator.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import fullcourt.coordinator.TaskKey;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskAttemptTest {

    private static final TaskKey TASK = new TaskKey("beta", LocalDate.of(2022, 9, 4));
    private static final Instant T0 = Instant.parse("2022-09-10T12:00:00Z");

    private static LedgerEvent row(LedgerEventType type, int dispatch, int attempt, int second, String detail) {
        return LedgerEvent.task("r", TASK, type, dispatch, attempt, T0.plusSeconds(second), detail);
    }

    private static LedgerEvent end(LedgerEventType type, int dispatch, int attempt, int second, String detail,
                                   Long rows, Long durationMs) {
        return new LedgerEvent("r", TASK, type, dispatch, attempt, T0.plusSeconds(second), detail, rows, durationMs);
    }

    @Test
    void twoFailedDeliveriesADeadLetterAndASuccessfulReplayAreThreeAttempts() {
        List<LedgerEvent> history = List.of(
                row(LedgerEventType.PLANNED, 0, 0, 0, null),
                row(LedgerEventType.DISPATCHED, 1, 0, 1, null),
                row(LedgerEventType.STARTED, 1, 1, 2, null),
                end(LedgerEventType.ATTEMPT_FAILED, 1, 1, 3, "boom <b>1</b>", null, 900L),
                row(LedgerEventType.STARTED, 1, 2, 5, null),
                end(LedgerEventType.ATTEMPT_FAILED, 1, 2, 9, "boom 2", null, null),
                row(LedgerEventType.DEAD, 1, 2, 10, "boom 2"),
                row(LedgerEventType.REPLAYED, 1, 0, 20, null),
                row(LedgerEventType.DISPATCHED, 2, 0, 21, null),
                row(LedgerEventType.STARTED, 2, 1, 22, null),
                end(LedgerEventType.SUCCEEDED, 2, 1, 23, null, 3L, 40L));

        assertThat(TaskAttempt.of(history)).containsExactly(
                new TaskAttempt(1, 1, T0.plusSeconds(2), T0.plusSeconds(3), 900L, null, LedgerEventType.ATTEMPT_FAILED,
                        "boom <b>1</b>", null),
                // no duration reported: end - start = 9 s - 5 s
                new TaskAttempt(1, 2, T0.plusSeconds(5), T0.plusSeconds(9), 4000L, null, LedgerEventType.ATTEMPT_FAILED,
                        "boom 2", null),
                new TaskAttempt(2, 1, T0.plusSeconds(22), T0.plusSeconds(23), 40L, 3L, LedgerEventType.SUCCEEDED, null,
                        null));
    }

    @Test
    void aSkipKeepsItsReasonADuplicateEndIsIgnoredAndAnUnfinishedAttemptIsRunning() {
        List<LedgerEvent> history = List.of(
                row(LedgerEventType.STARTED, 1, 1, 0, null),
                end(LedgerEventType.SKIPPED, 1, 1, 1, "no games", 0L, 10L),
                end(LedgerEventType.SUCCEEDED, 1, 1, 2, null, 5L, 10L), // a redelivery's late duplicate
                row(LedgerEventType.STARTED, 2, 1, 3, null));

        assertThat(TaskAttempt.of(history)).containsExactly(
                new TaskAttempt(1, 1, T0, T0.plusSeconds(1), 10L, 0L, LedgerEventType.SKIPPED, null, "no games"),
                new TaskAttempt(2, 1, T0.plusSeconds(3), null, null, null, null, null, null));
    }
}
