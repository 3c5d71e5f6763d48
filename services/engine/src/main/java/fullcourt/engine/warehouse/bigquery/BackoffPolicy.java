package fullcourt.engine.warehouse.bigquery;

import java.time.Duration;

/**
 * How often and how patiently the adapter retries an error BigQuery calls transient: at most
 * {@code maxAttempts} attempts, waiting {@code initialDelay} after the first failure, then
 * {@code multiplier} times longer each time, never more than {@code maxDelay}.
 */
public record BackoffPolicy(int maxAttempts, Duration initialDelay, double multiplier, Duration maxDelay) {

    /** 1 s, 2 s, 4 s, 8 s between five attempts (32 s cap): BigQuery's advice for rateLimitExceeded. */
    public static final BackoffPolicy DEFAULT = new BackoffPolicy(5, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(32));

    public BackoffPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (initialDelay.isNegative() || maxDelay.isNegative() || multiplier < 1.0) {
            throw new IllegalArgumentException("delays must be >= 0 and multiplier >= 1: " + initialDelay + ", "
                    + multiplier + ", " + maxDelay);
        }
    }

    /** The wait after failed attempt number {@code attempt} (1-based) before the next one. */
    public Duration delayAfter(int attempt) {
        double millis = initialDelay.toMillis() * Math.pow(multiplier, attempt - 1);
        return Duration.ofMillis((long) Math.min(millis, maxDelay.toMillis()));
    }
}
