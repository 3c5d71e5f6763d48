package fullcourt.coordinator.freshness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Bursts by the clock the test says: quiet period 30 s, max delay 300 s (10 x). */
class BurstCoalescerTest {

    private static final Instant T0 = Instant.parse("2024-01-06T12:00:00Z");
    private final BurstCoalescer<Integer> coalescer = new BurstCoalescer<>(Duration.ofSeconds(30),
            Duration.ofSeconds(300));

    private static Instant at(double seconds) {
        return T0.plusMillis((long) (seconds * 1000));
    }

    @Test
    void twentyArrivalsWithinTheQuietPeriodAreOneBurstOnceItIsQuiet() {
        // one a second for 20 s: each arrival restarts the 30 s quiet period
        IntStream.range(0, 20).forEach(i -> coalescer.add(i, at(i)));

        // the last came at 19 s, so the burst is due at 19 + 30 = 49 s
        assertThat(coalescer.dueAt()).contains(at(49));
        assertThat(coalescer.takeIfDue(at(48.999))).isEmpty();
        assertThat(coalescer.takeIfDue(at(49))).hasSize(20).startsWith(0).endsWith(19);
        assertThat(coalescer.size()).isZero();
        assertThat(coalescer.dueAt()).isEmpty();
    }

    @Test
    void aGapLongerThanTheQuietPeriodStartsAnotherBurst() {
        coalescer.add(1, at(0));
        coalescer.add(2, at(10));

        // due at 10 + 30 = 40 s; the next arrival at 45 s is a burst of its own
        assertThat(coalescer.takeIfDue(at(40))).containsExactly(1, 2);
        coalescer.add(3, at(45));
        assertThat(coalescer.takeIfDue(at(74.9))).isEmpty();
        assertThat(coalescer.takeIfDue(at(75))).containsExactly(3);
    }

    @Test
    void aSteadyTrickleStillFiresAtTheMaxDelay() {
        // one every 20 s, always inside the quiet period: 0, 20, ..., 280 s are 15 arrivals
        IntStream.range(0, 15).forEach(i -> coalescer.add(i, at(20 * i)));

        // the quiet period would end at 280 + 30 = 310 s, the max delay at 0 + 300 = 300 s
        assertThat(coalescer.dueAt()).contains(at(300));
        assertThat(coalescer.takeIfDue(at(299))).isEmpty();
        assertThat(coalescer.takeIfDue(at(300))).hasSize(15);
    }

    @Test
    void nothingPendingIsNeverDueAndTakeAllEmptiesWhateverWaits() {
        assertThat(coalescer.takeIfDue(at(1_000))).isEmpty();
        coalescer.add(7, at(0));
        assertThat(coalescer.takeAll()).containsExactly(7);
        assertThat(coalescer.takeIfDue(at(1_000))).isEqualTo(List.of());
    }

    @Test
    void theMaxDelayCannotBeShorterThanTheQuietPeriod() {
        assertThatThrownBy(() -> new BurstCoalescer<>(Duration.ofSeconds(30), Duration.ofSeconds(10)))
                .hasMessage("max delay (PT10S) must be at least the quiet period (PT30S)");
        assertThatThrownBy(() -> new BurstCoalescer<>(Duration.ZERO, Duration.ofSeconds(10)))
                .hasMessageContaining("quiet period must be positive");
    }
}
