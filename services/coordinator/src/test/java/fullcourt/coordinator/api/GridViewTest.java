package fullcourt.coordinator.api;

import fullcourt.messages.BackfillRequest.Upstreams;
import static org.assertj.core.api.Assertions.assertThat;

import fullcourt.coordinator.TaskKey;
import fullcourt.coordinator.TaskStatus;
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

class GridViewTest {

    private static final LocalDate D1 = LocalDate.of(2022, 1, 1);
    private static final Instant T0 = Instant.parse("2022-06-01T00:00:00Z");

    @Test
    void eachProcessorIsARowInPhaseOrderWithOneStateCharacterPerDate() {
        // declared out of phase order: the grid still reads phase 3, 4, 5 from left to right
        Catalog catalog = Catalog.of(List.of(
                TestCatalogs.declare("c", 5, 4, new Upstream("b", Window.SAME_DATE)),
                TestCatalogs.declare("a", 3, 4),
                TestCatalogs.declare("b", 4, 4, new Upstream("a", Window.SAME_DATE))));
        Scheduler s = new Scheduler(catalog, 10);
        BackfillRequest r = BackfillRequest.forRange("r", D1, D1.plusDays(2)).withPhases(List.of(3));
        s.addRun("r", r, T0, new Planner(catalog).plan(r.withUpstreams(Upstreams.ALLOW), k -> false, SeasonCalendar.EMPTY));
        TaskKey a1 = new TaskKey("a", D1);
        s.apply(LedgerEvent.task("r", a1, LedgerEventType.DISPATCHED, 1, 0, T0, null));
        s.apply(LedgerEvent.task("r", a1, LedgerEventType.DEAD, 1, 5, T0, "boom"));
        s.apply(LedgerEvent.task("r", new TaskKey("a", D1.plusDays(1)), LedgerEventType.DISPATCHED, 1, 0, T0, null));
        RunState run = s.run("r").orElseThrow();

        GridView grid = GridView.of(run, catalog);

        assertThat(grid.statuses()).containsExactly(TaskStatus.values());
        assertThat(grid.dates()).containsExactly(D1, D1.plusDays(1), D1.plusDays(2));
        // codes are TaskStatus ordinals: 0 PLANNED, 1 READY, 2 DISPATCHED, 6 DEAD, 7 BLOCKED
        assertThat(grid.processors()).containsExactly(
                new GridView.Row("a", 3, "621"),
                new GridView.Row("b", 4, "700"),
                new GridView.Row("c", 5, "700"));
    }
}
