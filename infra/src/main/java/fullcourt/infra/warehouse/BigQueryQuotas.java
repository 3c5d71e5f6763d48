package fullcourt.infra.warehouse;

import com.google.cloud.bigquery.BigQueryError;
import com.google.cloud.bigquery.BigQueryException;
import fullcourt.messages.Quota;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which quota a BigQuery quota error is about, read from its reason, message and location: a table's or the project's,
 * refilling soon or only after a day. The messages are those Google lists in "Troubleshoot quota and limit errors"
 * (https://cloud.google.com/bigquery/docs/troubleshoot-quotas) and the limits behind them in "Quotas and limits"
 * (https://cloud.google.com/bigquery/quotas), for example:
 * <ul>
 *   <li>{@code rateLimitExceeded} "Exceeded rate limits: too many table update operations for this table" (5 per 10 s
 *       per table) or "... too many partitioned table update operations for this partitioned table" (50 per 10 s):
 *       the table written, refilling within seconds;
 *   <li>{@code rateLimitExceeded} "Exceeded rate limits: Your table: p:d.t exceeded quota for streaming insert bytes
 *       per second": the table the message names;
 *   <li>{@code quotaExceeded} "Quota exceeded: Your table exceeded quota for Number of partition modifications to a
 *       column partitioned table" (30,000 per table per day; location
 *       {@code partition_modifications_per_column_partitioned_table.long}) and "... for imports or query appends per
 *       table" (1,500 per table per day): the table written, daily;
 *   <li>{@code quotaExceeded} "Quota exceeded: Your project exceeded quota for ..." and "Exceeded rate limits: too many
 *       concurrent queries for this project_and_region": the project; daily when the quota is per day (imports,
 *       copies, free query bytes);
 *   <li>{@code usageQuotaExceeded} "Custom quota exceeded: Your usage exceeded the custom quota for QueryUsagePerDay,
 *       which is set by your administrator": the project (or user), daily, reset at midnight Pacific Time
 *       (https://cloud.google.com/bigquery/docs/custom-quotas).
 * </ul>
 * A table quota whose message names no table binds the table the failed call wrote, when the caller says which.
 * When a daily quota refills is known only for custom quotas (midnight Pacific Time): Google replenishes the other
 * daily quotas "at regular intervals throughout the day ... within minutes rather than globally replenished once daily"
 * ("Quota replenishment", https://cloud.google.com/bigquery/quotas), so they have no refill time.
 */
public final class BigQueryQuotas {

    /** "Your table: project:dataset.table exceeded", "Table project:dataset.table", "table dataset.table". */
    private static final Pattern NAMED_TABLE = Pattern.compile(
            "(?i)\\btable:?\\s+`?(?:[\\w.-]+[:.])?([A-Za-z_][\\w]*)\\.([A-Za-z_][\\w]*)`?");
    /** What marks a per-table quota in a message or location. */
    private static final Pattern TABLE_QUOTA = Pattern.compile(
            "(?i)(for this table|this partitioned table|your table|per table|partitioned table|to a table"
                    + "|table update operations|table dml|_per_table|partitioned_table)");
    /** What marks a quota that refills only after a day (or longer: free bytes are per month). */
    private static final Pattern DAILY = Pattern.compile(
            "(?i)(per ?day|daily|number of partition modifications|imports or query appends per table"
                    + "|imports per project|copies per project|extract bytes|free query bytes|\\.long$)");
    private static final Pattern RESET = Pattern.compile("(?i)\\b(?:will be )?reset(?:s)? at ([^.;]+)");
    private static final Pattern QUOTA_FOR = Pattern.compile(
            "(?i)(?:exceeded (?:the custom )?quota for|too many)\\s+([^.;]+?)(?:,? which is set by your administrator)?"
                    + "(?:\\. |\\.$|;|$)");
    private static final String CUSTOM_QUOTA_RESET = "midnight Pacific Time";
    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");

    private BigQueryQuotas() {
    }

    /**
     * The quota of a quota or rate-limit error ({@link BigQueryErrors#isQuota}); empty for any other error.
     *
     * @param written the table the failed call writes ({@code dataset.table}), or null when it writes none
     */
    public static Optional<Quota> of(BigQueryException e, String written, Instant at) {
        if (!BigQueryErrors.isQuota(e)) {
            return Optional.empty();
        }
        BigQueryError error = e.getError();
        String message = error != null && error.getMessage() != null ? error.getMessage() : BigQueryErrors.describe(e);
        String location = error == null ? null : error.getLocation();
        String reason = BigQueryErrors.reasonOf(e);
        Quota quota = classify(reason, message, location, written);
        return Optional.of(quota.refillingAt(refillsAt(reason, quota, at)));
    }

    /**
     * When a daily quota met at {@code at} is whole again, when that is known: a custom quota ({@code
     * usageQuotaExceeded}, https://cloud.google.com/bigquery/docs/custom-quotas) or one whose message says it resets at
     * midnight Pacific Time, at the next such midnight; null for any other quota.
     */
    public static Instant refillsAt(String reason, Quota quota, Instant at) {
        boolean midnightPacific = "usageQuotaExceeded".equals(reason)
                || (quota.name() != null && quota.name().contains("resets at " + CUSTOM_QUOTA_RESET));
        if (!quota.daily() || !midnightPacific) {
            return null;
        }
        LocalDate today = at.atZone(PACIFIC).toLocalDate();
        return ZonedDateTime.of(today.plusDays(1).atStartOfDay(), PACIFIC).toInstant();
    }

    /** The quota a quota error's reason, message and location describe (each may be null). */
    public static Quota classify(String reason, String message, String location, String written) {
        String text = message == null ? "" : message;
        String where = location == null ? "" : location;
        // rateLimitExceeded is by definition a short-term limit: retried after seconds, never daily
        boolean shortTerm = "rateLimitExceeded".equals(reason) || "jobRateLimitExceeded".equals(reason);
        boolean daily = !shortTerm && ("usageQuotaExceeded".equals(reason) || DAILY.matcher(text).find()
                || DAILY.matcher(where).find());
        String name = name(text, reason, daily);
        Optional<String> named = namedTable(text);
        boolean perTable = named.isPresent() || TABLE_QUOTA.matcher(text).find() || TABLE_QUOTA.matcher(where).find();
        String table = named.orElse(written == null ? null : baseTable(written));
        return perTable && table != null ? Quota.table(table, daily, name) : Quota.project(daily, name);
    }

    /** The quota's name in the message, and when it resets if the message (or Google's page on custom quotas) says. */
    private static String name(String text, String reason, boolean daily) {
        Matcher m = QUOTA_FOR.matcher(text);
        String name = m.find() ? m.group(1).trim() : (reason == null ? text : reason);
        Matcher reset = RESET.matcher(text);
        if (reset.find()) {
            return name + "; resets at " + reset.group(1).trim();
        }
        if (daily && "usageQuotaExceeded".equals(reason)) {
            return name + "; resets at " + CUSTOM_QUOTA_RESET;
        }
        return name;
    }

    private static Optional<String> namedTable(String text) {
        Matcher m = NAMED_TABLE.matcher(text);
        while (m.find()) {
            String dataset = m.group(1);
            if (!dataset.equalsIgnoreCase("for") && !dataset.equalsIgnoreCase("exceeded")) {
                return Optional.of(dataset + "." + m.group(2));
            }
        }
        return Optional.empty();
    }

    /** {@code dataset.table} of {@code dataset.table$20220131} or {@code project.dataset.table}. */
    static String baseTable(String table) {
        String plain = table.contains("$") ? table.substring(0, table.indexOf('$')) : table;
        String[] parts = plain.replace(':', '.').split("\\.");
        return parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : plain.toLowerCase(Locale.ROOT);
    }
}
