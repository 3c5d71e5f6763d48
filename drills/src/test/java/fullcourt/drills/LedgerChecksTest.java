package fullcourt.drills;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerChecksTest {

    private final List<LedgerChecks.Row> rows = new ArrayList<>();

    private void row(String run, String task, String event, int dispatch, int attempt, long atSecond) {
        rows.add(new LedgerChecks.Row(rows.size() + 1, run, task, event, dispatch, attempt,
                new Timestamp(atSecond * 1000), null));
    }

    @Test
    void aTaskRunByOneRunAfterTheOtherFinishedIsNoOverlap() {
        row("a", "p/2021-11-01", "DISPATCHED", 1, 0, 0);
        row("a", "p/2021-11-01", "STARTED", 1, 1, 1);
        row("a", "p/2021-11-01", "SUCCEEDED", 1, 1, 2);
        row("b", "p/2021-11-01", "DISPATCHED", 1, 0, 3);
        row("b", "p/2021-11-01", "STARTED", 1, 1, 4);
        row("b", "p/2021-11-01", "SUCCEEDED", 1, 1, 5);

        LedgerChecks ledger = new LedgerChecks(rows);
        assertThat(ledger.dispatchOverlaps()).isEmpty();
        assertThat(ledger.executionOverlaps()).isEmpty();
    }

    @Test
    void aSecondDispatchWhileTheFirstIsOpenAndIntersectingExecutionsAreFound() {
        row("a", "p/2021-11-01", "DISPATCHED", 1, 0, 0);
        row("b", "p/2021-11-01", "DISPATCHED", 1, 0, 0);
        row("a", "p/2021-11-01", "STARTED", 1, 1, 1);
        row("b", "p/2021-11-01", "STARTED", 1, 1, 2);
        row("a", "p/2021-11-01", "SUCCEEDED", 1, 1, 3);
        row("b", "p/2021-11-01", "SUCCEEDED", 1, 1, 4);

        LedgerChecks ledger = new LedgerChecks(rows);
        assertThat(ledger.dispatchOverlaps()).singleElement().asString().contains("dispatched by b");
        assertThat(ledger.executionOverlaps()).singleElement().asString().contains("ran at once");
    }

    @Test
    void reworkCountsTasksReportedFinishedMoreThanOnce() {
        row("a", null, "RUN_ACCEPTED", 0, 0, 0);
        row("a", "p/1", "PLANNED", 0, 0, 0);
        row("a", "p/2", "PLANNED", 0, 0, 0);
        row("a", "p/1", "STARTED", 1, 1, 1);
        row("a", "p/1", "SUCCEEDED", 1, 1, 2);
        row("a", "p/1", "STARTED", 2, 1, 3);
        row("a", "p/1", "SUCCEEDED", 2, 1, 4);
        row("a", "p/2", "REQUEUED", 1, 0, 5);
        row("a", "p/2", "STARTED", 2, 1, 6);
        row("a", "p/2", "SKIPPED", 2, 1, 7);
        row("a", null, "RUN_FINISHED", 0, 0, 8);

        LedgerChecks.Rework rework = new LedgerChecks(rows).rework("a");
        assertThat(rework).isEqualTo(new LedgerChecks.Rework(2, 3, 3, 1, 1, 1));
        assertThat(rework.extraStarts()).isEqualTo(1);
    }
}
