package fullcourt.coordinator.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import fullcourt.coordinator.RunStatus;
import fullcourt.coordinator.TaskKey;
import fullcourt.coordinator.TaskStatus;
import fullcourt.coordinator.TestCatalogs;
import fullcourt.coordinator.api.RunPhases;
import fullcourt.coordinator.ledger.LedgerEvent;
import fullcourt.coordinator.ledger.LedgerEventType;
import fullcourt.coordinator.plan.Planner;
import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.SeasonCalendar;
import fullcourt.messages.BackfillRequest;
import fullcourt.messages.BackfillRequest.Upstreams;
import fullcourt.progress.PhaseProgress;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a run's state says once it ends: failures, cancels and replays, and empty partitions, told as they are. */
class RunStatusTest {

    private static final LocalDate D1 = LocalDate.of(2022, 1, 1);
    private static final LocalDate D2 = D1.plusDays(1);
    private static final Instant T0 = Instant.parse("2022-06-01T00:00:00Z");
    private static final Catalog CATALOG = TestCatalogs.chain(10);

    private final Scheduler s = new Scheduler(CATALOG, 100);
    private final RunState run;

    RunStatusTest() {
        // a (phase 3) -> b (phase 4, a of D, D-1, D-2) -> c (phase 5, b of D), on two dates: 6 tasks
        BackfillRequest r = BackfillRequest.forRange("r", D1, D2).withPhases(List.of(3));
        run = s.addRun("r", r, T0, new Planner(CATALOG).plan(r.withUpstreams(Upstreams.ALLOW), k -> false,
                SeasonCalendar.EMPTY));
    }

    private void dispatchAll() {
        s.selectDispatches().forEach(d -> s.apply(LedgerEvent.task(d.runId(), d.task(), LedgerEventType.DISPATCHED,
                d.dispatch(), 0, T0, null)));
    }

    private void succeeded(String processor, LocalDate date, long rows) {
        TaskKey key = new TaskKey(processor, date);
        s.apply(new LedgerEvent("r", key, LedgerEventType.SUCCEEDED, run.task(key).dispatch(), 1, T0, null, rows, 10L));
    }

    private void dead(String processor, LocalDate date) {
        TaskKey key = new TaskKey(processor, date);
        s.apply(LedgerEvent.task("r", key, LedgerEventType.DEAD, run.task(key).dispatch(), 5, T0, "boom"));
    }

    private void finish() {
        assertThat(s.runsToFinish()).extracting(RunState::runId).containsExactly("r");
        s.apply(LedgerEvent.run("r", LedgerEventType.RUN_FINISHED, T0, run.outcome().name()));
    }

    /** a of both dates succeeds; b of D2 dies, so c of D2 is blocked; b and c of D1 succeed. */
    private void runWithOneDeadTask() {
        dispatchAll();
        succeeded("a", D1, 3);
        succeeded("a", D2, 3);
        dispatchAll();
        succeeded("b", D1, 3);
        dead("b", D2);
        dispatchAll();
        succeeded("c", D1, 3);
    }

    @Test
    void aRunThatEndsWithDeadOrBlockedTasksIsCompletedWithFailuresNotCompleted() {
        runWithOneDeadTask();
        finish();

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED_WITH_FAILURES);
        assertThat(run.task(new TaskKey("c", D2)).status()).isEqualTo(TaskStatus.BLOCKED);
    }

    @Test
    void replayingTheDeadTaskToSuccessMakesTheRunCompleted() {
        runWithOneDeadTask();
        finish();

        s.apply(LedgerEvent.task("r", new TaskKey("b", D2), LedgerEventType.REPLAYED, 1, 0, T0, null));
        assertThat(run.status()).isEqualTo(RunStatus.RUNNING);
        dispatchAll();
        succeeded("b", D2, 3);
        dispatchAll();
        succeeded("c", D2, 3);
        finish();

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
    }

    @Test
    void aCancelOfAFinishedRunFoldedFromAnOlderLedgerChangesNothing() {
        runWithOneDeadTask();
        finish();

        s.apply(LedgerEvent.run("r", LedgerEventType.CANCEL_REQUESTED, T0, null));

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED_WITH_FAILURES);
        assertThat(run.task(new TaskKey("c", D2)).status()).as("still blocked, not cancelled")
                .isEqualTo(TaskStatus.BLOCKED);
    }

    @Test
    void aReplayAfterACancelNeverLeavesTheRunCancelling() {
        dispatchAll();
        dead("a", D2);
        s.apply(LedgerEvent.run("r", LedgerEventType.CANCEL_REQUESTED, T0, null));
        assertThat(run.status()).isEqualTo(RunStatus.CANCELLING);
        succeeded("a", D1, 3);
        finish();
        assertThat(run.status()).isEqualTo(RunStatus.CANCELLED);

        s.apply(LedgerEvent.task("r", new TaskKey("a", D2), LedgerEventType.REPLAYED, 1, 0, T0, null));

        assertThat(run.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(run.task(new TaskKey("a", D2)).status()).isEqualTo(TaskStatus.DEAD);
        assertThat(s.selectDispatches()).isEmpty();
    }

    @Test
    void aPausedRunDispatchesNothingWhileItsTasksInFlightFinishAndResumesAsTheSameRun() {
        dispatchAll();                                   // a of D1 and D2 in flight
        s.apply(LedgerEvent.run("r", LedgerEventType.PAUSED, T0, null));
        assertThat(run.status()).isEqualTo(RunStatus.PAUSED);

        succeeded("a", D1, 3);
        succeeded("a", D2, 3);                           // b of both dates READY now
        assertThat(s.selectDispatches()).as("paused: nothing dispatched").isEmpty();
        assertThat(s.runsToFinish()).as("READY tasks are not finished").isEmpty();

        s.apply(LedgerEvent.run("r", LedgerEventType.RESUMED, T0, null));

        assertThat(run.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(s.selectDispatches()).extracting(Dispatch::task)
                .containsExactly(new TaskKey("b", D1), new TaskKey("b", D2));
    }

    @Test
    void aPauseOfAFinishedOrCancelledRunChangesNothing() {
        s.apply(LedgerEvent.run("r", LedgerEventType.CANCEL_REQUESTED, T0, null));
        s.apply(LedgerEvent.run("r", LedgerEventType.PAUSED, T0, null));

        assertThat(run.status()).isEqualTo(RunStatus.CANCELLING);
    }

    @Test
    void tasksThatSucceededWithZeroRowsAreListedAndSkippedOnesAreNot() {
        dispatchAll();
        succeeded("a", D1, 0);
        TaskKey skipped = new TaskKey("a", D2);
        s.apply(new LedgerEvent("r", skipped, LedgerEventType.SKIPPED, run.task(skipped).dispatch(), 1, T0,
                "no games", null, 5L));
        dispatchAll();
        succeeded("b", D1, 12);

        assertThat(run.zeroRowTasks()).containsExactly(new TaskKey("a", D1));
    }

    @Test
    void phasesCountTheirTasksFinishedInFlightRetriedAndFailed() {
        dispatchAll();                       // a of D1 and D2 in flight (phase 3)
        TaskKey a1 = new TaskKey("a", D1);
        s.apply(LedgerEvent.task("r", a1, LedgerEventType.STARTED, 1, 3, T0, null)); // third delivery: 2 retries
        succeeded("a", D1, 3);
        dead("a", D2);                       // so b and c of D2 are blocked; b and c of D1 wait (not finished)

        assertThat(RunPhases.of(run, CATALOG)).containsExactly(
                // phase 3: 2 tasks, both finished (1 succeeded, 1 dead); retries: a of D1 was delivered 3 times (2)
                // and a of D2 dead after 5 deliveries (4): 6
                new PhaseProgress(3, 2, 2, 0, 6, 1, 0, 0),
                // phases 4 and 5: of D1 not finished, of D2 blocked (finished, not dead)
                new PhaseProgress(4, 2, 1, 0, 0, 0, 1, 0),
                new PhaseProgress(5, 2, 1, 0, 0, 0, 1, 0));
    }
}
