package fullcourt.coordinator.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import fullcourt.coordinator.TaskKey;
import fullcourt.coordinator.TaskStatus;
import fullcourt.coordinator.api.RunPhases;
import fullcourt.coordinator.ledger.LedgerEvent;
import fullcourt.coordinator.ledger.LedgerEventType;
import fullcourt.coordinator.ledger.TaskLedger;
import fullcourt.coordinator.plan.Plan;
import fullcourt.coordinator.plan.Planner;
import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.DateDomain;
import fullcourt.engine.catalog.ProcessorDeclaration;
import fullcourt.engine.catalog.SeasonCalendar;
import fullcourt.engine.catalog.Upstream;
import fullcourt.engine.catalog.Window;
import fullcourt.engine.warehouse.DuckDbWarehouse;
import fullcourt.messages.BackfillRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Tasks whose processor has nothing to compute on their date (no games, a bootstrap day) and whose partition holds
 * nothing end SKIPPED as they are planned, with the worker's reason, and never reach a worker; a partition with rows
 * there is still dispatched, so that its worker empties it.
 */
class SkippedAsPlannedTest {

    private static final LocalDate JAN_3 = LocalDate.of(2022, 1, 3);
    private static final LocalDate JAN_4 = JAN_3.plusDays(1);
    private static final LocalDate JAN_5 = JAN_3.plusDays(2); // no games
    private static final LocalDate JAN_6 = JAN_3.plusDays(3);
    private static final Instant T0 = Instant.parse("2022-06-01T00:00:00Z");

    /** box (3) -> form (4, bootstrap: the season's first day) -> props (5), each of the same date. */
    private final Catalog catalog = Catalog.of(List.of(
            declare("box", 3, DateDomain.SEASON_DAYS),
            declare("form", 4, DateDomain.parse("season-days:bootstrap=1"), new Upstream("box", Window.SAME_DATE)),
            declare("props", 5, DateDomain.SEASON_DAYS, new Upstream("form", Window.SAME_DATE))));
    private final SeasonCalendar calendar = new SeasonCalendar(List.of(new SeasonCalendar.Season("2021-22",
            JAN_3, JAN_6, new TreeSet<>(List.of(JAN_3, JAN_4, JAN_6)))));
    private final BackfillRequest request = BackfillRequest.forRange("r", JAN_3, JAN_6).withPhases(List.of(3));

    private static ProcessorDeclaration declare(String name, int phase, DateDomain domain, Upstream... upstreams) {
        return new ProcessorDeclaration(name, phase, "t." + name, "game_date", List.of(upstreams), domain, "v1", 4);
    }

    private static TaskKey key(String processor, LocalDate date) {
        return new TaskKey(processor, date);
    }

    private Plan plan(Set<TaskKey> present) {
        return new Planner(catalog).plan(request, present::contains, calendar);
    }

    @Test
    void thePlanSkipsWhatHasNothingToComputeWithTheWorkersReasonUnlessRowsAreThereToEmpty() {
        Plan plan = plan(Set.of(key("props", JAN_5)));

        assertThat(plan.tasks()).hasSize(12);
        assertThat(plan.skipped()).containsOnly(
                entry(key("form", JAN_3), "bootstrap: within the first 1 days of season 2021-22 (not enough history)"),
                entry(key("box", JAN_5), "no games on 2022-01-05"),
                entry(key("form", JAN_5), "no games on 2022-01-05"));
        assertThat(plan.describe()).contains("3 of them SKIPPED as planned, no worker needed");
    }

    @Test
    void skippedTasksAreNeverDispatchedAndTheirDownstreamGoesAhead() {
        Scheduler scheduler = new Scheduler(catalog, 100);
        RunState run = scheduler.addRun("r", request, T0, plan(Set.of(key("props", JAN_5))));

        assertThat(run.tasks.get(key("form", JAN_3)).status()).isEqualTo(TaskStatus.SKIPPED);
        assertThat(run.tasks.get(key("form", JAN_3)).finishedAt()).isEqualTo(T0);
        assertThat(scheduler.doneEver(key("box", JAN_5))).isTrue();
        assertThat(run.skipReasons()).containsEntry("no games on D", 2);
        // props of Jan 3 waited only for the skipped bootstrap day; props of Jan 5 has rows to empty
        assertThat(scheduler.selectDispatches()).extracting(Dispatch::task).containsExactly(
                key("box", JAN_3), key("props", JAN_3), key("box", JAN_4), key("props", JAN_5), key("box", JAN_6));
        assertThat(scheduler.finishedPerPhase()).isEmpty();
        // the live view's counts per phase: form's bootstrap day and Jan 5 are finished, without having run
        assertThat(RunPhases.of(run, catalog)).filteredOn(p -> p.phase() == 4).singleElement()
                .satisfies(p -> assertThat(p.finished()).isEqualTo(2))
                .satisfies(p -> assertThat(p.skippedAsPlanned()).isEqualTo(2));
    }

    @Test
    void aRunWhoseTasksAreAllSkippedFinishesWithoutAWorker() {
        Scheduler scheduler = new Scheduler(catalog, 100);
        BackfillRequest noGames = BackfillRequest.forRange("r", JAN_5, JAN_5).withPhases(List.of(3));
        scheduler.addRun("r", noGames, T0, new Planner(catalog).plan(noGames, k -> false, calendar));

        assertThat(scheduler.selectDispatches()).isEmpty();
        assertThat(scheduler.runsToFinish()).extracting(RunState::runId).containsExactly("r");
        assertThat(scheduler.run("r").orElseThrow().counts()).containsEntry(TaskStatus.SKIPPED, 3);
    }

    @Test
    void aCoordinatorRebuiltFromItsLedgerSkipsTheSameTasksForTheSameReasons() {
        Plan plan = plan(Set.of());
        TaskLedger ledger = new TaskLedger(DuckDbWarehouse.open(":memory:"));
        List<LedgerEvent> rows = new ArrayList<>();
        rows.add(LedgerEvent.accepted("r", T0, request));
        rows.addAll(LedgerEvent.planned("r", plan, T0));
        ledger.append(rows);
        Scheduler live = new Scheduler(catalog, 100);
        live.addRun("r", request, T0, plan);

        Scheduler rebuilt = new Scheduler(catalog, 100);
        LedgerFold.into(rebuilt, new Planner(catalog), ledger.readAll(), calendar);

        RunState run = rebuilt.run("r").orElseThrow();
        assertThat(run.counts()).isEqualTo(live.run("r").orElseThrow().counts());
        assertThat(run.counts()).containsEntry(TaskStatus.SKIPPED, 4);
        assertThat(run.tasks.get(key("props", JAN_5)).skipReason()).isEqualTo("no games on 2022-01-05");
        assertThat(rebuilt.selectDispatches()).isEqualTo(live.selectDispatches());
    }

    @Test
    void theRateCountsOnlyTasksThatRan() {
        Scheduler scheduler = new Scheduler(catalog, 100);
        RunState run = scheduler.addRun("r", request, T0, plan(Set.of()));
        scheduler.selectDispatches().forEach(d -> scheduler.apply(LedgerEvent.task("r", d.task(),
                LedgerEventType.DISPATCHED, d.dispatch(), 0, T0, null)));
        scheduler.apply(LedgerEvent.task("r", key("box", JAN_3), LedgerEventType.SUCCEEDED, 1, 1, T0, null));

        RunProgress progress = RunProgress.of(run, T0.plusSeconds(60));

        assertThat(progress.finished()).isEqualTo(5); // 4 skipped as planned, 1 that ran
        assertThat(progress.tasksPerMinute()).isEqualTo(1.0);
        assertThat(progress.etaSeconds()).isEqualTo(7 * 60);
    }
}
