package fullcourt.coordinator.lineage;

import static fullcourt.coordinator.lineage.LineageFixture.JAN_3;
import static fullcourt.coordinator.lineage.LineageFixture.JAN_4;
import static fullcourt.coordinator.lineage.LineageFixture.JAN_6;
import static org.assertj.core.api.Assertions.assertThat;

import fullcourt.coordinator.TaskKey;
import fullcourt.coordinator.lineage.StaleReason.Kind;
import fullcourt.engine.lineage.LatestWrite;
import fullcourt.engine.lineage.PartitionKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StalenessCheckTest {

    private final LineageFixture fixture = new LineageFixture();

    private static TaskKey key(String processor, java.time.LocalDate date) {
        return new TaskKey(processor, date);
    }

    @Test
    void lineageThatMatchesTheDataIsFresh() {
        Staleness s = fixture.judge();
        assertThat(s.all()).isEmpty();
        assertThat(s.judged()).as("3 processors x 3 game dates; Jan 5 has no games").isEqualTo(9);
    }

    @Test
    void aCorrectedRawDateMakesWhatReadItStaleAndEverythingDownstreamThroughWindows() {
        fixture.changedInput("points", JAN_3, "raw.box", JAN_3);

        Staleness s = fixture.judge();

        // points Jan 3 read the raw date; totals Jan 4 and Jan 6 read points Jan 3 (season to date);
        // daily reads points and totals of its own date. totals Jan 3 reads no earlier date: fresh.
        assertThat(s.all().keySet()).containsExactly(
                key("points", JAN_3), key("daily", JAN_3),
                key("totals", JAN_4), key("daily", JAN_4),
                key("totals", JAN_6), key("daily", JAN_6));
        assertThat(s.reason(key("points", JAN_3)).orElseThrow().text()).isEqualTo("raw.box 2022-01-03 changed");
        assertThat(s.reason(key("totals", JAN_6)).orElseThrow().text()).isEqualTo("upstream points 2022-01-03 stale");
        assertThat(s.reason(key("daily", JAN_4)).orElseThrow().cause()).isEqualTo(key("totals", JAN_4));
        assertThat(s.countsByProcessor()).isEqualTo(Map.of("points", Map.of(Kind.RAW_CHANGED, 1),
                "totals", Map.of(Kind.UPSTREAM_STALE, 2), "daily", Map.of(Kind.UPSTREAM_STALE, 3)));
    }

    @Test
    void aWriteWithoutRecordedReadsIsStaleUnlessItReadsNothing() {
        // lineage written before reads were recorded per window (an older Fullcourt): what it read is unknown
        fixture.withReads.remove(new PartitionKey("totals", JAN_4));
        // totals of Jan 3 reads no earlier date (season to date of the season's first day): nothing to record
        fixture.withReads.remove(new PartitionKey("totals", JAN_3));

        Staleness s = fixture.judge();

        assertThat(s.reason(key("totals", JAN_4)).orElseThrow().kind()).isEqualTo(Kind.NO_LINEAGE);
        assertThat(s.reason(key("totals", JAN_4)).orElseThrow().text()).startsWith("no recorded reads");
        assertThat(s.all().keySet()).containsExactly(key("totals", JAN_4), key("daily", JAN_4));
    }

    @Test
    void aRewrittenUpstreamIsNamedWithTheDateItWasReRunOn() {
        fixture.changedInput("totals", JAN_6, "points", JAN_4);
        Staleness s = fixture.judge();
        assertThat(s.all().keySet()).containsExactly(key("totals", JAN_6), key("daily", JAN_6));
        assertThat(s.reason(key("totals", JAN_6)).orElseThrow().text()).isEqualTo("upstream points 2022-01-04 re-run");
        assertThat(s.reason(key("totals", JAN_6)).orElseThrow().kind()).isEqualTo(Kind.UPSTREAM_CHANGED);
    }

    @Test
    void aNewModelVersionMakesAllItsPartitionsAndTheirDownstreamStale() {
        fixture.versions.put("totals", "v2");
        Staleness s = fixture.judge();
        assertThat(s.all().keySet()).containsExactlyInAnyOrder(key("totals", JAN_3), key("totals", JAN_4),
                key("totals", JAN_6), key("daily", JAN_3), key("daily", JAN_4), key("daily", JAN_6));
        assertThat(s.reason(key("totals", JAN_4)).orElseThrow().text()).isEqualTo("model version v1 -> v2");
    }

    @Test
    void missingUnrecordedAndInterruptedPartitionsAreStaleEachWithItsReason() {
        fixture.latest.remove(new PartitionKey("points", JAN_6));
        fixture.present.remove(new PartitionKey("points", JAN_6));
        fixture.latest.remove(new PartitionKey("totals", JAN_4));
        fixture.latest.put(new PartitionKey("daily", JAN_3), new LatestWrite("daily", JAN_3, "w9", "v1", Instant.EPOCH,
                "run-9", null, 0, null, null));

        Staleness s = fixture.judge();

        assertThat(s.reason(key("points", JAN_6)).orElseThrow().kind()).isEqualTo(Kind.MISSING);
        assertThat(s.reason(key("totals", JAN_4)).orElseThrow().kind()).isEqualTo(Kind.NO_LINEAGE);
        assertThat(s.reason(key("daily", JAN_3)).orElseThrow().text())
                .isEqualTo("write of run run-9 interrupted before its lineage was recorded: contents unknown");
        // totals Jan 6 reads points Jan 3 and 4 only: its own date's missing points do not reach it
        assertThat(s.all().keySet()).containsExactlyInAnyOrder(key("points", JAN_6), key("totals", JAN_4),
                key("daily", JAN_3), key("daily", JAN_4), key("daily", JAN_6));
        assertThat(List.copyOf(s.all().keySet()).indexOf(key("totals", JAN_4)))
                .as("dependency order").isLessThan(List.copyOf(s.all().keySet()).indexOf(key("daily", JAN_4)));
    }

    @Test
    void aCutKeepsTheReasonsJudgedOverTheWholeWarehouseAndCountsOnlyItsOwnPartitions() {
        fixture.changedInput("points", JAN_3, "raw.box", JAN_3);

        Staleness cut = fixture.judge().within(JAN_4, JAN_6, p -> !p.equals("points"));

        // totals and daily on Jan 4 and 6: 2 processors x 2 dates judged, all four stale through points Jan 3,
        // which is outside the cut
        assertThat(cut.judged()).isEqualTo(4);
        assertThat(cut.all().keySet()).containsExactly(key("totals", JAN_4), key("daily", JAN_4),
                key("totals", JAN_6), key("daily", JAN_6));
        assertThat(cut.reason(key("totals", JAN_6)).orElseThrow().text()).isEqualTo("upstream points 2022-01-03 stale");
        assertThat(cut.isJudged(key("points", JAN_4))).isFalse();
        assertThat(cut.judgedDates()).containsExactly(JAN_4, JAN_6);
    }

    @Test
    void commonReasonsComeMostFrequentFirstThenByText() {
        fixture.changedInput("points", JAN_3, "raw.box", JAN_3);

        // totals Jan 4 and 6 and daily Jan 3 read points Jan 3 (3); daily Jan 4 and 6 read their date's totals (1 each)
        assertThat(fixture.judge().commonReasons(3)).containsExactly(
                new Staleness.ReasonCount("upstream points 2022-01-03 stale", 3),
                new Staleness.ReasonCount("raw.box 2022-01-03 changed", 1),
                new Staleness.ReasonCount("upstream totals 2022-01-04 stale", 1));
    }
}
