package fullcourt.bench.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fullcourt.coordinator.TaskKey;
import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.DateDomain;
import fullcourt.engine.catalog.ProcessorDeclaration;
import fullcourt.engine.catalog.SeasonCalendar;
import fullcourt.engine.catalog.Upstream;
import fullcourt.engine.catalog.Window;
import fullcourt.messages.BackfillRequest;
import fullcourt.messages.BackfillRequest.Policy;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VirtualClockRunTest {

    private static final LocalDate D1 = LocalDate.of(2024, 1, 1);
    private static final LocalDate D3 = LocalDate.of(2024, 1, 3);

    private static ProcessorDeclaration declare(String name, int phase, int concurrency, Upstream... upstreams) {
        return new ProcessorDeclaration(name, phase, "t." + name, "game_date", List.of(upstreams), DateDomain.CALENDAR,
                "v1", concurrency);
    }

    /** a (3) -> b (4) -> c (5), each needing its upstream of the same date, one task of each processor at a time. */
    private static Catalog chainOfOne() {
        return Catalog.of(List.of(
                declare("a", 3, 1),
                declare("b", 4, 1, new Upstream("a", Window.SAME_DATE)),
                declare("c", 5, 1, new Upstream("b", Window.SAME_DATE))));
    }

    private static SimulationResult run(Catalog catalog, int global, Policy policy, TaskDurations durations) {
        BackfillRequest request = BackfillRequest.forRange("sim", D1, D3).withPhases(List.of(3)).withPolicy(policy);
        return new VirtualClockRun(catalog, SeasonCalendar.EMPTY, global).run(request, durations);
    }

    @Test
    void perDateChainingPipelinesThreeDatesThroughThreeProcessors() {
        // 3 dates x 3 processors, 10 s each, one slot per processor: a pipeline of 3 stages over
        // 3 dates ends after (3 + 3 - 1) x 10 s = 50 s
        SimulationResult r = run(chainOfOne(), 100, Policy.PER_DATE, t -> 10_000);
        assertThat(r.makespanMillis()).isEqualTo(50_000);
        assertThat(r.tasks()).isEqualTo(9);
        assertThat(r.totalWorkMillis()).isEqualTo(90_000);
        assertThat(r.startMillis().get(new TaskKey("c", D1))).isEqualTo(20_000);
    }

    @Test
    void phaseBarrierRunsEachLevelOnEveryDateBeforeTheNext() {
        // level a: 3 x 10 s = 30 s, then b 30 s, then c 30 s: 90 s
        SimulationResult r = run(chainOfOne(), 100, Policy.PHASE_BARRIER, t -> 10_000);
        assertThat(r.makespanMillis()).isEqualTo(90_000);
        assertThat(r.startMillis().get(new TaskKey("b", D1))).isEqualTo(30_000);
    }

    @Test
    void sequentialIsTheSumOfEveryDuration() {
        // durations 1..9 s by (date, processor): sum 45 s, one task in flight at a time
        SimulationResult r = run(chainOfOne(), 100, Policy.SEQUENTIAL,
                t -> 1_000L * ((t.date().getDayOfMonth() - 1) * 3 + (t.processor().charAt(0) - 'a') + 1));
        assertThat(r.makespanMillis()).isEqualTo(45_000);
        assertThat(r.peakInFlight()).isEqualTo(1);
    }

    @Test
    void theGlobalLimitCapsTasksInFlight() {
        // one processor allowed 10 at once, 3 dates... 10 dates of 1 s under a global limit of 3:
        // ceil(10 / 3) = 4 rounds of 1 s
        Catalog one = Catalog.of(List.of(declare("a", 3, 10)));
        BackfillRequest request = BackfillRequest.forRange("sim", D1, D1.plusDays(9)).withPhases(List.of(3));
        SimulationResult r = new VirtualClockRun(one, SeasonCalendar.EMPTY, 3).run(request, t -> 1_000);
        assertThat(r.makespanMillis()).isEqualTo(4_000);
        assertThat(r.peakInFlight()).isEqualTo(3);
    }

    @Test
    void lowerBoundIsTheLongerOfWorkOverTheLimitAndTheLongestChain() {
        SimulationResult r = run(chainOfOne(), 100, Policy.PER_DATE, t -> 10_000);
        LowerBound bound = LowerBound.of(r.upstreams(), t -> 10_000, 100, p -> 1);
        // work 90 s / 100 = 0.9 s; chain a -> b -> c = 30 s; per processor 3 x 10 s / 1 = 30 s
        assertThat(bound.totalWorkMillis()).isEqualTo(90_000);
        assertThat(bound.longestChainMillis()).isEqualTo(30_000);
        assertThat(bound.millis()).isEqualTo(30_000);
        assertThat(bound.perProcessorMillis()).isEqualTo(30_000);
        // the chain itself, first task first: a, b, c of one date
        assertThat(bound.longestChain()).extracting(TaskKey::processor).containsExactly("a", "b", "c");
        assertThat(bound.longestChain()).extracting(TaskKey::date).containsOnly(bound.longestChain().get(0).date());
        LowerBound tight = LowerBound.of(r.upstreams(), t -> 10_000, 2, p -> 1);
        assertThat(tight.millis()).isEqualTo(45_000); // 90 s over 2 slots
    }

    /** One processor, {@code dates} dates from D1, up to {@code limit} in flight. */
    private static SimulationResult runOne(int dates, int limit, SlotPool slots, int pacing, TaskDurations durations) {
        Catalog one = Catalog.of(List.of(declare("a", 3, limit)));
        BackfillRequest request = BackfillRequest.forRange("sim", D1, D1.plusDays(dates - 1)).withPhases(List.of(3));
        return new VirtualClockRun(one, SeasonCalendar.EMPTY, limit, slots, pacing).run(request, durations);
    }

    @Test
    void twoQueriesSharingAPoolRunAtItsShareOverTheirDemand() {
        // a 10 s and a 30 s query (at full speed), each wanting 100 slots, start together
        TaskDurations tenAndThirty = t -> t.date().equals(D1) ? 10_000 : 30_000;
        // pool 100: each gets 50 of its 100, half speed; the short one ends at 10 / 0.5 = 20 s, when the long one has
        // done 10 s of its 30; alone, it does the other 20 s at full speed: 40 s
        SimulationResult half = runOne(2, 2, new SlotPool(100, 100), 0, tenAndThirty);
        assertThat(half.endMillis()).containsEntry(new TaskKey("a", D1), 20_000L)
                .containsEntry(new TaskKey("a", D1.plusDays(1)), 40_000L);
        // pool 150: 75 each, 0.75 speed: 10 / 0.75 = 13.333 s; the long one has done 10 s, 20 s left: 33.333 s
        SimulationResult threeQuarters = runOne(2, 2, new SlotPool(150, 100), 0, tenAndThirty);
        assertThat(threeQuarters.endMillis()).containsEntry(new TaskKey("a", D1), 13_333L)
                .containsEntry(new TaskKey("a", D1.plusDays(1)), 33_333L);
        // pool 200: both fit, no stretch
        SimulationResult fits = runOne(2, 2, new SlotPool(200, 100), 0, tenAndThirty);
        assertThat(fits.endMillis()).containsEntry(new TaskKey("a", D1), 10_000L)
                .containsEntry(new TaskKey("a", D1.plusDays(1)), 30_000L);
        assertThat(fits.stretch()).isEqualTo(1.0);
        assertThat(half.stretch()).isEqualTo((20 + 40) / 40.0);
    }

    @Test
    void withoutContentionTheSlotModelGivesTheFiguresOfTheModelWithoutSlots() {
        // 100 in flight x 20 slots = the 2,000-slot pool exactly: nothing stretches, every task ends when it did
        // before slots were modelled
        TaskDurations varied = t -> 1_000L * (1 + t.date().getDayOfYear() * 7 % 13);
        SimulationResult before = runOne(300, 100, SlotPool.UNLIMITED, 0, varied);
        SimulationResult slots = runOne(300, 100, new SlotPool(SlotPool.ON_DEMAND_SLOTS, 20), 0, varied);
        assertThat(slots.peakInFlight()).isEqualTo(100);
        assertThat(slots.makespanMillis()).isEqualTo(before.makespanMillis());
        assertThat(slots.endMillis()).isEqualTo(before.endMillis());
        assertThat(slots.stretch()).isEqualTo(1.0);
        // one query more than the pool holds at full speed, and everything stretches
        SimulationResult over = runOne(300, 101, new SlotPool(SlotPool.ON_DEMAND_SLOTS, 20), 0, varied);
        assertThat(over.stretch()).isGreaterThan(1.0);
    }

    @Test
    void slotTimeIsConservedWhateverTheContention() {
        // 40 dates of 1-13 s at 50 slots a query, 10 in flight on a 200-slot pool (4 at full speed): the slot time
        // handed out equals the work at full speed times 50, and the makespan is at least that over the pool
        TaskDurations varied = t -> 1_000L * (1 + t.date().getDayOfYear() * 7 % 13);
        SimulationResult r = runOne(40, 10, new SlotPool(200, 50), 0, varied);
        long work = 0;
        for (int i = 0; i < 40; i++) {
            work += varied.millis(new TaskKey("a", D1.plusDays(i)));
        }
        assertThat(r.totalWorkMillis()).isEqualTo(work);
        assertThat(r.slotMillis()).isCloseTo(work * 50.0, within(1e-6 * work * 50));
        assertThat(r.makespanMillis()).isGreaterThanOrEqualTo(work * 50 / 200);
        assertThat(r.stretch()).isGreaterThan(1.0);
        LowerBound bound = LowerBound.of(r.upstreams(), varied::millis, 10, new SlotPool(200, 50), p -> 10);
        assertThat(bound.slotBoundMillis()).isEqualTo(work * 50 / 200);
    }

    @Test
    void pacingKeepsEachTableAtItsBudgetPer10sAndLeavesOtherTablesAlone() {
        // 1,000 dates of a 100 ms query, 1,000 in flight allowed: unpaced, every partition of the table is written
        // within 100 ms; paced at 50 per 10 s, 50 go out every 10 s: the last batch (dates 951-1,000) at 190 s
        SimulationResult unpaced = runOne(1_000, 1_000, SlotPool.UNLIMITED, 0, t -> 100);
        assertThat(unpaced.writesPer10s().maxPerWindow()).isEqualTo(1_000);
        SimulationResult paced = runOne(1_000, 1_000, SlotPool.UNLIMITED, 50, t -> 100);
        assertThat(paced.dispatchesPer10s().maxPerWindow()).isEqualTo(50);
        assertThat(paced.writesPer10s().maxPerWindow()).isEqualTo(50);
        assertThat(paced.makespanMillis()).isEqualTo(190_000 + 100);
        // a second, slow table beside the hot one: its tasks start and end as they would alone
        Catalog two = Catalog.of(List.of(declare("hot", 3, 1_000), declare("slow", 3, 1_000)));
        BackfillRequest request = BackfillRequest.forRange("sim", D1, D1.plusDays(199)).withPhases(List.of(3));
        TaskDurations durations = t -> t.processor().equals("hot") ? 100 : 20_000;
        SimulationResult both = new VirtualClockRun(two, SeasonCalendar.EMPTY, 10_000, SlotPool.UNLIMITED, 50)
                .run(request, durations);
        Map<TaskKey, Long> slowEnds = both.endMillis();
        for (int i = 0; i < 50; i++) {
            assertThat(slowEnds).containsEntry(new TaskKey("slow", D1.plusDays(i)), 20_000L);
            assertThat(slowEnds).containsEntry(new TaskKey("slow", D1.plusDays(150 + i)), 50_000L);
        }
        assertThat(slowEnds).containsEntry(new TaskKey("hot", D1.plusDays(199)), 30_100L);
    }

    @Test
    void ledgerAppendsOnTheirOwnThreadDelayOnlyTheFirstDispatchAndTheLoopsTurnsWhenTheWriterIsBehind() {
        // one processor, one task at a time, 2 dates of 10 s, appends of 1 s on a writer 8 may wait for:
        // the request's rows are waited for (0..1 s), d1 is sent at 1 s and ends at 11 s; its event is handed over
        // at 11 s (written 11..12 s) and d2 goes out at once, its DISPATCHED row written 12..13 s; d2 ends at 21 s
        Catalog one = Catalog.of(List.of(declare("a", 3, 1)));
        BackfillRequest request = BackfillRequest.forRange("sim", D1, D1.plusDays(1)).withPhases(List.of(3));
        SimulatedLedgerWriter ledger = new SimulatedLedgerWriter(1_000, SimulatedLedgerWriter.COORDINATOR_CAPACITY);
        SimulationResult r = new VirtualClockRun(one, SeasonCalendar.EMPTY, 10, SlotPool.UNLIMITED, 0)
                .run(request, t -> 10_000, ledger);
        assertThat(r.makespanMillis()).isEqualTo(21_000);
        assertThat(r.startMillis().get(new TaskKey("a", D1.plusDays(1)))).isEqualTo(11_000);
        // request, d1 dispatched, d1 succeeded, d2 dispatched, d2 succeeded
        assertThat(ledger.batches()).isEqualTo(5);
    }

    @Test
    void aLoopWaitingOnEachAppendLosesAnAppendAtEveryTurn() {
        // as above, the loop waiting on each append: d1 sent at 1 s (its row written 1..2 s), ends at 11 s; its
        // event written 11..12 s, then d2 sent at 12 s, ends at 22 s
        Catalog one = Catalog.of(List.of(declare("a", 3, 1)));
        BackfillRequest request = BackfillRequest.forRange("sim", D1, D1.plusDays(1)).withPhases(List.of(3));
        SimulatedLedgerWriter ledger = new SimulatedLedgerWriter(1_000, 0);
        SimulationResult r = new VirtualClockRun(one, SeasonCalendar.EMPTY, 10, SlotPool.UNLIMITED, 0)
                .run(request, t -> 10_000, ledger);
        assertThat(r.makespanMillis()).isEqualTo(22_000);
        assertThat(r.startMillis().get(new TaskKey("a", D1.plusDays(1)))).isEqualTo(12_000);
    }

    @Test
    void eventsArrivingWhileTheLoopIsHeldAreHandledInOneTurn() {
        // 4 dates of one processor, all 4 at once, each 10 s; the loop waits 5 s per append: request 0..5 s,
        // 4 sent at 5 s (row 5..10 s), all end at 15 s: one turn handles the 4 events (one batch, 15..20 s)
        Catalog one = Catalog.of(List.of(declare("a", 3, 4)));
        BackfillRequest request = BackfillRequest.forRange("sim", D1, D1.plusDays(3)).withPhases(List.of(3));
        SimulatedLedgerWriter ledger = new SimulatedLedgerWriter(5_000, 0);
        SimulationResult r = new VirtualClockRun(one, SeasonCalendar.EMPTY, 10, SlotPool.UNLIMITED, 0)
                .run(request, t -> 10_000, ledger);
        assertThat(r.makespanMillis()).isEqualTo(15_000);
        assertThat(ledger.batches()).isEqualTo(3);
        assertThat(r.written()).hasSize(4);
        assertThat(r.writeTimes().get("t.a")).containsExactly(15_000L, 15_000L, 15_000L, 15_000L);
    }
}
