package fullcourt.infra.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffPolicyTest {

    @Test
    void defaultCeilingsAreOneTwoFourEightSecondsBetweenFiveAttempts() {
        assertThat(BackoffPolicy.DEFAULT.maxAttempts()).isEqualTo(5);
        assertThat(IntStream.rangeClosed(1, 4).mapToObj(BackoffPolicy.DEFAULT::ceilingAfter))
                .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8));
    }

    @Test
    void ceilingStopsGrowingAtTheCap() {
        // 1, 2, 4, 8, 16, 32, then 64 capped to 32
        assertThat(BackoffPolicy.DEFAULT.ceilingAfter(6)).isEqualTo(Duration.ofSeconds(32));
        assertThat(BackoffPolicy.DEFAULT.ceilingAfter(7)).isEqualTo(Duration.ofSeconds(32));
    }

    @Test
    void delaysVaryAndStayBetweenZeroAndTheCeiling() {
        RandomGenerator random = new Random(42);
        for (int attempt = 1; attempt <= 7; attempt++) {
            long ceiling = BackoffPolicy.DEFAULT.ceilingAfter(attempt).toMillis();
            int n = attempt;
            List<Long> delays = IntStream.range(0, 200)
                    .mapToObj(i -> BackoffPolicy.DEFAULT.delayAfter(n, random).toMillis()).toList();

            assertThat(delays).as("attempt %d, ceiling %d ms", attempt, ceiling).allMatch(d -> d >= 0 && d <= ceiling);
            // 200 draws from 1,001 or more values: far from all alike, and spread over the range
            Set<Long> distinct = Set.copyOf(delays);
            assertThat(distinct).as("attempt %d", attempt).hasSizeGreaterThan(100);
            assertThat(delays.stream().anyMatch(d -> d < ceiling / 4)).as("some below a quarter").isTrue();
            assertThat(delays.stream().anyMatch(d -> d > ceiling * 3 / 4)).as("some above three quarters").isTrue();
        }
    }

    @Test
    void twoWorkersFailingTogetherDoNotRetryTogether() {
        // the same failure at the same moment in two processes: each draws from its own source
        List<Duration> first = IntStream.rangeClosed(1, 4)
                .mapToObj(n -> BackoffPolicy.DEFAULT.delayAfter(n, new Random(1))).toList();
        List<Duration> second = IntStream.rangeClosed(1, 4)
                .mapToObj(n -> BackoffPolicy.DEFAULT.delayAfter(n, new Random(2))).toList();

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void theSameSeedGivesTheSameDelays() {
        Random a = new Random(7);
        Random b = new Random(7);

        assertThat(IntStream.rangeClosed(1, 5).mapToObj(n -> BackoffPolicy.DEFAULT.delayAfter(n, a)).toList())
                .isEqualTo(IntStream.rangeClosed(1, 5).mapToObj(n -> BackoffPolicy.DEFAULT.delayAfter(n, b)).toList());
    }

    @Test
    void aZeroCeilingWaitsZero() {
        BackoffPolicy none = new BackoffPolicy(3, Duration.ZERO, 2.0, Duration.ZERO);

        assertThat(IntStream.rangeClosed(1, 3).mapToObj(n -> none.delayAfter(n, new Random(3)))
                .collect(Collectors.toSet())).containsExactly(Duration.ZERO);
    }
}
