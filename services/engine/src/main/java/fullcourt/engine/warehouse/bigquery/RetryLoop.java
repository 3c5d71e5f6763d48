package fullcourt.engine.warehouse.bigquery;

import com.google.cloud.bigquery.BigQueryException;
import fullcourt.engine.processor.Cancellation;
import fullcourt.engine.processor.PermanentFailure;
import fullcourt.engine.processor.QuotaExceeded;
import fullcourt.engine.processor.RetryableFailure;
import fullcourt.infra.retry.BackoffPolicy;
import fullcourt.infra.warehouse.BigQueryErrors;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.jboss.logging.Logger;

/**
 * Runs one BigQuery call under a {@link BackoffPolicy}: a transient error is retried after the
 * policy's jittered delay, then surfaced as {@link RetryableFailure} (the worker nacks and Pub/Sub retries
 * later); a longer-term quota ends the attempt at once as {@link QuotaExceeded}; any other error becomes
 * a {@link PermanentFailure} at once, with BigQuery's message.
 */
final class RetryLoop {

    private static final Logger LOG = Logger.getLogger(RetryLoop.class);

    private final BackoffPolicy policy;
    private final RandomGenerator jitter;

    /** @param jitter where the delays are drawn from; shared by the worker's threads, so thread-safe */
    RetryLoop(BackoffPolicy policy, RandomGenerator jitter) {
        this.policy = policy;
        this.jitter = jitter;
    }

    <T> T run(String what, Cancellation cancellation, Supplier<T> attempt) {
        for (int n = 1; ; n++) {
            cancellation.check();
            try {
                return attempt.get();
            } catch (BigQueryException e) {
                String detail = BigQueryErrors.describe(e);
                if (BigQueryErrors.isLongTermQuota(e)) {
                    throw new QuotaExceeded(what + " failed: " + detail + " (a longer-term quota: Google asks to wait"
                            + " 10 minutes or more, so it is not retried at once; the coordinator lowers its in-flight"
                            + " limit and Pub/Sub redelivers the task after its backoff)", e);
                }
                if (!BigQueryErrors.isRetryable(e)) {
                    throw new PermanentFailure(what + " failed: " + detail, e);
                }
                if (n >= policy.maxAttempts()) {
                    String message = what + " failed after " + n + " attempts: " + detail;
                    throw BigQueryErrors.isQuota(e) ? new QuotaExceeded(message, e) : new RetryableFailure(message, e);
                }
                long delayMs = policy.delayAfter(n, jitter).toMillis();
                LOG.debugf("%s: attempt %d failed (%s), retrying in %d ms", what, n, detail, delayMs);
                pause(delayMs, cancellation);
            }
        }
    }

    private static void pause(long millis, Cancellation cancellation) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryableFailure("interrupted while waiting to retry", e);
        }
        cancellation.check();
    }
}
