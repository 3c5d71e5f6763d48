package fullcourt.coordinator.dispatch;

import fullcourt.messages.BackfillRequest.Upstreams;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import fullcourt.coordinator.TaskKey;
import fullcourt.coordinator.TaskStatus;
import fullcourt.coordinator.TestCatalogs;
import fullcourt.coordinator.ledger.LedgerEvent;
import fullcourt.coordinator.ledger.LedgerEventType;
import fullcourt.coordinator.plan.Planner;
import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.SeasonCalendar;
import fullcourt.messages.BackfillRequest;
import fullcourt.messages.BackfillRequest.Policy;
import java.util.ArrayList;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchedulerTest {

    private static final LocalDate D1 = LocalDate.of(2022, 1, 1);
    private static final Instant T0 = Instant.parse("2022-06-01T00:00:00Z");

    private static TaskKey key(String p, LocalDate d) {
        return new TaskKey(p, d);
    }

    private static Scheduler schedulerWithRun(Catalog catalog, int globalLimit, String runId, int days) {
        return schedulerWithRun(catalog, globalLimit, runId, days, Policy.PER_DATE);
    }

    private static Scheduler schedulerWithRun(Catalog catalog, int globalLimit, String runId, int days,
                                              Policy policy) {
        Scheduler s = new Scheduler(catalog, globalLimit);
        addRun(s, catalog, runId, D1, days, policy);
        return s;
    }

    private static void addRun(Scheduler s, Catalog catalog, String runId, LocalDate from, int days, Policy policy) {
        BackfillRequest r = BackfillRequest.forRange(runId, from, from.plusDays(days - 1)).withPhases(List.of(3))
                .withPolicy(policy);
        s.addRun(runId, r, T0, new Planner(catalog).plan(r.withUpstreams(Upstreams.ALLOW), k -> false, SeasonCalendar.EMPTY));
    }

    /** Records and applies the dispatches, as the coordinator does after Pub/Sub confirmed them. */
    private static List<Dispatch> dispatch(Scheduler s) {
        List<Dispatch> chosen = s.selectDispatches();
        chosen.forEach(d -> s.apply(LedgerEvent.task(d.runId(), d.task(), LedgerEventType.DISPATCHED, d.dispatch(), 0,
                T0, null)));
        return chosen;
    }

    private static void event(Scheduler s, String run, TaskKey k, LedgerEventType type, int dispatch) {
        s.apply(LedgerEvent.task(run, k, type, dispatch, 1, T0, type == LedgerEventType.DEAD ? "boom" : null));
    }

    @Test
    void everyEndOfATaskCountsForItsPhaseAReplayedTasksSecondEndToo() {
        Scheduler s = schedulerWithRun(TestCatalogs.chain(10), 100, "r", 2);
        dispatch(s);
        event(s, "r", key("a", D1), LedgerEventType.SUCCEEDED, 1);
        event(s, "r", key("a", D1), LedgerEventType.SUCCEEDED, 1); // a duplicate event ends nothing
        event(s, "r", key("a", D1.plusDays(1)), LedgerEventType.DEAD, 1);
        assertThat(s.finishedPerPhase()).isEqualTo(java.util.Map.of(3, 2L));
        event(s, "r", key("a", D1.plusDays(1)), LedgerEventType.REPLAYED, 1);
        dispatch(s); // a of Jan 2 again (dispatch 2), b of Jan 1
        event(s, "r", key("a", D1.plusDays(1)), LedgerEventType.SUCCEEDED, 2);
        event(s, "r", key("b", D1), LedgerEventType.SKIPPED, 1);
        // phase 3: a of Jan 1, a of Jan 2 dead, a of Jan 2 again; phase 4: b of Jan 1
        assertThat(s.finishedPerPhase()).isEqualTo(java.util.Map.of(3, 3L, 4, 1L));
    }

    @Test
    void onlyTasksWithoutPendingUpstreamsAreDispatchedEarliestDateFirst() {
        Scheduler s = schedulerWithRun(TestCatalogs.chain(10), 100, "r", 3);
        assertThat(dispatch(s)).extracting(Dispatch::task)
                .containsExactly(key("a", D1), key("a", D1.plusDays(1)), key("a", D1.plusDays(2)));
    }

    @Test
    void aDownstreamTaskBecomesReadyOnlyWhenItsWholeWindowSucceeded() {
        Scheduler s = schedulerWithRun(TestCatalogs.chain(10), 100, "r", 3);
        dispatch(s);
        LocalDate d3 = D1.plusDays(2);
        event(s, "r", key("a", d3), LedgerEventType.SUCCEEDED, 1);
        assertThat(s.selectDispatches()).isEmpty(); // b of Jan 3 still waits for a of Jan 1 and 2
        event(s, "r", key("a", D1.plusDays(1)), LedgerEventType.SUCCEEDED, 1);
        event(s, "r", key("a", D1), LedgerEventType.SUCCEEDED, 1);
        assertThat(dispatch(s)).extracting(Dispatch::task)
                .containsExactly(key("b", D1), key("b", D1.plusDays(1)), key("b", d3));
    }

    @Test
    void globalAndPerProcessorLimitsCapWhatIsInFlight() {
        Scheduler perProcessor = schedulerWithRun(TestCatalogs.chain(2), 100, "r", 5);
        assertThat(dispatch(perProcessor)).hasSize(2);
        assertThat(perProcessor.selectDispatches()).isEmpty();

        Scheduler global = schedulerWithRun(TestCatalogs.chain(10), 3, "r", 5);
        assertThat(dispatch(global)).hasSize(3);
        event(global, "r", key("a", D1), LedgerEventType.SUCCEEDED, 1);
        assertThat(global.selectDispatches()).hasSize(1);
    }

    @Test
    void theSameProcessorAndDateIsNeverInFlightTwiceAcrossRuns() {
        Catalog catalog = TestCatalogs.chain(10);
        Scheduler s = schedulerWithRun(catalog, 100, "first", 2);
        BackfillRequest second = BackfillRequest.forRange("second", D1, D1.plusDays(2)).withProcessors(List.of("a"))
                .withCascade(false);
        s.addRun("second", second, T0, new Planner(catalog).plan(second.withUpstreams(Upstreams.ALLOW), k -> false, SeasonCalendar.EMPTY));
        List<Dispatch> chosen = dispatch(s);
        assertThat(chosen).extracting(Dispatch::task).doesNotHaveDuplicates()
                .containsExactlyInAnyOrder(key("a", D1), key("a", D1.plusDays(1)), key("a", D1.plusDays(2)));
        event(s, "first", key("a", D1), LedgerEventType.SUCCEEDED, 1);
        assertThat(dispatch(s)).extracting(Dispatch::runId, Dispatch::task)
                .contains(org.assertj.core.groups.Tuple.tuple("second", key("a", D1)));
    }

    @Test
    void deadTaskBlocksOnlyItsDownstreamAndReplayUnblocksIt() {
        Scheduler s = schedulerWithRun(TestCatalogs.chain(10), 100, "r", 4);
        dispatch(s);
        for (int i = 0; i < 4; i++) {
            event(s, "r", key("a", D1.plusDays(i)), LedgerEventType.SUCCEEDED, 1);
        }
        dispatch(s);
        LocalDate bad = D1.plusDays(1);
        event(s, "r", key("b", bad), LedgerEventType.DEAD, 1);
        for (LocalDate d : List.of(D1, D1.plusDays(2), D1.plusDays(3))) {
            event(s, "r", key("b", d), LedgerEventType.SUCCEEDED, 1);
        }
        dispatch(s);
        for (LocalDate d : List.of(D1, D1.plusDays(2), D1.plusDays(3))) {
            event(s, "r", key("c", d), LedgerEventType.SUCCEEDED, 1);
        }
        RunState run = s.run("r").orElseThrow();
        assertThat(run.task(key("c", bad)).status()).isEqualTo(TaskStatus.BLOCKED);
        assertThat(run.counts().get(TaskStatus.SUCCEEDED)).isEqualTo(10);
        assertThat(s.runsToFinish()).extracting(RunState::runId).containsExactly("r");
        s.apply(LedgerEvent.run("r", LedgerEventType.RUN_FINISHED, T0, "COMPLETED"));

        event(s, "r", key("b", bad), LedgerEventType.REPLAYED, 1);
        assertThat(run.finished()).isFalse();
        assertThat(run.task(key("c", bad)).status()).isEqualTo(TaskStatus.PLANNED);
        List<Dispatch> again = dispatch(s);
        assertThat(again).containsExactly(new Dispatch("r", key("b", bad), 2, 4));
        event(s, "r", key("b", bad), LedgerEventType.SUCCEEDED, 2);
        assertThat(dispatch(s)).extracting(Dispatch::task).containsExactly(key("c", bad));
    }

    @Test
    void duplicateStaleAndOutOfOrderEventsChangeNothing() {
        Scheduler s = schedulerWithRun(TestCatalogs.chain(10), 100, "r", 1);
        dispatch(s);
        TaskKey a = key("a", D1);
        event(s, "r", a, LedgerEventType.SUCCEEDED, 1);
        event(s, "r", a, LedgerEventType.STARTED, 1); // late STARTED after SUCCEEDED
        event(s, "r", a, LedgerEventType.SUCCEEDED, 1); // duplicate
        event(s, "r", a, LedgerEventType.DEAD, 0); // stale dispatch
        event(s, "other-run", a, LedgerEventType.DEAD, 1); // unknown run
        RunState run = s.run("r").orElseThrow();
        assertThat(run.task(a).status()).isEqualTo(TaskStatus.SUCCEEDED);
        // b became ready exactly once: one dispatch, not two
        assertThat(dispatch(s)).extracting(Dispatch::task).containsExactly(key("b", D1));
        assertThat(s.inFlightCount()).isEqualTo(1);
    }

    @Test
    void cancelStopsDispatchingAndFinishesOnceInFlightTasksEnd() {
        Scheduler s = schedulerWithRun(TestCatalogs.chain(1), 100, "r", 3);
        dispatch(s);
        s.apply(LedgerEvent.run("r", LedgerEventType.CANCEL_REQUESTED, T0, null));
        assertThat(s.runsToFinish()).isEmpty(); // a of Jan 1 still in flight
        event(s, "r", key("a", D1), LedgerEventType.SUCCEEDED, 1);
        assertThat(s.selectDispatches()).isEmpty();
        assertThat(s.runsToFinish()).hasSize(1);
        assertThat(s.run("r").orElseThrow().counts().get(TaskStatus.CANCELLED)).isEqualTo(8);
    }

    @Test
    void requeuedInFlightTasksAreDispatchedAgainWithAHigherDispatchNumber() {
        Scheduler s = schedulerWithRun(TestCatalogs.chain(10), 100, "r", 1);
        dispatch(s);
        TaskKey a = key("a", D1);
        assertThat(s.inFlightTasks()).containsExactly(new Dispatch("r", a, 1, 3));
        event(s, "r", a, LedgerEventType.REQUEUED, 1);
        assertThat(s.inFlightCount()).isZero();
        assertThat(dispatch(s)).containsExactly(new Dispatch("r", a, 2, 3));
        event(s, "r", a, LedgerEventType.SUCCEEDED, 1); // the lost dispatch's late event is stale
        assertThat(s.run("r").orElseThrow().task(a).status()).isEqualTo(TaskStatus.DISPATCHED);
    }

    @Test
    void withdrawnDispatchFreesItsSlotAndIsDispatchedAgainUnderTheNextNumber() {
        Scheduler s = schedulerWithRun(TestCatalogs.chain(2), 100, "r", 3);
        List<Dispatch> sent = dispatch(s); // a of Jan 1 and 2: a's two slots
        assertThat(s.selectDispatches()).isEmpty();

        s.withdraw(sent.get(0)); // Pub/Sub did not take a of Jan 1

        assertThat(s.inFlightCount()).isEqualTo(1);
        assertThat(s.run("r").orElseThrow().task(key("a", D1)).status()).isEqualTo(TaskStatus.READY);
        assertThat(dispatch(s)).containsExactly(new Dispatch("r", key("a", D1), 2, 3)); // earliest date first
        event(s, "r", key("a", D1), LedgerEventType.SUCCEEDED, 1); // an event of the dispatch not taken is stale
        assertThat(s.run("r").orElseThrow().task(key("a", D1)).status()).isEqualTo(TaskStatus.DISPATCHED);
    }

    @Test
    void withdrawChangesNothingOnceTheDispatchMovedOn() {
        Scheduler s = schedulerWithRun(TestCatalogs.chain(10), 100, "r", 1);
        Dispatch sent = dispatch(s).get(0);
        event(s, "r", sent.task(), LedgerEventType.STARTED, 1); // the worker's event proves Pub/Sub took it

        s.withdraw(sent);
        s.withdraw(new Dispatch("r", sent.task(), 2, 3)); // never issued

        assertThat(s.run("r").orElseThrow().task(sent.task()).status()).isEqualTo(TaskStatus.RUNNING);
        assertThat(s.inFlightCount()).isEqualTo(1);
    }

    @Test
    void inACancelledRunAWithdrawnOrRequeuedTaskIsCancelledAndTheRunFinishes() {
        Scheduler s = schedulerWithRun(TestCatalogs.chain(10), 100, "r", 2);
        List<Dispatch> sent = dispatch(s); // a of Jan 1 and 2
        s.apply(LedgerEvent.run("r", LedgerEventType.CANCEL_REQUESTED, T0, null));

        s.withdraw(sent.get(0));
        event(s, "r", sent.get(1).task(), LedgerEventType.REQUEUED, 1); // the broker restarted empty

        assertThat(s.run("r").orElseThrow().task(key("a", D1)).status()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(s.run("r").orElseThrow().task(key("a", D1.plusDays(1))).status()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(s.selectDispatches()).isEmpty();
        assertThat(s.runsToFinish()).extracting(RunState::runId).containsExactly("r");
    }

    // Phase barrier over the chain a -> b -> c: levels 0, 1, 2.

    @Test
    void phaseBarrierHoldsALevelUntilEveryTaskOfTheLevelsBeforeHasFinishedOnEveryDate() {
        Scheduler s = schedulerWithRun(TestCatalogs.chain(10), 100, "r", 3, Policy.PHASE_BARRIER);
        LocalDate d2 = D1.plusDays(1);
        LocalDate d3 = D1.plusDays(2);
        assertThat(dispatch(s)).extracting(Dispatch::task).containsExactly(key("a", D1), key("a", d2), key("a", d3));

        event(s, "r", key("a", D1), LedgerEventType.SUCCEEDED, 1);
        event(s, "r", key("a", d2), LedgerEventType.SUCCEEDED, 1);
        RunState run = s.run("r").orElseThrow();
        // b of Jan 1 and Jan 2 have their upstreams (per-date would send them), but a of Jan 3 is still running
        assertThat(run.task(key("b", D1)).status()).isEqualTo(TaskStatus.READY);
        assertThat(run.task(key("b", d2)).status()).isEqualTo(TaskStatus.READY);
        assertThat(s.selectDispatches()).isEmpty();

        event(s, "r", key("a", d3), LedgerEventType.SUCCEEDED, 1);
        assertThat(dispatch(s)).extracting(Dispatch::task).containsExactly(key("b", D1), key("b", d2), key("b", d3));

        event(s, "r", key("b", D1), LedgerEventType.SUCCEEDED, 1);
        event(s, "r", key("b", d3), LedgerEventType.SKIPPED, 1);
        assertThat(s.selectDispatches()).isEmpty(); // b of Jan 2 still running
        event(s, "r", key("b", d2), LedgerEventType.SUCCEEDED, 1);
        assertThat(dispatch(s)).extracting(Dispatch::task).containsExactly(key("c", D1), key("c", d2), key("c", d3));
    }

    @Test
    void phaseBarrierLetsADeadTaskCloseItsLevelBlocksItsDownstreamAndReopensTheLevelOnReplay() {
        Scheduler s = schedulerWithRun(TestCatalogs.chain(10), 100, "r", 3, Policy.PHASE_BARRIER);
        LocalDate d2 = D1.plusDays(1);
        LocalDate d3 = D1.plusDays(2);
        dispatch(s);
        event(s, "r", key("a", D1), LedgerEventType.SUCCEEDED, 1);
        event(s, "r", key("a", d2), LedgerEventType.DEAD, 1);
        event(s, "r", key("a", d3), LedgerEventType.SUCCEEDED, 1);
        RunState run = s.run("r").orElseThrow();
        // b of Jan 2 and Jan 3 read a of Jan 2 (same date, previous 2 dates): blocked; b of Jan 1 goes ahead
        assertThat(run.task(key("b", d2)).status()).isEqualTo(TaskStatus.BLOCKED);
        assertThat(run.task(key("b", d3)).status()).isEqualTo(TaskStatus.BLOCKED);
        assertThat(dispatch(s)).extracting(Dispatch::task).containsExactly(key("b", D1));

        event(s, "r", key("a", d2), LedgerEventType.REPLAYED, 1);
        assertThat(dispatch(s)).containsExactly(new Dispatch("r", key("a", d2), 2, 3));
        event(s, "r", key("b", D1), LedgerEventType.SUCCEEDED, 1);
        // c of Jan 1 has its upstream, but level 0 is open again until the replayed task finishes
        assertThat(run.task(key("c", D1)).status()).isEqualTo(TaskStatus.READY);
        assertThat(s.selectDispatches()).isEmpty();
        event(s, "r", key("a", d2), LedgerEventType.SUCCEEDED, 2);
        assertThat(dispatch(s)).extracting(Dispatch::task).containsExactly(key("b", d2), key("b", d3));
    }

    @Test
    void phaseBarrierStillHonoursThePerProcessorLimit() {
        Scheduler s = schedulerWithRun(TestCatalogs.chain(2), 100, "r", 3, Policy.PHASE_BARRIER);
        assertThat(dispatch(s)).extracting(Dispatch::task).containsExactly(key("a", D1), key("a", D1.plusDays(1)));
        event(s, "r", key("a", D1), LedgerEventType.SUCCEEDED, 1);
        assertThat(dispatch(s)).extracting(Dispatch::task).containsExactly(key("a", D1.plusDays(2)));
    }

    @Test
    void sequentialRunsOneTaskAtATimeInPlanOrder() {
        Catalog catalog = TestCatalogs.chain(10);
        Scheduler s = schedulerWithRun(catalog, 100, "r", 3, Policy.SEQUENTIAL);
        List<TaskKey> sent = new ArrayList<>();
        for (int step = 0; step < 9; step++) {
            List<Dispatch> chosen = dispatch(s);
            assertThat(chosen).as("step %d", step).hasSize(1);
            assertThat(s.inFlightCount()).isEqualTo(1);
            assertThat(s.selectDispatches()).as("nothing more while one is in flight").isEmpty();
            TaskKey task = chosen.get(0).task();
            sent.add(task);
            event(s, "r", task, LedgerEventType.STARTED, 1);
            assertThat(s.selectDispatches()).isEmpty();
            event(s, "r", task, LedgerEventType.SUCCEEDED, 1);
        }
        // date, then phase: 3 processors x 3 dates, each once
        LocalDate d2 = D1.plusDays(1);
        LocalDate d3 = D1.plusDays(2);
        assertThat(sent).containsExactly(key("a", D1), key("b", D1), key("c", D1), key("a", d2), key("b", d2),
                key("c", d2), key("a", d3), key("b", d3), key("c", d3));
        assertThat(s.selectDispatches()).isEmpty();
        assertThat(s.runsToFinish()).extracting(RunState::runId).containsExactly("r");
    }

    @Test
    void sequentialMovesOnPastADeadTaskAndSkipsWhatItBlocks() {
        Scheduler s = schedulerWithRun(TestCatalogs.chain(10), 100, "r", 2, Policy.SEQUENTIAL);
        LocalDate d2 = D1.plusDays(1);
        assertThat(dispatch(s)).extracting(Dispatch::task).containsExactly(key("a", D1));
        event(s, "r", key("a", D1), LedgerEventType.DEAD, 1);
        // b of both dates reads a of Jan 1, so b and c are blocked on both dates: a of Jan 2 is all that is left
        assertThat(dispatch(s)).extracting(Dispatch::task).containsExactly(key("a", d2));
        event(s, "r", key("a", d2), LedgerEventType.SUCCEEDED, 1);
        assertThat(s.selectDispatches()).isEmpty();
        assertThat(s.run("r").orElseThrow().counts().get(TaskStatus.BLOCKED)).isEqualTo(4);
        assertThat(s.runsToFinish()).extracting(RunState::runId).containsExactly("r");
    }

    @Test
    void runsWithDifferentPoliciesCoexistUnderTheSameLimits() {
        Catalog catalog = TestCatalogs.chain(2); // at most 2 of each processor in flight, across runs
        Scheduler s = new Scheduler(catalog, 100);
        LocalDate d4 = D1.plusDays(3);
        addRun(s, catalog, "one-by-one", D1, 3, Policy.SEQUENTIAL);
        addRun(s, catalog, "chained", d4, 3, Policy.PER_DATE);

        assertThat(dispatch(s)).extracting(Dispatch::runId, Dispatch::task).containsExactly(
                tuple("one-by-one", key("a", D1)),
                tuple("chained", key("a", d4)));

        event(s, "one-by-one", key("a", D1), LedgerEventType.SUCCEEDED, 1);
        // the sequential run's next in plan order is b of Jan 1; the per-date run gets the freed slot of a
        assertThat(dispatch(s)).extracting(Dispatch::runId, Dispatch::task).containsExactly(
                tuple("one-by-one", key("b", D1)),
                tuple("chained", key("a", d4.plusDays(1))));
        assertThat(s.run("one-by-one").orElseThrow().policy()).isEqualTo(Policy.SEQUENTIAL);
        assertThat(s.run("chained").orElseThrow().policy()).isEqualTo(Policy.PER_DATE);
    }
}
