package fullcourt.messages;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A phase service's report on one attempt at a {@link DateWork}, published on {@code task-events}. Which optional
 * fields are set depends on the type: SKIPPED has a reason, ATTEMPT_FAILED an error and whether it is retryable,
 * SUCCEEDED rows; all but STARTED carry durationMs. ATTEMPT_FAILED may carry an {@code errorKind}: {@code QUOTA}
 * when a quota or rate limit caused it (the coordinator then lowers its in-flight limit); absent otherwise, and in
 * events of senders that predate the field, so the schema version is unchanged. {@code token} echoes the
 * {@link DispatchToken} of the DateWork reported on (optional on the wire, required by the coordinator).
 * A QUOTA failure may say which {@link Quota} ({@code quotaScope}, {@code quotaTable} for a table's, {@code quotaDaily},
 * {@code quotaName}, {@code quotaRefillsAt} when known); without them (older senders) it counts as a project quota that
 * refills soon, as before the fields existed.
 *
 * <p>A worker reports STARTED only for an attempt still running after {@code fullcourt.worker.started-after} (most
 * attempts end sooner, and a message less per task is a third of what the pipeline sends); the end of an attempt
 * whose STARTED it did not report carries the attempt's {@code startedAt}, and the coordinator writes the STARTED row
 * from it, so the ledger holds both rows either way. Absent on STARTED itself, on ends whose STARTED was reported, and
 * in events of senders that predate the field.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskEvent(
        int schemaVersion,
        TaskEventType type,
        String runId,
        String taskId,
        String processor,
        LocalDate date,
        int dispatch,
        int attempt,
        Instant at,
        String reason,
        String error,
        Boolean retryable,
        Long rows,
        Long durationMs,
        String processorVersion,
        String errorKind,
        String token,
        Quota.Scope quotaScope,
        String quotaTable,
        Boolean quotaDaily,
        String quotaName,
        Instant quotaRefillsAt,
        Instant startedAt) {

    /** The {@code errorKind} of a failure caused by a quota or rate limit. */
    public static final String QUOTA = "QUOTA";

    public static TaskEvent started(DateWork work, int attempt, Instant at, String processorVersion) {
        return of(TaskEventType.STARTED, work, attempt, at, null, null, null, null, null, processorVersion);
    }

    public static TaskEvent succeeded(DateWork work, int attempt, Instant at, long rows, long durationMs,
                                      String processorVersion) {
        return of(TaskEventType.SUCCEEDED, work, attempt, at, null, null, null, rows, durationMs, processorVersion);
    }

    public static TaskEvent skipped(DateWork work, int attempt, Instant at, String reason, String processorVersion) {
        return of(TaskEventType.SKIPPED, work, attempt, at, reason, null, null, null, null, processorVersion);
    }

    public static TaskEvent attemptFailed(DateWork work, int attempt, Instant at, String error, boolean retryable,
                                          long durationMs, String processorVersion) {
        return attemptFailed(work, attempt, at, error, retryable, durationMs, processorVersion, (String) null);
    }

    /** A failed attempt of a known kind ({@link #QUOTA}), or null when it has none. */
    public static TaskEvent attemptFailed(DateWork work, int attempt, Instant at, String error, boolean retryable,
                                          long durationMs, String processorVersion, String errorKind) {
        return new TaskEvent(SchemaVersions.CURRENT, TaskEventType.ATTEMPT_FAILED, work.runId(), work.taskId(),
                work.processor(), work.date(), work.dispatch(), attempt, at, null, error, retryable, null, durationMs,
                processorVersion, errorKind, work.token(), null, null, null, null, null, null);
    }

    /** A failed attempt caused by {@code quota}: errorKind {@link #QUOTA} with the quota's scope, table and refill. */
    public static TaskEvent attemptFailed(DateWork work, int attempt, Instant at, String error, boolean retryable,
                                          long durationMs, String processorVersion, Quota quota) {
        return new TaskEvent(SchemaVersions.CURRENT, TaskEventType.ATTEMPT_FAILED, work.runId(), work.taskId(),
                work.processor(), work.date(), work.dispatch(), attempt, at, null, error, retryable, null, durationMs,
                processorVersion, QUOTA, work.token(), quota.scope(), quota.table(), quota.daily(), quota.name(),
                quota.refillsAt(), null);
    }

    /** This end of an attempt carrying the attempt's start, which no STARTED event reported. */
    public TaskEvent withStartedAt(Instant started) {
        return new TaskEvent(schemaVersion, type, runId, taskId, processor, date, dispatch, attempt, at, reason, error,
                retryable, rows, durationMs, processorVersion, errorKind, token, quotaScope, quotaTable, quotaDaily,
                quotaName, quotaRefillsAt, started);
    }

    /** Whether a quota or rate limit caused this failed attempt. */
    public boolean quotaError() {
        return QUOTA.equals(errorKind);
    }

    /** The quota of a QUOTA failure; a project quota that refills soon when the sender did not say. Null otherwise. */
    public Quota quota() {
        if (!quotaError()) {
            return null;
        }
        boolean daily = Boolean.TRUE.equals(quotaDaily);
        return (quotaScope == Quota.Scope.TABLE && quotaTable != null && !quotaTable.isBlank()
                ? Quota.table(quotaTable, daily, quotaName) : Quota.project(daily, quotaName)).refillingAt(quotaRefillsAt);
    }

    private static TaskEvent of(TaskEventType type, DateWork work, int attempt, Instant at, String reason,
                                String error, Boolean retryable, Long rows, Long durationMs, String version) {
        return new TaskEvent(SchemaVersions.CURRENT, type, work.runId(), work.taskId(), work.processor(),
                work.date(), work.dispatch(), attempt, at, reason, error, retryable, rows, durationMs, version, null,
                work.token(), null, null, null, null, null, null);
    }

    /** Pub/Sub attributes: those of {@link DateWork#attributes()} plus {@code type}. */
    public Map<String, String> attributes() {
        LinkedHashMap<String, String> attributes = DateWork.routingAttributes(runId, taskId, processor, date);
        DateWork.putIfPresent(attributes, "type", type == null ? null : type.name());
        return Collections.unmodifiableMap(attributes);
    }

    static void checkShape(JsonShape json) {
        TaskEventType type = json.required("type", JsonShape.oneOf(TaskEventType.class));
        DateWork.checkTask(json);
        json.optional("dispatch", JsonShape.integerIn(0, Integer.MAX_VALUE));
        json.optional("attempt", JsonShape.integerIn(0, Integer.MAX_VALUE));
        Instant at = json.required("at", JsonShape.INSTANT);
        Instant startedAt = json.optional("startedAt", JsonShape.INSTANT);
        if (startedAt != null && type == TaskEventType.STARTED) {
            json.problem("startedAt", "only the end of an attempt carries it (a STARTED event's start is its 'at')");
        } else if (startedAt != null && at != null && startedAt.isAfter(at)) {
            json.problem("startedAt", "after 'at' (" + at + "): an attempt ends after it starts");
        }
        // The coordinator decides what to do from these; a failure without them cannot be classified.
        if (type == TaskEventType.SKIPPED) {
            json.required("reason", JsonShape.TEXT);
        } else {
            json.optional("reason", JsonShape.TEXT);
        }
        if (type == TaskEventType.ATTEMPT_FAILED) {
            json.required("error", JsonShape.TEXT);
            json.required("retryable", JsonShape.BOOLEAN);
        } else {
            json.optional("error", JsonShape.TEXT);
            json.optional("retryable", JsonShape.BOOLEAN);
        }
        json.optional("rows", JsonShape.NON_NEGATIVE_LONG);
        json.optional("durationMs", JsonShape.NON_NEGATIVE_LONG);
        json.optional("processorVersion", JsonShape.TEXT);
        json.optional("errorKind", JsonShape.TEXT);
        json.optional("token", JsonShape.ID);
        // a table's quota names the table: the coordinator slows down that table's writers only
        if (json.optional("quotaScope", JsonShape.oneOf(Quota.Scope.class)) == Quota.Scope.TABLE) {
            json.required("quotaTable", JsonShape.TEXT);
        } else {
            json.optional("quotaTable", JsonShape.TEXT);
        }
        json.optional("quotaDaily", JsonShape.BOOLEAN);
        json.optional("quotaName", JsonShape.TEXT);
        json.optional("quotaRefillsAt", JsonShape.INSTANT);
    }
}
