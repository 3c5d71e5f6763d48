package fullcourt.coordinator.notify;

import static org.assertj.core.api.Assertions.assertThat;

import fullcourt.engine.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RepeatFilterTest {

    @Test
    void theSameTextGoesOutOncePerQuietPeriodAndAnotherTextAtOnce() {
        ManualClock clock = new ManualClock(Instant.parse("2024-05-01T10:00:00Z"));
        RepeatFilter filter = new RepeatFilter(clock, Duration.ofHours(1));

        assertThat(filter.allows("validation FAILED 2024-01-01 .. 2024-01-31")).isTrue();
        clock.advance(Duration.ofMinutes(59));
        assertThat(filter.allows("validation FAILED 2024-01-01 .. 2024-01-31")).as("59 min later").isFalse();
        assertThat(filter.allows("validation FAILED 2024-02-01 .. 2024-02-29")).as("another range").isTrue();
        clock.advance(Duration.ofMinutes(1));
        assertThat(filter.allows("validation FAILED 2024-01-01 .. 2024-01-31")).as("an hour after the first").isTrue();
    }
}
