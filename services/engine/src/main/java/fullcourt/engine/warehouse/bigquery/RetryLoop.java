package fullcourt.engine.warehouse.bigquery;

import com.google.cloud.bigquery.BigQueryException;
import fullcourt.engine.processor.Cancellation;
import fullcourt.engine.processor.DailyQuotaExhausted;
import fullcourt.engine.processor.PermanentFailure;
import fullcourt.engine.processor.QuotaExceeded;
import fullcourt.engine.processor.RetryableFailure;
import fullcourt.infra.retry.BackoffPolicy;
import fullcourt.infra.warehouse.BigQueryErrors;
import fullcourt.infra.warehouse.BigQueryQuotas;
import fullcourt.messages.Quota;
import java.time.Clock;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.jboss.logging.Logger;

/**
 * Runs one BigQuery call under a {@link BackoffPolicy}: a transient error is retried after the
 * policy's jittered delay, then surfaced as {@link RetryableFailure} (the worker nacks and Pub/Sub retries
 * later); a longer-term quota ends the attempt at once as {@link QuotaExceeded}, and a daily one as
 * {@link DailyQuotaExhausted} (the task ends DEAD rather than retrying for hours); each names its {@link Quota}
 * ({@link BigQueryQuotas}); any other error becomes a {@link PermanentFailure} at once, with BigQuery's message. REST calls are judged by {@link BigQueryErrors};
 * gRPC calls (the Storage Write API) bring their own {@link Verdict}s.
 */
final class RetryLoop {

    private static final Logger LOG = Logger.getLogger(RetryLoop.class);

    /** How one failed call is judged, its description for the message, and the quota of a quota error (else null). */
    record Verdict(Kind kind, String detail, Quota quota) {

        Verdict(Kind kind, String detail) {
            this(kind, detail, kind == Kind.RATE_LIMIT || kind == Kind.LONG_TERM_QUOTA ? Quota.project(false, null) : null);
        }
    }

    enum Kind {
        /** Another attempt may succeed. */
        TRANSIENT,
        /** A short-term rate limit: retried, and reported as a quota failure when the attempts run out. */
        RATE_LIMIT,
        /** A limit that refills in 10 minutes or more: not retried in the call. */
        LONG_TERM_QUOTA,
        /** A limit that refills after a day: not retried at all. */
        DAILY_QUOTA,
        PERMANENT
    }

    private final BackoffPolicy policy;
    private final RandomGenerator jitter;
    private final Clock clock;

    /**
     * @param jitter where the delays are drawn from; shared by the worker's threads, so thread-safe
     * @param clock  when a quota error came, from which a daily quota's refill time follows ({@link BigQueryQuotas})
     */
    RetryLoop(BackoffPolicy policy, RandomGenerator jitter, Clock clock) {
        this.policy = policy;
        this.jitter = jitter;
        this.clock = clock;
    }

    /** A REST call of the BigQuery client that writes no table of its own. */
    <T> T run(String what, Cancellation cancellation, Supplier<T> attempt) {
        return run(what, null, cancellation, attempt);
    }

    /** A REST call of the BigQuery client writing {@code written} ({@code dataset.table}; null for none). */
    <T> T run(String what, String written, Cancellation cancellation, Supplier<T> attempt) {
        return run(what, cancellation, attempt, e -> e instanceof BigQueryException b ? verdict(b, written) : null);
    }

    /**
     * A call whose failures {@code judge} classifies; an exception it returns null for is not the API's and passes
     * through unchanged.
     */
    <T> T run(String what, Cancellation cancellation, Supplier<T> attempt, Function<RuntimeException, Verdict> judge) {
        for (int n = 1; ; n++) {
            cancellation.check();
            try {
                return attempt.get();
            } catch (RuntimeException e) {
                Verdict v = judge.apply(e);
                if (v == null) {
                    throw e;
                }
                switch (v.kind()) {
                    case LONG_TERM_QUOTA -> throw new QuotaExceeded(what + " failed: " + v.detail() + " (a longer-term"
                            + " quota: Google asks to wait 10 minutes or more, so it is not retried at once; the"
                            + " coordinator lowers its in-flight limit and Pub/Sub redelivers the task after its backoff)",
                            v.quota(), e);
                    case DAILY_QUOTA -> throw new DailyQuotaExhausted(what + " failed: " + v.detail() + " (the "
                            + v.quota().describe() + " refills only after a day: not retried; replay the task once it"
                            + " has)", v.quota(), e);
                    case PERMANENT -> throw new PermanentFailure(what + " failed: " + v.detail(), e);
                    default -> {
                    }
                }
                if (n >= policy.maxAttempts()) {
                    String message = what + " failed after " + n + " attempts: " + v.detail();
                    throw v.kind() == Kind.RATE_LIMIT ? new QuotaExceeded(message, v.quota(), e)
                            : new RetryableFailure(message, e);
                }
                long delayMs = policy.delayAfter(n, jitter).toMillis();
                LOG.debugf("%s: attempt %d failed (%s), retrying in %d ms", what, n, v.detail(), delayMs);
                pause(delayMs, cancellation);
            }
        }
    }

    private Verdict verdict(BigQueryException e, String written) {
        String detail = BigQueryErrors.describe(e);
        Quota quota = BigQueryQuotas.of(e, written, clock.instant()).orElse(null);
        if (quota != null && quota.daily()) {
            return new Verdict(Kind.DAILY_QUOTA, detail, quota);
        }
        if (BigQueryErrors.isLongTermQuota(e)) {
            return new Verdict(Kind.LONG_TERM_QUOTA, detail, quota);
        }
        if (!BigQueryErrors.isRetryable(e)) {
            return new Verdict(Kind.PERMANENT, detail);
        }
        return quota != null ? new Verdict(Kind.RATE_LIMIT, detail, quota) : new Verdict(Kind.TRANSIENT, detail);
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
