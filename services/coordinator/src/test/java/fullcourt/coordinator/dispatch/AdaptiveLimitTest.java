package fullcourt.coordinator.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdaptiveLimitTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final AdaptiveLimit limit = new AdaptiveLimit(16, true, 0.5, 5, Duration.ofSeconds(5));

    private static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    private void succeed(int times, int atSecond) {
        for (int i = 0; i < times; i++) {
            limit.onSuccess(at(atSecond));
        }
    }

    @Test
    void aQuotaErrorHalvesTheLimit() {
        assertThat(limit.onQuotaError(at(0), "p/2021-11-02")).hasValueSatisfying(c -> {
            assertThat(c.from()).isEqualTo(16);
            assertThat(c.to()).isEqualTo(8);
            assertThat(c.reason()).contains("p/2021-11-02");
        });
        assertThat(limit.limit()).isEqualTo(8);
    }

    @Test
    void errorsWithinTheCooldownCountOnceSinceTheyCameFromTasksSentUnderTheOldLimit() {
        limit.onQuotaError(at(0), "a");
        limit.onQuotaError(at(1), "b");
        limit.onQuotaError(at(4), "c");
        assertThat(limit.limit()).isEqualTo(8);

        limit.onQuotaError(at(5), "d");
        assertThat(limit.limit()).isEqualTo(4);
        assertThat(limit.quotaErrors()).isEqualTo(4);
    }

    @Test
    void neverBelowOne() {
        for (int s = 0; s <= 50; s += 5) {
            limit.onQuotaError(at(s), "x");
        }
        // 16 -> 8 -> 4 -> 2 -> 1 -> 1 ...
        assertThat(limit.limit()).isEqualTo(1);
    }

    @Test
    void fiveSuccessesInARowAddOneUpToTheConfiguredLimit() {
        limit.onQuotaError(at(0), "x");
        succeed(4, 1);
        assertThat(limit.limit()).isEqualTo(8);
        succeed(1, 1);
        assertThat(limit.limit()).isEqualTo(9);

        // 7 more steps of 5 successes: 9 + 7 = 16, then no further
        succeed(7 * 5 + 20, 2);
        assertThat(limit.limit()).isEqualTo(16);
    }

    @Test
    void aDecreaseRestartsTheCountOfSuccessesButAnErrorWithinTheCooldownDoesNot() {
        limit.onQuotaError(at(0), "x");
        succeed(4, 1);
        limit.onQuotaError(at(2), "y"); // within the cooldown: no decrease, the count goes on
        succeed(1, 3);
        assertThat(limit.limit()).isEqualTo(9);

        succeed(4, 4);
        limit.onQuotaError(at(6), "z"); // 9 -> 4, and the 4 successes before it no longer count
        succeed(4, 7);
        assertThat(limit.limit()).isEqualTo(4);
        succeed(1, 7);
        assertThat(limit.limit()).isEqualTo(5);
    }

    @Test
    void fallsAndRecoversAsATimeSeries() {
        List<Integer> series = new ArrayList<>();
        limit.onQuotaError(at(0), "x");
        series.add(limit.limit());
        limit.onQuotaError(at(6), "x");
        series.add(limit.limit());
        for (int i = 0; i < 12; i++) {
            succeed(5, 10 + i);
            series.add(limit.limit());
        }
        assertThat(series).containsExactly(8, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16);
        assertThat(limit.history()).hasSize(14);
    }

    @Test
    void theRangeSinceAnInstantHoldsTheFallAndRecoveryBetweenTwoReadings() {
        // read at 0 s: 16; between then and 5 s: 16 -> 8 at 1 s, 8 -> 9 at 2 s, 9 -> 10 at 3 s; read at 5 s: 10
        limit.onQuotaError(at(1), "x");
        succeed(5, 2);
        succeed(5, 3);
        assertThat(limit.limit()).isEqualTo(10);
        assertThat(limit.rangeSince(at(0))).isEqualTo(new AdaptiveLimit.Range(8, 16));
        // since 2 s: only 9 -> 10 (the change at 2 s is not after it)
        assertThat(limit.rangeSince(at(2))).isEqualTo(new AdaptiveLimit.Range(9, 10));
        assertThat(limit.rangeSince(at(3))).isEqualTo(new AdaptiveLimit.Range(10, 10));
        assertThat(limit.rangeSince(null)).isEqualTo(new AdaptiveLimit.Range(10, 10));
    }

    @Test
    void disabledItKeepsTheConfiguredLimit() {
        AdaptiveLimit fixed = new AdaptiveLimit(16, false, 0.5, 5, Duration.ofSeconds(5));

        assertThat(fixed.onQuotaError(at(0), "x")).isEmpty();
        assertThat(fixed.limit()).isEqualTo(16);
        assertThat(fixed.quotaErrors()).isEqualTo(1);
    }
}
