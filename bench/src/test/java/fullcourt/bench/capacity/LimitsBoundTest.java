package fullcourt.bench.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import fullcourt.coordinator.TaskKey;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LimitsBoundTest {

    private static final LocalDate D1 = LocalDate.of(2024, 1, 1);

    private static TaskKey task(String processor, int date) {
        return new TaskKey(processor, D1.plusDays(date - 1));
    }

    /** Every task 10 s. */
    private static LimitsBound bound(Map<TaskKey, List<TaskKey>> upstreams, int global, Map<String, Integer> limits) {
        return LimitsBound.of(upstreams, t -> 10_000, global, limits::get);
    }

    @Test
    void aProcessorsOwnLimitBindsWhereTheGlobalLimitDoesNot() {
        // four independent 10 s tasks of one processor allowed 2 at once: two rounds, 20 s; work / global 100 = 0.4 s
        Map<TaskKey, List<TaskKey>> up = new LinkedHashMap<>();
        for (int d = 1; d <= 4; d++) {
            up.put(task("a", d), List.of());
        }
        LimitsBound b = bound(up, 100, Map.of("a", 2));
        assertThat(b.millis()).isEqualTo(20_000);
        assertThat(b.perProcessorBinding()).isEqualTo("a");
    }

    @Test
    void workThatWaitsForAnUpstreamCountsFromTheUpstreamsEnd() {
        // a1 (10 s), then b1..b3 (10 s each, one at a time), each needing a1: b cannot start before 10 s and needs 30 s,
        // so 40 s, which a1 then b1, b2, b3 reaches; b's work / its limit alone says 30 s, the longest chain 20 s
        Map<TaskKey, List<TaskKey>> up = new LinkedHashMap<>();
        up.put(task("a", 1), List.of());
        for (int d = 1; d <= 3; d++) {
            up.put(task("b", d), List.of(task("a", 1)));
        }
        LimitsBound b = bound(up, 100, Map.of("a", 1, "b", 1));
        assertThat(b.perProcessorMillis()).isEqualTo(40_000);
        assertThat(b.millis()).isEqualTo(40_000);
    }

    @Test
    void workWithDownstreamLeftCountsItsTail() {
        // a1..a3 (one at a time), z3 after all of them: 30 s of a, then z's 10 s: 40 s
        Map<TaskKey, List<TaskKey>> up = new LinkedHashMap<>();
        for (int d = 1; d <= 3; d++) {
            up.put(task("a", d), List.of());
        }
        up.put(task("z", 3), List.of(task("a", 1), task("a", 2), task("a", 3)));
        assertThat(bound(up, 100, Map.of("a", 1, "z", 1)).millis()).isEqualTo(40_000);
    }

    @Test
    void slotsNoProcessorCanFillEarlyAreCountedAgainstTheGlobalLimit() {
        // global 2; a1, a2 one at a time; b1..b3 (2 at a time) each after a1. In [0, 10 s) only a can run, one slot of
        // two; from 10 s both slots: 10 + 2 (C - 10) >= 50 s of work gives C = 30 s, the optimum (a1; a2 + b1; b2 + b3).
        // Each limit alone: work / 2 = 25 s, b from 10 s: 10 + 30 / 2 = 25 s, a: 20 s
        Map<TaskKey, List<TaskKey>> up = new LinkedHashMap<>();
        up.put(task("a", 1), List.of());
        up.put(task("a", 2), List.of());
        for (int d = 1; d <= 3; d++) {
            up.put(task("b", d), List.of(task("a", 1)));
        }
        LimitsBound b = bound(up, 2, Map.of("a", 1, "b", 2));
        assertThat(b.globalMillis()).isEqualTo(25_000);
        assertThat(b.perProcessorMillis()).isEqualTo(25_000);
        assertThat(b.capacityMillis()).isEqualTo(30_000);
        assertThat(b.millis()).isEqualTo(30_000);
        assertThat(b.binding()).isEqualTo("the limits' capacity over time");
    }

    @Test
    void theLongestChainAndTheWorkOverTheGlobalLimitStayBounds() {
        // a -> b -> c on one date: 30 s; 12 independent tasks of d under a global limit of 4 (d allowed all): 30 s too
        Map<TaskKey, List<TaskKey>> chain = new LinkedHashMap<>();
        chain.put(task("a", 1), List.of());
        chain.put(task("b", 1), List.of(task("a", 1)));
        chain.put(task("c", 1), List.of(task("b", 1)));
        assertThat(bound(chain, 100, Map.of("a", 9, "b", 9, "c", 9)).millis()).isEqualTo(30_000);
        Map<TaskKey, List<TaskKey>> wide = new LinkedHashMap<>();
        for (int d = 1; d <= 12; d++) {
            wide.put(task("d", d), List.of());
        }
        assertThat(bound(wide, 4, Map.of("d", 12)).millis()).isEqualTo(30_000);
    }
}
