package fullcourt.infra.retry;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: at most {@code maxAttempts} attempts; after failed attempt n the wait is
 * drawn uniformly between 0 and {@code initialDelay * multiplier^(n-1)}, that ceiling never above {@code maxDelay}.
 *
 * <p>Why jitter: Google's retry guidance (Cloud Storage "Retry strategy", BigQuery's advice for rateLimitExceeded)
 * asks for exponential backoff <em>with jitter</em>, so that clients failing together (every worker hitting the
 * same quota at once) do not retry together and fail together again. Full jitter, {@code random(0, ceiling)}, is
 * the variant of "Exponential Backoff And Jitter" (AWS Architecture Blog, 2015) that spreads retries the most, and
 * the one Google's own Java clients use (gax {@code RetrySettings}: {@code rand_between(0, min(maxRetryDelay,
 * delay))}).
 */
public record BackoffPolicy(int maxAttempts, Duration initialDelay, double multiplier, Duration maxDelay) {

    /** Ceilings 1 s, 2 s, 4 s, 8 s between five attempts (32 s cap): BigQuery's advice for rateLimitExceeded. */
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

    /** The longest wait after failed attempt number {@code attempt} (1-based): the exponential step, capped. */
    public Duration ceilingAfter(int attempt) {
        double millis = initialDelay.toMillis() * Math.pow(multiplier, attempt - 1);
        return Duration.ofMillis((long) Math.min(millis, maxDelay.toMillis()));
    }

    /**
     * The wait after failed attempt number {@code attempt} (1-based): uniform in [0, {@link #ceilingAfter}], drawn
     * from {@code random}. Production passes an unseeded source (each process its own sequence, or the jitter would
     * not spread processes apart); tests pass a seeded one.
     */
    public Duration delayAfter(int attempt, RandomGenerator random) {
        long ceiling = ceilingAfter(attempt).toMillis();
        return Duration.ofMillis(ceiling == 0 ? 0 : random.nextLong(ceiling + 1));
    }
}
