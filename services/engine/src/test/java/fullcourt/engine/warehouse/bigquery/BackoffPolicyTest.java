package fullcourt.engine.warehouse.bigquery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffPolicyTest {

    @Test
    void defaultWaitsOneTwoFourEightSecondsBetweenFiveAttempts() {
        assertThat(BackoffPolicy.DEFAULT.maxAttempts()).isEqualTo(5);
        assertThat(IntStream.rangeClosed(1, 4).mapToObj(BackoffPolicy.DEFAULT::delayAfter))
                .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8));
    }

    @Test
    void delayStopsGrowingAtTheCap() {
        // 1, 2, 4, 8, 16, 32, then 64 capped to 32
        assertThat(BackoffPolicy.DEFAULT.delayAfter(6)).isEqualTo(Duration.ofSeconds(32));
        assertThat(BackoffPolicy.DEFAULT.delayAfter(7)).isEqualTo(Duration.ofSeconds(32));
    }
}
