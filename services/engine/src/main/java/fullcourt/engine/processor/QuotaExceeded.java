package fullcourt.engine.processor;

/**
 * A retryable failure caused by a quota or rate limit (BigQuery's 429 / 403 {@code rateLimitExceeded},
 * {@code quotaExceeded}): reported as such in ATTEMPT_FAILED, so the coordinator can slow down rather
 * than only retry.
 */
public class QuotaExceeded extends RetryableFailure {

    /** The {@code errorKind} of an ATTEMPT_FAILED task event caused by this failure. */
    public static final String KIND = "QUOTA";

    public QuotaExceeded(String message) {
        super(message);
    }

    public QuotaExceeded(String message, Throwable cause) {
        super(message, cause);
    }
}
