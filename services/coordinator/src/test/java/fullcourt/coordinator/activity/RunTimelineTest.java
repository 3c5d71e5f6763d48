package fullcourt.coordinator.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fullcourt.coordinator.TaskKey;
import fullcourt.coordinator.TestCatalogs;
import fullcourt.coordinator.dispatch.RunState;
import fullcourt.coordinator.dispatch.Scheduler;
import fullcourt.coordinator.ledger.LedgerEvent;
import fullcourt.coordinator.ledger.LedgerEventType;
import fullcourt.coordinator.plan.Planner;
import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.SeasonCalendar;
import fullcourt.engine.catalog.Upstream;
import fullcourt.engine.catalog.Window;
import fullcourt.messages.BackfillRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunTimelineTest {

    private static final LocalDate D1 = LocalDate.of(2022, 1, 1);
    private static final Instant T0 = Instant.parse("2022-06-01T00:00:00Z");

    // a (phase 3) -> b (phase 4), same date
    private final Catalog catalog = Catalog.of(List.of(
            TestCatalogs.declare("a", 3, 4),
            TestCatalogs.declare("b", 4, 4, new Upstream("a", Window.SAME_DATE))));
    private final Scheduler scheduler = new Scheduler(catalog, 10);

    private RunState run(int days) {
        BackfillRequest r = BackfillRequest.forRange("r", D1, D1.plusDays(days - 1)).withPhases(List.of(3))
                .withUpstreams(BackfillRequest.Upstreams.ALLOW);
        scheduler.addRun("r", r, T0, new Planner(catalog).plan(r, k -> false, SeasonCalendar.EMPTY));
        return scheduler.run("r").orElseThrow();
    }

    private void at(TaskKey task, LedgerEventType type, int second) {
        scheduler.apply(LedgerEvent.task("r", task, type, 1, 1, T0.plusSeconds(second), null));
    }

    @Test
    void eachDateAndPhaseSpansFromItsFirstDispatchToItsLastEnd() {
        RunState run = run(2);
        TaskKey a1 = new TaskKey("a", D1);
        TaskKey a2 = new TaskKey("a", D1.plusDays(1));
        TaskKey b1 = new TaskKey("b", D1);
        at(a1, LedgerEventType.DISPATCHED, 1);
        at(a2, LedgerEventType.DISPATCHED, 2);
        at(a1, LedgerEventType.SUCCEEDED, 5);
        at(b1, LedgerEventType.DISPATCHED, 6);   // phase 4 of the first date while phase 3 of the second runs
        at(b1, LedgerEventType.SUCCEEDED, 9);

        RunTimeline tl = RunTimeline.of(run, catalog, 60, T0.plusSeconds(10));

        assertThat(tl.datesPerRow()).isEqualTo(1);
        assertThat(tl.phases()).containsExactly(3, 4);
        assertThat(tl.rows()).containsExactly(
                new RunTimeline.Row(D1, D1, List.of(
                        new RunTimeline.Span(3, 1, 1, 0, T0.plusSeconds(1), T0.plusSeconds(5)),
                        new RunTimeline.Span(4, 1, 1, 0, T0.plusSeconds(6), T0.plusSeconds(9)))),
                // a of the second date still running; b of it not dispatched yet
                new RunTimeline.Row(D1.plusDays(1), D1.plusDays(1), List.of(
                        new RunTimeline.Span(3, 1, 0, 0, T0.plusSeconds(2), null),
                        new RunTimeline.Span(4, 1, 0, 0, null, null))));
    }

    @Test
    void manyDatesShareRowsAndADeadTaskEndsItsSpanAsFailed() {
        RunState run = run(5);
        // 5 dates in at most 2 rows: 3 dates a row, the last row the remaining 2
        for (int d = 0; d < 3; d++) {
            at(new TaskKey("a", D1.plusDays(d)), LedgerEventType.DISPATCHED, d);
        }
        at(new TaskKey("a", D1), LedgerEventType.SUCCEEDED, 4);
        at(new TaskKey("a", D1.plusDays(1)), LedgerEventType.SUCCEEDED, 7);
        at(new TaskKey("a", D1.plusDays(2)), LedgerEventType.DEAD, 8);

        RunTimeline tl = RunTimeline.of(run, catalog, 2, T0.plusSeconds(10));

        assertThat(tl.datesPerRow()).isEqualTo(3);
        RunTimeline.Row first = tl.rows().get(0);
        assertThat(first.first()).isEqualTo(D1);
        assertThat(first.last()).isEqualTo(D1.plusDays(2));
        // b of the first two dates waits (PLANNED/READY), b of the third is BLOCKED by the dead a: 1 of 3 ended
        assertThat(first.spans()).containsExactly(
                new RunTimeline.Span(3, 3, 3, 1, T0, T0.plusSeconds(8)),
                new RunTimeline.Span(4, 3, 1, 1, null, null));
        assertThat(tl.rows().get(1).first()).isEqualTo(D1.plusDays(3));
        assertThat(tl.rows().get(1).last()).isEqualTo(D1.plusDays(4));
    }

    @Test
    void rowsOutsideOneToTheMaximumAreRefused() {
        RunState run = run(1);
        assertThatThrownBy(() -> RunTimeline.of(run, catalog, 0, T0)).hasMessage("rows must be 1 to 500, got 0");
        assertThatThrownBy(() -> RunTimeline.of(run, catalog, 501, T0)).hasMessage("rows must be 1 to 500, got 501");
    }
}
