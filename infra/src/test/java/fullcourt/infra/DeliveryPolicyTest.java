package fullcourt.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeliveryPolicyTest {

    @Test
    void defaultsAreThoseOfPubSubWithAOneMinuteAckDeadline() {
        assertThat(DeliveryPolicy.DEFAULTS)
                .isEqualTo(new DeliveryPolicy(5, Duration.ofSeconds(10), Duration.ofSeconds(600), 60));
    }

    @Test
    void acceptsTheEdgesOfPubSubsRanges() {
        new DeliveryPolicy(5, Duration.ZERO, Duration.ZERO, 10);
        new DeliveryPolicy(100, Duration.ofSeconds(600), Duration.ofSeconds(600), 600);
    }

    @Test
    void deliveryAttemptsOutsideFiveToHundredAreRejected() {
        assertThatThrownBy(() -> DeliveryPolicy.DEFAULTS.withMaxDeliveryAttempts(4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxDeliveryAttempts must be between 5 and 100")
                .hasMessageContaining("was 4");
        assertThatThrownBy(() -> DeliveryPolicy.DEFAULTS.withMaxDeliveryAttempts(101))
                .hasMessageContaining("was 101");
    }

    @Test
    void backoffsOutsideZeroToSixHundredSecondsAreRejected() {
        assertThatThrownBy(() -> DeliveryPolicy.DEFAULTS.withBackoff(Duration.ofMillis(-1), Duration.ofSeconds(601)))
                .hasMessageContaining("minBackoff must be between 0 and 600 s")
                .hasMessageContaining("was -1 ms")
                .hasMessageContaining("maxBackoff must be between 0 and 600 s")
                .hasMessageContaining("was 601000 ms");
    }

    @Test
    void minBackoffAboveMaxBackoffIsRejected() {
        assertThatThrownBy(() -> DeliveryPolicy.DEFAULTS.withBackoff(Duration.ofSeconds(20), Duration.ofSeconds(10)))
                .hasMessageContaining("minBackoff (20000 ms) must not exceed maxBackoff (10000 ms)");
    }

    @Test
    void missingBackoffIsRejected() {
        assertThatThrownBy(() -> new DeliveryPolicy(5, null, Duration.ofSeconds(1), 60))
                .hasMessageContaining("minBackoff is required");
    }

    @Test
    void ackDeadlineOutsideTenToSixHundredSecondsIsRejected() {
        assertThatThrownBy(() -> DeliveryPolicy.DEFAULTS.withAckDeadlineSeconds(9))
                .hasMessageContaining("ackDeadlineSeconds must be between 10 and 600")
                .hasMessageContaining("was 9");
        assertThatThrownBy(() -> DeliveryPolicy.DEFAULTS.withAckDeadlineSeconds(601))
                .hasMessageContaining("was 601");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> new DeliveryPolicy(1, Duration.ofSeconds(-1), Duration.ofSeconds(700), 5))
                .hasMessageStartingWith("Invalid DeliveryPolicy: ")
                .hasMessageContainingAll("maxDeliveryAttempts", "minBackoff", "maxBackoff", "ackDeadlineSeconds");
    }
}
