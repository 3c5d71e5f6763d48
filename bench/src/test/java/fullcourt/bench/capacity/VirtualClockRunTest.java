package fullcourt.bench.capacity;

import static org.assertj.core.api.Assertions.assertThat;

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
}
