package fullcourt.engine.processor;

import fullcourt.messages.Quota;

/**
 * A retryable failure caused by a quota or rate limit that refills soon (BigQuery's 429 / 403
 * {@code rateLimitExceeded}, a {@code quotaExceeded} not counted per day): reported as such in ATTEMPT_FAILED with
 * its {@link Quota}, so the coordinator slows down that table's writers or everything rather than only retry.
 */
public class QuotaExceeded extends RetryableFailure {

    /** The {@code errorKind} of an ATTEMPT_FAILED task event caused by this failure. */
    public static final String KIND = "QUOTA";

    private final Quota quota;

    /** A project quota whose name is not known. */
    public QuotaExceeded(String message) {
        this(message, Quota.project(false, null), null);
    }

    public QuotaExceeded(String message, Throwable cause) {
        this(message, Quota.project(false, null), cause);
    }

    public QuotaExceeded(String message, Quota quota, Throwable cause) {
        super(message, cause);
        this.quota = quota;
    }

    public Quota quota() {
        return quota;
    }
}
