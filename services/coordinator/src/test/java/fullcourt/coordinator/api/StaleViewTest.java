package fullcourt.coordinator.api;

import static fullcourt.coordinator.lineage.LineageFixture.CATALOG;
import static fullcourt.coordinator.lineage.LineageFixture.JAN_3;
import static fullcourt.coordinator.lineage.LineageFixture.JAN_4;
import static fullcourt.coordinator.lineage.LineageFixture.JAN_6;
import static org.assertj.core.api.Assertions.assertThat;

import fullcourt.coordinator.lineage.LineageFixture;
import fullcourt.coordinator.lineage.StaleReason.Kind;
import fullcourt.coordinator.lineage.Staleness;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@code GET /stale} answers, from a judged warehouse: the fixture's season (Jan 3, 4, 6) with
 * points (phase 3), totals and daily (phase 4), after raw.box of Jan 3 was corrected.
 */
class StaleViewTest {

    private Staleness staleness;

    @BeforeEach
    void correctRawJan3() {
        LineageFixture fixture = new LineageFixture();
        fixture.changedInput("points", JAN_3, "raw.box", JAN_3);
        // stale: points Jan 3 (raw changed); daily Jan 3, totals Jan 4 and 6 (read points Jan 3);
        // daily Jan 4 and 6 (read their date's totals). Fresh: totals Jan 3, points Jan 4 and 6.
        staleness = fixture.judge();
    }

    private static StaleQuery query(String from, String to, String processor, String phase, String limit) {
        return StaleQuery.parse(from, to, processor, phase, limit, CATALOG);
    }

    @Test
    void withoutParametersTheWholeCalendarIsJudgedAndCounted() {
        StaleView view = StaleView.of(staleness, query(null, null, null, null, null), CATALOG);

        assertThat(view.from()).isEqualTo(JAN_3);
        assertThat(view.to()).isEqualTo(JAN_6);
        assertThat(view.calendarFirst()).isEqualTo(JAN_3);
        assertThat(view.calendarLast()).isEqualTo(JAN_6);
        assertThat(view.judged()).as("3 processors x 3 game dates").isEqualTo(9);
        assertThat(view.stale()).isEqualTo(6);
        assertThat(view.byProcessor()).isEqualTo(Map.of("points", Map.of(Kind.RAW_CHANGED, 1),
                "totals", Map.of(Kind.UPSTREAM_STALE, 2), "daily", Map.of(Kind.UPSTREAM_STALE, 3)));
        assertThat(view.reasons().get(0)).isEqualTo(new Staleness.ReasonCount("upstream points 2022-01-03 stale", 3));
        assertThat(view.limit()).isEqualTo(StaleQuery.DEFAULT_LIMIT);
        assertThat(view.partitions()).hasSize(6);
    }

    @Test
    void partitionsAreListedInDependencyOrderUpToTheLimitWhileTheCountsStayWhole() {
        StaleView view = StaleView.of(staleness, query(null, null, null, null, "2"), CATALOG);

        assertThat(view.partitions()).containsExactly(
                new StaleView.PartitionView("points", JAN_3, Kind.RAW_CHANGED, "raw.box 2022-01-03 changed"),
                new StaleView.PartitionView("daily", JAN_3, Kind.UPSTREAM_STALE, "upstream points 2022-01-03 stale"));
        assertThat(view.stale()).isEqualTo(6);
        assertThat(view.limit()).isEqualTo(2);
    }

    @Test
    void theGridHasAColumnPerJudgedDateAndAKindCharacterPerStaleCell() {
        StaleView.FreshnessGrid grid = StaleView.of(staleness, query(null, null, null, null, null), CATALOG).grid();

        assertThat(grid.kinds()).containsExactly(Kind.values());
        assertThat(grid.dates()).containsExactly(JAN_3, JAN_4, JAN_6);
        // kinds by ordinal: 4 RAW_CHANGED, 6 UPSTREAM_STALE; '-' fresh
        assertThat(grid.processors()).containsExactly(
                new GridView.Row("points", 3, "4--"),
                new GridView.Row("totals", 4, "-66"),
                new GridView.Row("daily", 4, "666"));
    }

    @Test
    void aRangeAndAPhaseCutTheCountsTheListAndTheGrid() {
        StaleView view = StaleView.of(staleness, query("2022-01-04", null, null, "4", null), CATALOG);

        assertThat(view.from()).isEqualTo(JAN_4);
        assertThat(view.to()).as("to defaults to the calendar's last game date").isEqualTo(JAN_6);
        assertThat(view.phase()).isEqualTo(4);
        // totals and daily on Jan 4 and Jan 6: 2 x 2 judged, all stale
        assertThat(view.judged()).isEqualTo(4);
        assertThat(view.stale()).isEqualTo(4);
        assertThat(view.byProcessor()).containsOnlyKeys("totals", "daily");
        assertThat(view.grid().dates()).containsExactly(JAN_4, JAN_6);
        assertThat(view.grid().processors()).extracting(GridView.Row::processor).containsExactly("totals", "daily");
    }

    @Test
    void aFreshProcessorSaysSoWithItsJudgedCount() {
        StaleView view = StaleView.of(staleness, query("2022-01-04", "2022-01-06", "points", null, null), CATALOG);

        assertThat(view.processor()).isEqualTo("points");
        assertThat(view.judged()).isEqualTo(2);
        assertThat(view.stale()).isZero();
        assertThat(view.partitions()).isEmpty();
        assertThat(view.grid().processors()).containsExactly(new GridView.Row("points", 3, "--"));
    }

    @Test
    void withoutACalendarNothingIsJudgedAndTheRangeIsUnknown() {
        StaleView view = StaleView.of(Staleness.NONE, query(null, null, null, null, null), CATALOG);

        assertThat(view.from()).isNull();
        assertThat(view.calendarLast()).isNull();
        assertThat(view.judged()).isZero();
        assertThat(view.stale()).isZero();
        assertThat(view.grid().dates()).isEmpty();
    }
}
