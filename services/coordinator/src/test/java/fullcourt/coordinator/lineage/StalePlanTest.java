package fullcourt.coordinator.lineage;

import static fullcourt.coordinator.lineage.LineageFixture.CALENDAR;
import static fullcourt.coordinator.lineage.LineageFixture.CATALOG;
import static fullcourt.coordinator.lineage.LineageFixture.JAN_3;
import static fullcourt.coordinator.lineage.LineageFixture.JAN_4;
import static fullcourt.coordinator.lineage.LineageFixture.JAN_6;
import static org.assertj.core.api.Assertions.assertThat;

import fullcourt.coordinator.TaskKey;
import fullcourt.coordinator.plan.Plan;
import fullcourt.coordinator.plan.Planner;
import fullcourt.messages.BackfillRequest;
import fullcourt.messages.BackfillRequest.Mode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Plans of stale and plain runs against the warehouse's lineage (the fixture's season). */
class StalePlanTest {

    private final LineageFixture fixture = new LineageFixture();
    private final Planner planner = new Planner(CATALOG);

    private Plan plan(BackfillRequest request) {
        return planner.plan(request, new DataStates(CATALOG, CALENDAR, fixture.facts(),
                request.mode() == Mode.STALE), CALENDAR);
    }

    private static TaskKey key(String processor, java.time.LocalDate date) {
        return new TaskKey(processor, date);
    }

    @Test
    void nothingStalePlansNothingAndSaysSo() {
        Plan plan = plan(BackfillRequest.forRange("r", JAN_3, JAN_6).withPhases(List.of(3)).withMode(Mode.STALE));
        assertThat(plan.tasks()).isEmpty();
        assertThat(plan.describe()).startsWith("nothing stale: 0 tasks\n");
    }

    @Test
    void aStaleRunTakesTheStalePartitionsOfItsRangeThenTheirStaleDownstreamOnLaterDatesWithReasons() {
        fixture.changedInput("points", JAN_3, "raw.box", JAN_3);
        BackfillRequest request = BackfillRequest.forDates("r", List.of(JAN_3)).withProcessors(List.of("points"))
                .withMode(Mode.STALE);

        Plan plan = plan(request);

        // in plan order: date, phase, name
        assertThat(plan.tasks()).containsExactly(key("points", JAN_3), key("daily", JAN_3), key("daily", JAN_4),
                key("totals", JAN_4), key("daily", JAN_6), key("totals", JAN_6));
        assertThat(plan.windowCascadeDates()).isEqualTo(2);
        assertThat(plan.reasons()).containsEntry(key("points", JAN_3), "raw.box 2022-01-03 changed")
                .containsEntry(key("totals", JAN_6), "upstream points 2022-01-03 stale");
        assertThat(plan.describe()).contains("window cascade: 2 later dates added",
                "  totals/2022-01-04: upstream points 2022-01-03 stale");
        // dependencies inside the run are edges, so the dispatch order is per date
        assertThat(plan.upstreams().get(key("totals", JAN_6))).containsExactly(key("points", JAN_3));

        // without cascade, only the stale partitions the request names
        assertThat(plan(request.withCascade(false)).tasks()).containsExactly(key("points", JAN_3));
    }

    @Test
    void aStaleRunPullsInTheStaleUpstreamsItsTasksReadOrRefusesThem() {
        fixture.versions.put("points", "v2");
        BackfillRequest request = BackfillRequest.forDates("r", List.of(JAN_6)).withProcessors(List.of("totals"))
                .withCascade(false).withMode(Mode.STALE);

        Plan plan = plan(request);

        // totals Jan 6 is stale (its points are of v1); it reads points Jan 3 and 4, stale too: pulled in
        assertThat(plan.tasks()).containsExactly(key("points", JAN_3), key("points", JAN_4), key("totals", JAN_6));
        assertThat(plan.reasons()).containsEntry(key("points", JAN_3),
                "model version v1 -> v2 (upstream of totals/2022-01-06)");
        assertThat(plan(request.withUpstreams(BackfillRequest.Upstreams.REFUSE)).refused())
                .containsExactly("totals/2022-01-06 needs points/2022-01-03 (stale)",
                        "totals/2022-01-06 needs points/2022-01-04 (stale)");
    }

    @Test
    void reRunningADateWithCascadeReachesTheLaterDatesWhoseWindowsReadIt() {
        BackfillRequest request = BackfillRequest.forDates("r", List.of(JAN_3)).withProcessors(List.of("points"));

        Plan plan = plan(request);

        // points Jan 3 and its same-date downstream, then totals of Jan 4 and 6 (season to date) and their daily
        assertThat(plan.tasks()).containsExactly(key("points", JAN_3), key("daily", JAN_3), key("totals", JAN_3),
                key("daily", JAN_4), key("totals", JAN_4), key("daily", JAN_6), key("totals", JAN_6));
        assertThat(plan.windowCascadeDates()).isEqualTo(2);
        assertThat(plan(request.withCascade(false)).tasks()).containsExactly(key("points", JAN_3));
    }

    @Test
    void missingOnlyAsksTheDataNotTheLedger() {
        fixture.present.remove(new fullcourt.engine.lineage.PartitionKey("totals", JAN_4));
        fixture.latest.remove(new fullcourt.engine.lineage.PartitionKey("totals", JAN_4));

        Plan plan = plan(BackfillRequest.forRange("r", JAN_3, JAN_6).withPhases(List.of(3)).withMode(Mode.MISSING));

        assertThat(plan.tasks()).containsExactly(key("totals", JAN_4));
        // 9 partitions present, plus Jan 5 (no games) for each of the three: nothing to compute
        assertThat(plan.alreadyDone()).isEqualTo(8 + 3);
    }
}
