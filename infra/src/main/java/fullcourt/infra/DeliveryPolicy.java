package fullcourt.infra;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How Pub/Sub delivers a subscription's messages: attempts before dead-lettering, redelivery backoff and ack deadline.
 *
 * @param maxDeliveryAttempts deliveries before a message goes to the dead-letter topic (Pub/Sub accepts 5..100);
 *     only used by subscriptions that have a dead-letter topic
 * @param minBackoff shortest wait before redelivering a nacked or expired message (0..600 s)
 * @param maxBackoff longest wait before redelivering (0..600 s, at least {@code minBackoff})
 * @param ackDeadlineSeconds how long a delivery is leased to a subscriber before Pub/Sub redelivers it (10..600)
 */
public record DeliveryPolicy(int maxDeliveryAttempts, Duration minBackoff, Duration maxBackoff, int ackDeadlineSeconds) {

    // The limits Pub/Sub enforces on DeadLetterPolicy, RetryPolicy and Subscription.ack_deadline_seconds.
    static final int MIN_DELIVERY_ATTEMPTS = 5;
    static final int MAX_DELIVERY_ATTEMPTS = 100;
    static final Duration MAX_BACKOFF = Duration.ofSeconds(600);
    static final int MIN_ACK_DEADLINE_SECONDS = 10;
    static final int MAX_ACK_DEADLINE_SECONDS = 600;

    /** Pub/Sub's own defaults for dead-lettering and exponential backoff, with a one-minute ack deadline. */
    public static final DeliveryPolicy DEFAULTS =
            new DeliveryPolicy(5, Duration.ofSeconds(10), Duration.ofSeconds(600), 60);

    public DeliveryPolicy {
        List<String> problems = new ArrayList<>();
        if (maxDeliveryAttempts < MIN_DELIVERY_ATTEMPTS || maxDeliveryAttempts > MAX_DELIVERY_ATTEMPTS) {
            problems.add("maxDeliveryAttempts must be between " + MIN_DELIVERY_ATTEMPTS + " and " + MAX_DELIVERY_ATTEMPTS
                    + " (Pub/Sub's dead-letter limits), was " + maxDeliveryAttempts);
        }
        checkBackoff("minBackoff", minBackoff, problems);
        checkBackoff("maxBackoff", maxBackoff, problems);
        if (minBackoff != null && maxBackoff != null && minBackoff.compareTo(maxBackoff) > 0) {
            problems.add("minBackoff (" + minBackoff.toMillis() + " ms) must not exceed maxBackoff ("
                    + maxBackoff.toMillis() + " ms)");
        }
        if (ackDeadlineSeconds < MIN_ACK_DEADLINE_SECONDS || ackDeadlineSeconds > MAX_ACK_DEADLINE_SECONDS) {
            problems.add("ackDeadlineSeconds must be between " + MIN_ACK_DEADLINE_SECONDS + " and "
                    + MAX_ACK_DEADLINE_SECONDS + " (Pub/Sub's ack deadline limits), was " + ackDeadlineSeconds);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid DeliveryPolicy: " + String.join("; ", problems));
        }
    }

    private static void checkBackoff(String name, Duration backoff, List<String> problems) {
        if (backoff == null) {
            problems.add(name + " is required");
        } else if (backoff.isNegative() || backoff.compareTo(MAX_BACKOFF) > 0) {
            problems.add(name + " must be between 0 and " + MAX_BACKOFF.toSeconds() + " s (Pub/Sub's retry-policy limits), was "
                    + backoff.toMillis() + " ms");
        }
    }

    public DeliveryPolicy withMaxDeliveryAttempts(int attempts) {
        return new DeliveryPolicy(attempts, minBackoff, maxBackoff, ackDeadlineSeconds);
    }

    public DeliveryPolicy withBackoff(Duration min, Duration max) {
        return new DeliveryPolicy(maxDeliveryAttempts, min, max, ackDeadlineSeconds);
    }

    public DeliveryPolicy withAckDeadlineSeconds(int seconds) {
        return new DeliveryPolicy(maxDeliveryAttempts, minBackoff, maxBackoff, seconds);
    }
}
