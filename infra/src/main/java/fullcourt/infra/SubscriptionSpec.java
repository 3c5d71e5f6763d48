package fullcourt.infra;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One subscription of the topology: its topic, its dead-letter topic if it has one, and its delivery policy.
 *
 * <p>Every subscription gets the policy's exponential retry and ack deadline and never expires, however long it is
 * idle; {@link DeliveryPolicy#maxDeliveryAttempts()} only takes effect with a dead-letter topic.
 */
public record SubscriptionSpec(String name, String topic, Optional<String> deadLetterTopic, DeliveryPolicy policy,
                               Optional<Duration> retention) {

    public SubscriptionSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(deadLetterTopic, "deadLetterTopic");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(retention, "retention");
    }

    /** Unacked messages kept for Pub/Sub's default (7 days). */
    public SubscriptionSpec(String name, String topic, Optional<String> deadLetterTopic, DeliveryPolicy policy) {
        this(name, topic, deadLetterTopic, policy, Optional.empty());
    }

    /** A subscription whose undeliverable messages stay on it, redelivered with backoff. */
    public static SubscriptionSpec of(String name, String topic, DeliveryPolicy policy) {
        return new SubscriptionSpec(name, topic, Optional.empty(), policy);
    }

    /**
     * A subscription whose unacked messages are dropped after {@code retention}: one that several readers share, each
     * acking its own messages and nacking the others' (the operators' run events).
     */
    public static SubscriptionSpec shortLived(String name, String topic, DeliveryPolicy policy, Duration retention) {
        return new SubscriptionSpec(name, topic, Optional.empty(), policy, Optional.of(retention));
    }

    /** A subscription that hands a message to {@code deadLetterTopic} after the policy's maximum delivery attempts. */
    public static SubscriptionSpec deadLettering(String name, String topic, String deadLetterTopic, DeliveryPolicy policy) {
        return new SubscriptionSpec(name, topic, Optional.of(deadLetterTopic), policy);
    }
}
