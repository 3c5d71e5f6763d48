package fullcourt.coordinator.dispatch;

import static fullcourt.coordinator.TestCatalogs.declare;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fullcourt.coordinator.ledger.LedgerEvent;
import fullcourt.coordinator.ledger.LedgerEventType;
import fullcourt.coordinator.plan.Planner;
import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.SeasonCalendar;
import fullcourt.messages.BackfillRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TablePacingTest {

    private static final LocalDate D1 = LocalDate.of(2022, 1, 1);
    private static final Instant T0 = Instant.parse("2022-06-01T00:00:00Z");

    /** Two independent processors, each writing its own table, each allowed 1,000 in flight. */
    private static final Catalog TWO_TABLES = Catalog.of(List.of(declare("hot", 3, 1_000), declare("cool", 3, 1_000)));

    private static Scheduler paced(int perTenSeconds, int days) {
        Scheduler s = new Scheduler(TWO_TABLES, 10_000, TablePacing.perTenSeconds(perTenSeconds));
        BackfillRequest r = BackfillRequest.forRange("r", D1, D1.plusDays(days - 1)).withPhases(List.of(3));
        s.addRun("r", r, T0, new Planner(TWO_TABLES).plan(r, k -> false, SeasonCalendar.EMPTY));
        return s;
    }

    /** Selects at {@code at}, records the dispatches at that time, and ends them at once (tasks of no duration). */
    private static List<Dispatch> dispatchAndFinish(Scheduler s, Instant at) {
        List<Dispatch> chosen = s.selectDispatches(at);
        for (Dispatch d : chosen) {
            s.apply(LedgerEvent.task("r", d.task(), LedgerEventType.DISPATCHED, d.dispatch(), 0, at, null));
            s.apply(LedgerEvent.task("r", d.task(), LedgerEventType.SUCCEEDED, d.dispatch(), 1, at, null));
        }
        return chosen;
    }

    @Test
    void aTableGetsItsBudgetPerWindowThenWaitsForTheOldestDispatchToLeaveIt() {
        // 120 dates of instant tasks, 50 per 10 s: 50 at t = 0, none at 9.999 s, 50 more at 10 s (the first 50 left
        // the window (t - 10 s, t]), the last 20 at 20 s
        Scheduler s = paced(50, 120);
        assertThat(dispatchAndFinish(s, T0)).hasSize(2 * 50); // hot and cool, 50 each
        assertThat(dispatchAndFinish(s, T0.plusMillis(9_999))).isEmpty();
        assertThat(s.nextPacingRelease(T0.plusMillis(9_999))).contains(T0.plusSeconds(10));
        assertThat(dispatchAndFinish(s, T0.plusSeconds(10))).hasSize(2 * 50);
        assertThat(dispatchAndFinish(s, T0.plusSeconds(20))).hasSize(2 * 20);
        assertThat(s.nextPacingRelease(T0.plusSeconds(20))).isEmpty();
    }

    @Test
    void noSlidingWindowOfTenSecondsEverHoldsMoreThanTheBudgetForOneTable() {
        // 2,000 dates of instant tasks selected every 137 ms for five minutes: the selection times fall anywhere in
        // the windows, so any overlap of windows that could exceed the budget would show
        Scheduler s = paced(50, 2_000);
        List<Instant> hot = new ArrayList<>();
        for (Instant at = T0; at.isBefore(T0.plusSeconds(300)); at = at.plusMillis(137)) {
            for (Dispatch d : dispatchAndFinish(s, at)) {
                if (d.task().processor().equals("hot")) {
                    hot.add(at);
                }
            }
        }
        int most = 0;
        for (int last = 0, first = 0; last < hot.size(); last++) {
            while (!hot.get(first).isAfter(hot.get(last).minusSeconds(10))) {
                first++;
            }
            most = Math.max(most, last - first + 1);
        }
        assertThat(most).isEqualTo(50);
        // a batch of 50 at 0 s, then one at the first selection 10 s or more after the previous batch (10.001 s,
        // 20.139 s, ...: gaps of 10 to 10.137 s), so batches 0..29 fall within the 300 s and the 30th would not
        assertThat(hot).hasSize(30 * 50);
    }

    @Test
    void aHotTableDoesNotHoldBackAnotherTable() {
        // hot has spent its budget; cool's own tasks go out at once all the same
        Catalog catalog = Catalog.of(List.of(declare("hot", 3, 1_000), declare("cool", 3, 1_000)));
        Scheduler s = new Scheduler(catalog, 10_000, TablePacing.perTenSeconds(50));
        BackfillRequest hotRun = BackfillRequest.forRange("h", D1, D1.plusDays(99)).withProcessors(List.of("hot"));
        s.addRun("h", hotRun, T0, new Planner(catalog).plan(hotRun, k -> false, SeasonCalendar.EMPTY));
        assertThat(s.selectDispatches(T0)).hasSize(50);
        s.selectDispatches(T0).forEach(d -> s.apply(LedgerEvent.task("h", d.task(), LedgerEventType.DISPATCHED,
                d.dispatch(), 0, T0, null)));
        assertThat(s.selectDispatches(T0.plusSeconds(1))).isEmpty();
        BackfillRequest coolRun = BackfillRequest.forRange("c", D1, D1.plusDays(29)).withProcessors(List.of("cool"));
        s.addRun("c", coolRun, T0, new Planner(catalog).plan(coolRun, k -> false, SeasonCalendar.EMPTY));
        assertThat(s.selectDispatches(T0.plusSeconds(1))).hasSize(30)
                .allMatch(d -> d.task().processor().equals("cool"));
    }

    @Test
    void theBudgetIsAFoldOfDispatchedRowsSoARebuildFromTheLedgerKeepsWhatWasSpent() {
        // the DISPATCHED rows count, as a rebuild from the ledger applies them: a coordinator restarted 3 s after 50
        // dispatches of a table sends none of it before 10 s, and still sends the other table's tasks
        Scheduler rebuilt = paced(50, 60);
        for (Dispatch d : rebuilt.selectDispatches(T0)) {
            if (d.task().processor().equals("hot")) {
                rebuilt.apply(LedgerEvent.task("r", d.task(), LedgerEventType.DISPATCHED, d.dispatch(), 0, T0, null));
            }
        }
        assertThat(rebuilt.selectDispatches(T0.plusSeconds(3))).allMatch(d -> d.task().processor().equals("cool"));
        assertThat(rebuilt.nextPacingRelease(T0.plusSeconds(3))).isEqualTo(Optional.of(T0.plusSeconds(10)));
    }

    @Test
    void withoutPacingEveryTableHasRoomAndAPacedSchedulerNeedsTheTime() {
        TablePacing none = TablePacing.perTenSeconds(0);
        for (int i = 0; i < 1_000; i++) {
            none.record("t", T0);
        }
        assertThat(none.room("t", T0)).isEqualTo(Integer.MAX_VALUE);
        assertThat(none.nextRelease(T0)).isEmpty();
        assertThatThrownBy(() -> paced(50, 1).selectDispatches()).isInstanceOf(IllegalStateException.class);
        assertThat(new TablePacing(2, Duration.ofSeconds(10)).room("t", T0)).isEqualTo(2);
    }
}
