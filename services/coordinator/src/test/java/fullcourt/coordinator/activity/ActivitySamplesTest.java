package fullcourt.coordinator.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActivitySamplesTest {

    private static final Instant T0 = Instant.parse("2024-04-01T12:00:00Z");

    @Test
    void aSampleSaysTasksFinishedPerSecondSinceTheOneBefore() {
        ActivitySamples samples = new ActivitySamples(10);
        samples.record(T0, new ActivitySamples.Reading(1, Map.of(3, 100L), 4, 16, 16, 16), 16);
        // 5 s later: phase 3 went from 100 to 110 finished (10 / 5 s = 2 per s), phase 4 from 0 to 5 (1 per s); the
        // limit fell from 16 to 4 in between and is back at 8
        ActivitySamples.Sample s = samples.record(T0.plusSeconds(5),
                new ActivitySamples.Reading(1, Map.of(3, 110L, 4, 5L), 8, 8, 4, 16), 16);

        assertThat(s.tasksPerSecond()).isEqualTo(Map.of(3, 2.0, 4, 1.0));
        assertThat(s.inFlight()).isEqualTo(8);
        assertThat(s.limit()).isEqualTo(8);
        assertThat(s.limitLow()).isEqualTo(4);
        assertThat(s.limitHigh()).isEqualTo(16);
        assertThat(s.configured()).isEqualTo(16);
    }

    @Test
    void theFirstSampleOfASchedulerHasNoRate() {
        ActivitySamples samples = new ActivitySamples(10);
        assertThat(samples.record(T0, reading(1, 100L), 16).tasksPerSecond()).isEmpty();
        // a takeover folds the whole ledger into a new scheduler's counters: 5,000 finished is no rate
        assertThat(samples.record(T0.plusSeconds(5), reading(2, 5000L), 16).tasksPerSecond()).isEmpty();
        assertThat(samples.record(T0.plusSeconds(10), reading(2, 5010L), 16).tasksPerSecond())
                .isEqualTo(Map.of(3, 2.0));
    }

    /** Scheduler {@code source} with {@code finished} tasks of phase 3, none in flight, the limit at 16 throughout. */
    private static ActivitySamples.Reading reading(int source, long finished) {
        return new ActivitySamples.Reading(source, Map.of(3, finished), 0, 16, 16, 16);
    }

    @Test
    void theRingKeepsTheNewestAndHandsOutThoseAfterAnInstant() {
        ActivitySamples samples = new ActivitySamples(3);
        for (int i = 0; i < 5; i++) {
            samples.record(T0.plusSeconds(i), new ActivitySamples.Reading(1, Map.of(), i, 16, 16, 16), 16);
        }
        assertThat(samples.after(null)).extracting(ActivitySamples.Sample::inFlight).containsExactly(2, 3, 4);
        assertThat(samples.after(T0.plusSeconds(3))).extracting(ActivitySamples.Sample::inFlight).containsExactly(4);
        assertThat(samples.lastAt()).isEqualTo(T0.plusSeconds(4));
        assertThatThrownBy(() -> new ActivitySamples(0)).hasMessage("at least one sample must be kept, got 0");
    }
}
