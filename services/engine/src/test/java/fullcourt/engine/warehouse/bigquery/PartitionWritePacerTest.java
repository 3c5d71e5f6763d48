package fullcourt.engine.warehouse.bigquery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fullcourt.engine.testing.MovableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PartitionWritePacerTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2024-01-15T00:00:00Z"));
    private final PartitionWritePacer pacer = new PartitionWritePacer(2, Duration.ofSeconds(10), clock, d -> {
        throw new AssertionError("reserve never sleeps");
    });

    @Test
    void writesWithinTheLimitGoAtOnceAndTheNextWaitsForTheOldestToLeaveTheWindow() {
        assertThat(pacer.reserve("analytics.a")).isZero();
        clock.advance(Duration.ofSeconds(3));
        assertThat(pacer.reserve("analytics.a")).isZero();

        // third write at t=3 s: the first (t=0) frees its slot at t=10 s
        assertThat(pacer.reserve("analytics.a")).isEqualTo(Duration.ofSeconds(7));
        // fourth: the second (t=3) frees at t=13
        assertThat(pacer.reserve("analytics.a")).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void eachTableHasItsOwnBudget() {
        pacer.reserve("analytics.a");
        pacer.reserve("analytics.a");

        assertThat(pacer.reserve("precompute.b")).isZero();
        assertThat(pacer.reserve("analytics.a")).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void writesOlderThanTheWindowNoLongerCount() {
        pacer.reserve("analytics.a");
        pacer.reserve("analytics.a");
        clock.advance(Duration.ofSeconds(10));

        assertThat(pacer.reserve("analytics.a")).isZero();
        assertThat(pacer.reserve("analytics.a")).isZero();
        assertThat(pacer.reserve("analytics.a")).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aBudgetBelowOneIsRefused() {
        assertThatThrownBy(() -> new PartitionWritePacer(0, Duration.ofSeconds(10), clock, d -> { }))
                .hasMessageContaining("at least 1");
    }
}
