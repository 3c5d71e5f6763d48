package fullcourt.coordinator.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import fullcourt.coordinator.TaskKey;
import fullcourt.coordinator.TestCatalogs;
import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.SeasonCalendar;
import fullcourt.engine.catalog.Upstream;
import fullcourt.engine.catalog.Window;
import fullcourt.messages.BackfillRequest;
import fullcourt.messages.BackfillRequest.Policy;
import fullcourt.messages.BackfillRequest.Upstreams;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlannerTest {

    private static final LocalDate D1 = LocalDate.of(2022, 1, 1);
    private static final LocalDate D3 = LocalDate.of(2022, 1, 3);
    private final Planner planner = new Planner(TestCatalogs.chain(4));

    private static TaskKey key(String p, LocalDate d) {
        return new TaskKey(p, d);
    }

    @Test
    void cascadeAddsEveryDownstreamProcessorOverTheSameDates() {
        Plan plan = planner.plan(BackfillRequest.forRange("r", D1, D3).withPhases(List.of(3)).withUpstreams(Upstreams.ALLOW),
                k -> false, SeasonCalendar.EMPTY);
        assertThat(plan.tasks()).hasSize(9); // 3 processors x 3 dates
        assertThat(plan.tasksPerProcessor()).containsEntry("a", 3).containsEntry("b", 3).containsEntry("c", 3);
        // earliest date first, then phase
        assertThat(plan.tasks().subList(0, 3)).containsExactly(key("a", D1), key("b", D1), key("c", D1));
    }

    @Test
    void noCascadePlansOnlyTheNamedScope() {
        Plan plan = planner.plan(BackfillRequest.forRange("r", D1, D3).withProcessors(List.of("b")).withCascade(false)
                .withUpstreams(Upstreams.ALLOW), k -> false, SeasonCalendar.EMPTY);
        assertThat(plan.tasks()).extracting(TaskKey::processor).containsOnly("b");
    }

    @Test
    void windowDependenciesInsideTheRunAreEdgesAndOutsideAreCheckedAgainstEarlierSuccesses() {
        LocalDate dec31 = LocalDate.of(2021, 12, 31);
        Plan plan = planner.plan(BackfillRequest.forRange("r", D1, D3).withPhases(List.of(3)).withUpstreams(Upstreams.ALLOW),
                Set.of(key("a", dec31))::contains, SeasonCalendar.EMPTY);
        // b of Jan 3 needs a of Jan 3, 2, 1: all in the run
        assertThat(plan.upstreams().get(key("b", D3)))
                .containsExactlyInAnyOrder(key("a", D3), key("a", D3.minusDays(1)), key("a", D1));
        // b of Jan 1 needs a of Dec 31 (done before: satisfied) and Dec 30 (never produced: missing)
        assertThat(plan.upstreams().get(key("b", D1))).containsExactly(key("a", D1));
        assertThat(plan.missing()).containsExactly("b/2022-01-01 needs a/2021-12-30");
        assertThat(plan.satisfiedOutside()).isEqualTo(2); // b Jan 1 -> a Dec 31, b Jan 2 -> a Dec 31
    }

    @Test
    void missingUpstreamPartitionsArePulledIntoTheRunByDefaultAndRefusedWithNoUpstream() {
        LocalDate dec31 = LocalDate.of(2021, 12, 31);
        BackfillRequest request = BackfillRequest.forRange("r", D1, D3).withProcessors(List.of("b")).withCascade(false);

        Plan pulled = planner.plan(request, Set.of(key("a", dec31))::contains, SeasonCalendar.EMPTY);
        // b of D reads a of D and of the two dates before: of a Dec 30 .. Jan 3 only Dec 31 is there
        LocalDate d2 = D1.plusDays(1);
        assertThat(pulled.tasks()).containsExactly(key("a", LocalDate.of(2021, 12, 30)), key("a", D1), key("b", D1),
                key("a", d2), key("b", d2), key("a", D3), key("b", D3));
        assertThat(pulled.pulledUpstream()).isEqualTo(4);
        assertThat(pulled.missing()).isEmpty();
        assertThat(pulled.upstreams().get(key("b", D3))).containsExactlyInAnyOrder(key("a", D1), key("a", d2), key("a", D3));
        assertThat(pulled.describe()).contains("4 upstream tasks pulled in");

        Plan refused = planner.plan(request.withUpstreams(Upstreams.REFUSE), Set.of(key("a", dec31))::contains,
                SeasonCalendar.EMPTY);
        assertThat(refused.isRefused()).isTrue();
        assertThat(refused.refused()).containsExactly("b/2022-01-01 needs a/2021-12-30 (missing)",
                "b/2022-01-01 needs a/2022-01-01 (missing)", "b/2022-01-02 needs a/2022-01-01 (missing)",
                "b/2022-01-02 needs a/2022-01-02 (missing)", "b/2022-01-03 needs a/2022-01-01 (missing)",
                "b/2022-01-03 needs a/2022-01-02 (missing)", "b/2022-01-03 needs a/2022-01-03 (missing)");
    }

    @Test
    void missingOnlyLeavesOutTasksThatAlreadySucceeded() {
        Plan plan = planner.plan(BackfillRequest.forRange("r", D1, D3).withPhases(List.of(3))
                .withMode(BackfillRequest.Mode.MISSING).withUpstreams(Upstreams.ALLOW), Set.of(key("a", D1), key("c", D3))::contains, SeasonCalendar.EMPTY);
        assertThat(plan.tasks()).hasSize(7).doesNotContain(key("a", D1), key("c", D3));
        assertThat(plan.alreadyDone()).isEqualTo(2);
        // b of Jan 1 now depends on a of Jan 1 from an earlier run, not on a task of this one
        assertThat(plan.upstreams().get(key("b", D1))).isEmpty();
    }

    @Test
    void anExplicitDateListPlansOnlyThoseDatesInOrder() {
        Plan plan = planner.plan(BackfillRequest.forDates("r", List.of(D3, D1)).withProcessors(List.of("a"))
                .withCascade(false), k -> false, SeasonCalendar.EMPTY);
        assertThat(plan.tasks()).containsExactly(key("a", D1), key("a", D3));
    }

    @Test
    void levelsFollowDependenciesAmongTheRunsProcessorsNotPhaseNumbers() {
        // a (3) <- x (3) and b (4) and e (6); c (5) <- b, x
        Planner diamond = new Planner(Catalog.of(List.of(
                TestCatalogs.declare("a", 3, 4),
                TestCatalogs.declare("x", 3, 4, new Upstream("a", Window.SAME_DATE)),
                TestCatalogs.declare("b", 4, 4, new Upstream("a", Window.SAME_DATE)),
                TestCatalogs.declare("c", 5, 4, new Upstream("b", Window.SAME_DATE), new Upstream("x", Window.SAME_DATE)),
                TestCatalogs.declare("e", 6, 4, new Upstream("a", Window.SAME_DATE)))));

        Plan all = diamond.plan(BackfillRequest.forDates("r", List.of(D1)).withPhases(List.of(3)), k -> false,
                SeasonCalendar.EMPTY);
        assertThat(all.levels()).containsExactly(entry("a", 0), entry("x", 1), entry("b", 1), entry("c", 2),
                entry("e", 1));

        // without b and x in the run, c waits for nothing in it: level 0 beside a
        Plan apart = diamond.plan(BackfillRequest.forDates("r", List.of(D1)).withProcessors(List.of("a", "c"))
                .withCascade(false).withUpstreams(Upstreams.ALLOW), k -> false, SeasonCalendar.EMPTY);
        assertThat(apart.levels()).containsExactly(entry("a", 0), entry("c", 0));
    }

    @Test
    void planTextNamesThePolicyAndForPhaseBarrierItsLevels() {
        BackfillRequest request = BackfillRequest.forRange("r", D1, D3).withPhases(List.of(3)).withUpstreams(Upstreams.ALLOW);

        Plan barrier = planner.plan(request.withPolicy(Policy.PHASE_BARRIER), k -> false, SeasonCalendar.EMPTY);

        // b of Jan 1 needs a of Dec 30 and 31, b of Jan 2 a of Dec 31: three never produced
        assertThat(barrier.describe()).isEqualTo("""
                9 tasks over 3 dates, 2022-01-01 to 2022-01-03
                  a: 3
                  b: 3
                  c: 3
                policy phase-barrier: each level starts once every task of the levels before it has finished, on every date
                  level 0: a
                  level 1: b
                  level 2: c
                0 dependencies outside the run satisfied by the warehouse
                3 dependencies outside the run missing from the warehouse
                  b/2022-01-01 needs a/2021-12-30
                  b/2022-01-01 needs a/2021-12-31
                  b/2022-01-02 needs a/2021-12-31
                (--allow-incomplete: these tasks run on what is there; lineage marks them stale once the missing inputs exist)""");
        assertThat(planner.plan(request, k -> false, SeasonCalendar.EMPTY).describe())
                .contains("policy per-date: each task starts once its upstreams for its dates are done\n")
                .doesNotContain("level 0");
        assertThat(planner.plan(request.withPolicy(Policy.SEQUENTIAL), k -> false, SeasonCalendar.EMPTY).describe())
                .contains("policy sequential: one task at a time, earliest date first, then phase\n");
    }
}
