package fullcourt.coordinator.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import fullcourt.coordinator.TaskDied;
import fullcourt.coordinator.TaskKey;
import fullcourt.coordinator.TaskStatus;
import fullcourt.coordinator.TestCatalogs;
import fullcourt.coordinator.ledger.LedgerEvent;
import fullcourt.coordinator.ledger.LedgerEventType;
import fullcourt.coordinator.metrics.CoordinatorMetrics;
import fullcourt.coordinator.plan.Planner;
import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.SeasonCalendar;
import fullcourt.engine.catalog.Upstream;
import fullcourt.engine.catalog.Window;
import fullcourt.engine.testing.ManualClock;
import fullcourt.messages.BackfillRequest;
import fullcourt.messages.BackfillRequest.Upstreams;
import fullcourt.messages.DateWork;
import fullcourt.messages.Quota;
import fullcourt.messages.TaskEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * After a task met a daily quota, the READY tasks that would meet it end DEAD without being sent, naming the quota:
 * those writing its table (every task, for a project's quota), until it refills or the run that met it ends.
 */
class DailyQuotaGateTest {

    private static final LocalDate D1 = LocalDate.of(2022, 1, 1);
    private static final Instant T0 = Instant.parse("2022-06-01T00:00:00Z");
    private static final String PARTITIONS = "Number of partition modifications to a column partitioned table";

    /** hot and cool write their own tables (t.hot, t.cool), one task at a time each; after needs hot of its date. */
    private final Catalog catalog = Catalog.of(List.of(
            TestCatalogs.declare("hot", 3, 1),
            TestCatalogs.declare("cool", 3, 1),
            TestCatalogs.declare("after", 4, 1, new Upstream("hot", Window.SAME_DATE))));
    private final Scheduler scheduler = new Scheduler(catalog, 100);
    private final ManualClock clock = new ManualClock(T0);
    private final List<LedgerEvent> written = new ArrayList<>();
    private final List<TaskDied> died = new ArrayList<>();
    private final DailyQuotaGate gate = new DailyQuotaGate(scheduler, new CoordinatorMetrics(new SimpleMeterRegistry()),
            clock, this::write, died::add);

    private void write(List<LedgerEvent> rows) {
        written.addAll(rows);
        rows.forEach(scheduler::apply);
    }

    private void addRun(String runId, LocalDate from, int days) {
        BackfillRequest r = BackfillRequest.forRange(runId, from, from.plusDays(days - 1)).withPhases(List.of(3, 4));
        scheduler.addRun(runId, r, T0, new Planner(catalog).plan(r.withUpstreams(Upstreams.ALLOW), k -> false,
                SeasonCalendar.EMPTY));
    }

    private List<TaskKey> dispatch() {
        List<Dispatch> chosen = scheduler.selectDispatches();
        chosen.forEach(d -> scheduler.apply(LedgerEvent.task(d.runId(), d.task(), LedgerEventType.DISPATCHED,
                d.dispatch(), 0, clock.instant(), null)));
        return chosen.stream().map(Dispatch::task).toList();
    }

    /** The worker's ATTEMPT_FAILED on {@code quota}, as the coordinator records it: a DAILY_QUOTA row. */
    private void meets(String runId, TaskKey task, Quota quota) {
        DateWork work = DateWork.of(runId, task.taskId(), task.processor(), task.date(), 1);
        TaskEvent failed = TaskEvent.attemptFailed(work, 1, clock.instant(), "quotaExceeded", false, 10, "v1", quota);
        scheduler.apply(DailyQuotaGate.metBy(failed, task).orElseThrow());
        scheduler.apply(LedgerEvent.task(runId, task, LedgerEventType.DEAD, 1, 1, clock.instant(), "quotaExceeded"));
    }

    private TaskStatus status(String runId, String processor, LocalDate date) {
        return scheduler.run(runId).orElseThrow().task(new TaskKey(processor, date)).status();
    }

    @Test
    void aDailyTableQuotaEndsTheOtherTasksOfItsTableDeadUnsentAndTheOtherTablesCarryOn() {
        addRun("r", D1, 3);
        assertThat(dispatch()).containsExactlyInAnyOrder(new TaskKey("hot", D1), new TaskKey("cool", D1));

        meets("r", new TaskKey("hot", D1), Quota.table("t.hot", true, PARTITIONS));
        gate.endHeldTasks();

        assertThat(written).extracting(LedgerEvent::task)
                .containsExactly(new TaskKey("hot", D1.plusDays(1)), new TaskKey("hot", D1.plusDays(2)));
        assertThat(written).allSatisfy(row -> {
            assertThat(row.type()).isEqualTo(LedgerEventType.DAILY_QUOTA);
            assertThat(row.dispatch()).as("never sent").isZero();
        });
        TaskRecord held = scheduler.run("r").orElseThrow().task(new TaskKey("hot", D1.plusDays(1)));
        assertThat(held.status()).isEqualTo(TaskStatus.DEAD);
        assertThat(held.lastError()).isEqualTo("not sent: the daily table quota of t.hot: " + PARTITIONS
                + " was met by hot/2022-01-01; its refill time is unknown, tasks that would meet it are held until the"
                + " run that met it ends; replay it then: fullcourt replay r");
        assertThat(status("r", "after", D1.plusDays(1))).isEqualTo(TaskStatus.BLOCKED);
        assertThat(died).extracting(TaskDied::task).containsExactly(new TaskKey("hot", D1.plusDays(1)),
                new TaskKey("hot", D1.plusDays(2)));

        // cool of Jan 1 ends; only cool is sent after it
        scheduler.apply(LedgerEvent.task("r", new TaskKey("cool", D1), LedgerEventType.SUCCEEDED, 1, 1, T0, null));
        gate.endHeldTasks();
        assertThat(dispatch()).containsExactly(new TaskKey("cool", D1.plusDays(1)));
        assertThat(written).hasSize(2);

        // hot of Jan 1 met it, Jan 2 and 3 were held: three of hot's tasks, one quota
        assertThat(DailyQuotaSummary.of(scheduler.run("r").orElseThrow())).containsExactly(new DailyQuotaSummary(
                Quota.Scope.TABLE, "t.hot", PARTITIONS, 3, null, "3 tasks DEAD on a daily quota: " + PARTITIONS
                + " (table t.hot) — no refill time given (BigQuery refills daily quotas gradually through the day);"
                + " replay them later with `fullcourt replay r`"));
    }

    @Test
    void aQuotaWithARefillTimeHoldsItsTableUntilThen() {
        addRun("r", D1, 3);
        dispatch();
        Instant refill = T0.plus(Duration.ofHours(8));
        meets("r", new TaskKey("hot", D1), Quota.project(true, "QueryUsagePerDay").refillingAt(refill));
        gate.endHeldTasks();
        // a project's quota holds every task: hot and cool of Jan 2 and 3 (cool of Jan 1 is in flight)
        assertThat(written).extracting(LedgerEvent::task).containsExactlyInAnyOrder(new TaskKey("hot", D1.plusDays(1)),
                new TaskKey("hot", D1.plusDays(2)), new TaskKey("cool", D1.plusDays(1)), new TaskKey("cool", D1.plusDays(2)));
        assertThat(DailyQuotaSummary.of(scheduler.run("r").orElseThrow())).singleElement().satisfies(q -> {
            assertThat(q.tasks()).isEqualTo(5);
            assertThat(q.summary()).isEqualTo("5 tasks DEAD on a daily quota: QueryUsagePerDay (project-wide) —"
                    + " refills at 2022-06-01T08:00:00Z; replay them then with `fullcourt replay r`");
        });

        // replayed one second before the refill: held again; at the refill: sent
        clock.advance(Duration.ofHours(8).minusSeconds(1));
        scheduler.apply(LedgerEvent.task("r", new TaskKey("hot", D1.plusDays(1)), LedgerEventType.REPLAYED, 0, 0,
                clock.instant(), null));
        gate.endHeldTasks();
        assertThat(status("r", "hot", D1.plusDays(1))).isEqualTo(TaskStatus.DEAD);
        clock.advance(Duration.ofSeconds(1));
        scheduler.apply(LedgerEvent.task("r", new TaskKey("hot", D1.plusDays(1)), LedgerEventType.REPLAYED, 0, 0,
                clock.instant(), null));
        gate.endHeldTasks();
        assertThat(written).hasSize(5);
        assertThat(dispatch()).contains(new TaskKey("hot", D1.plusDays(1)));
    }

    @Test
    void withoutARefillTimeTheHoldEndsWithTheRunThatMetItAndHoldsOtherRunsTasksTillThen() {
        addRun("first", D1, 1);
        addRun("second", D1.plusDays(10), 2);
        dispatch(); // hot and cool of Jan 1 (first): hot runs one at a time
        meets("first", new TaskKey("hot", D1), Quota.table("t.hot", true, PARTITIONS));
        gate.endHeldTasks();
        assertThat(status("second", "hot", D1.plusDays(10))).isEqualTo(TaskStatus.DEAD);
        assertThat(status("second", "hot", D1.plusDays(11))).isEqualTo(TaskStatus.DEAD);
        assertThat(status("second", "cool", D1.plusDays(10))).isEqualTo(TaskStatus.READY);

        scheduler.apply(LedgerEvent.task("first", new TaskKey("cool", D1), LedgerEventType.SUCCEEDED, 1, 1, T0, null));
        scheduler.apply(LedgerEvent.run("first", LedgerEventType.RUN_FINISHED, T0, "COMPLETED_WITH_FAILURES"));
        scheduler.apply(LedgerEvent.task("second", new TaskKey("hot", D1.plusDays(10)), LedgerEventType.REPLAYED, 0,
                0, T0, null));
        gate.endHeldTasks();

        assertThat(dispatch()).contains(new TaskKey("hot", D1.plusDays(10)));
        assertThat(scheduler.run("second").orElseThrow().task(new TaskKey("hot", D1.plusDays(10))).dailyQuota())
                .as("a replay forgets the quota").isNull();
    }

    @Test
    void theDailyQuotaOfATableNoProcessorWritesHoldsEveryTask() {
        addRun("r", D1, 2);
        dispatch();
        meets("r", new TaskKey("hot", D1), Quota.table("ops.partition_lineage", true, "imports or query appends per table"));
        gate.endHeldTasks();

        assertThat(written).extracting(LedgerEvent::task).containsExactlyInAnyOrder(new TaskKey("hot", D1.plusDays(1)),
                new TaskKey("cool", D1.plusDays(1)));
    }

    @Test
    void aTaskWhoseDeadLetterCameBeforeItsFailedAttemptStillCountsForItsQuota() {
        addRun("r", D1, 1);
        dispatch();
        TaskKey hot = new TaskKey("hot", D1);
        scheduler.apply(LedgerEvent.task("r", hot, LedgerEventType.DEAD, 1, 1, T0, "quotaExceeded"));
        DateWork work = DateWork.of("r", hot.taskId(), "hot", D1, 1);
        scheduler.apply(DailyQuotaGate.metBy(TaskEvent.attemptFailed(work, 1, T0, "quotaExceeded", false, 10, "v1",
                Quota.table("t.hot", true, PARTITIONS)), hot).orElseThrow());

        assertThat(DailyQuotaSummary.of(scheduler.run("r").orElseThrow())).extracting(DailyQuotaSummary::tasks)
                .containsExactly(1);
    }

    @Test
    void aQuotaThatRefillsSoonHoldsNothing() {
        addRun("r", D1, 2);
        dispatch();
        DateWork work = DateWork.of("r", "hot/2022-01-01", "hot", D1, 1);
        TaskEvent failed = TaskEvent.attemptFailed(work, 1, T0, "rateLimitExceeded", true, 10, "v1",
                Quota.table("t.hot", false, "table update operations"));

        assertThat(DailyQuotaGate.metBy(failed, new TaskKey("hot", D1))).isEmpty();
        assertThat(DailyQuotaGate.metBy(TaskEvent.attemptFailed(work, 1, T0, "boom", false, 10, "v1"),
                new TaskKey("hot", D1))).isEmpty();
    }
}
