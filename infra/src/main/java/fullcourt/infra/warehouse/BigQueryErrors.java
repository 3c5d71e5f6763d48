package fullcourt.infra.warehouse;

import com.google.cloud.bigquery.BigQueryError;
import com.google.cloud.bigquery.BigQueryException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether another attempt may fix a BigQuery error. The error's reason decides first,
 * because the HTTP code alone misleads: quota and rate limits come back as 403
 * ({@code rateLimitExceeded}, {@code quotaExceeded}) or even 400 ({@code jobRateLimitExceeded},
 * "Job exceeded rate limits: Your table exceeded quota for table update operations"), the same
 * codes as a denied access or a broken query. Without a known reason, 429 and 5xx are transient,
 * other 4xx are not, and an I/O failure without any HTTP answer is transient.
 *
 * <p>Quotas come in two kinds (https://cloud.google.com/bigquery/docs/troubleshoot-quotas): a
 * {@code rateLimitExceeded} is a short-term limit, retried after a few seconds with exponential
 * backoff; a {@code quotaExceeded} is a longer-term one, after which Google asks to wait 10 minutes
 * or more, and a custom quota ({@code usageQuotaExceeded}) too. Those are not retried in the call:
 * the attempt fails as a quota failure at once, so the coordinator lowers its in-flight limit and
 * Pub/Sub's backoff (up to 600 s between deliveries) spaces the next attempts. Which quota it is (a table's or the
 * project's, refilling soon or daily, where a daily one is not retried at all) is {@link BigQueryQuotas}'s reading.
 */
public final class BigQueryErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reasons BigQuery documents as transient, plus the short-term rate limits hit by many partition writes. */
    public static final Set<String> RETRYABLE_REASONS = Set.of(
            "rateLimitExceeded", "jobRateLimitExceeded",
            "backendError", "internalError", "jobBackendError", "jobInternalError");

    /** Longer-term quotas: wait 10 minutes or more, so the attempt ends at once as a quota failure. */
    public static final Set<String> LONG_TERM_QUOTA_REASONS = Set.of("quotaExceeded", "usageQuotaExceeded");

    /** Reasons that describe the request itself: the same request fails the same way. */
    public static final Set<String> PERMANENT_REASONS = Set.of(
            "invalidQuery", "invalid", "notFound", "accessDenied", "duplicate", "billingNotEnabled",
            "billingTierLimitExceeded", "resourcesExceeded", "responseTooLarge", "notImplemented");

    private BigQueryErrors() {
    }

    /** Quota and rate-limit reasons: the coordinator slows down on these (see QuotaExceeded). */
    public static final Set<String> QUOTA_REASONS = Set.of("rateLimitExceeded", "jobRateLimitExceeded", "quotaExceeded",
            "usageQuotaExceeded");

    public static boolean isQuota(BigQueryException e) {
        String reason = reasonOf(e);
        return reason != null ? QUOTA_REASONS.contains(reason) : e.getCode() == 429;
    }

    public static boolean isLongTermQuota(BigQueryException e) {
        String reason = reasonOf(e); // none when the answer had no JSON error (e.g. an upload's)
        return reason != null && LONG_TERM_QUOTA_REASONS.contains(reason);
    }

    public static boolean isRetryable(BigQueryException e) {
        String reason = reasonOf(e);
        if (reason != null && RETRYABLE_REASONS.contains(reason)) {
            return true;
        }
        if (reason != null && PERMANENT_REASONS.contains(reason)) {
            return false;
        }
        int code = e.getCode();
        if (code == 429 || code == 500 || code == 502 || code == 503 || code == 504) {
            return true;
        }
        if (code >= 400 && code < 500) {
            return false;
        }
        // no HTTP answer at all (connection reset, timeout): the request may well succeed next time
        return code <= 0 && hasIoCause(e);
    }

    public static String reasonOf(BigQueryException e) {
        BigQueryError error = e.getError();
        if (error != null && error.getReason() != null) {
            return error.getReason();
        }
        if (e.getReason() != null) {
            return e.getReason();
        }
        return answeredError(e).map(a -> a.path("errors").path(0).path("reason").asText(null)).orElse(null);
    }

    /** "reason: message" (HTTP code when there is one), what a person needs to act on the error. */
    public static String describe(BigQueryException e) {
        BigQueryError error = e.getError();
        String message = error != null && error.getMessage() != null ? error.getMessage()
                : answeredError(e).map(a -> a.path("message").asText(null)).orElse(e.getMessage());
        String reason = reasonOf(e);
        StringBuilder out = new StringBuilder();
        if (reason != null) {
            out.append(reason).append(": ");
        }
        out.append(message);
        if (e.getCode() > 0) {
            out.append(" (HTTP ").append(e.getCode()).append(')');
        }
        return out.toString();
    }

    /**
     * The JSON error BigQuery answered with, when the client did not parse it: requests the client sends itself
     * (the resumable upload of a load job) fail with the status line, the request line and the answer's body as their
     * message, {"error": {"code", "message", "errors": [{"reason", ...}]}}.
     */
    private static Optional<JsonNode> answeredError(BigQueryException e) {
        String text = e.getMessage();
        int start = text == null ? -1 : text.indexOf("{\"error\"");
        if (start < 0) {
            return Optional.empty();
        }
        try {
            JsonNode error = JSON.readTree(text.substring(start)).path("error");
            return error.isObject() ? Optional.of(error) : Optional.empty();
        } catch (IOException ex) {
            return Optional.empty();
        }
    }

    private static boolean hasIoCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
