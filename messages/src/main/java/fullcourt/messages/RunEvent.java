package fullcourt.messages;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * The coordinator's report on a run, published on {@code run-events}: ACCEPTED with the plan text, REJECTED with
 * reasons, COMPLETED or CANCELLED with a summary. {@code reasons} is never null: absent means empty.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunEvent(
        int schemaVersion,
        RunEventType type,
        String runId,
        String requestId,
        Instant at,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> reasons,
        RunSummary summary,
        String plan) {

    public RunEvent {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    /** The request was planned; {@code plan} is a human-readable outline of it, or null. */
    public static RunEvent accepted(String runId, String requestId, Instant at, String plan) {
        return new RunEvent(SchemaVersions.CURRENT, RunEventType.ACCEPTED, runId, requestId, at, List.of(), null, plan);
    }

    /** At most this many reasons are listed in a rejection; the rest are counted in one more line. */
    public static final int MAX_REASONS = 50;

    /**
     * The request was refused: the first {@link #MAX_REASONS} reasons (each at most 500 characters, one line), then
     * "... and N more", so that a request with thousands of bad dates still gets an answer that fits in a message.
     */
    public static RunEvent rejected(String runId, String requestId, Instant at, List<String> reasons) {
        return new RunEvent(SchemaVersions.CURRENT, RunEventType.REJECTED, runId, requestId, at, firstOf(reasons),
                null, null);
    }

    /** The first {@link #MAX_REASONS} of {@code reasons}, each one bounded line, and a count of the rest. */
    public static List<String> firstOf(List<String> reasons) {
        List<String> shown = new java.util.ArrayList<>();
        reasons.stream().limit(MAX_REASONS).forEach(r -> shown.add(LogText.of(r, 500)));
        if (reasons.size() > MAX_REASONS) {
            shown.add("... and " + (reasons.size() - MAX_REASONS) + " more");
        }
        return shown;
    }

    public static RunEvent completed(String runId, String requestId, Instant at, RunSummary summary) {
        return new RunEvent(SchemaVersions.CURRENT, RunEventType.COMPLETED, runId, requestId, at, List.of(), summary,
                null);
    }

    /** The run was stopped; {@code summary} counts what had happened by then. */
    public static RunEvent cancelled(String runId, String requestId, Instant at, RunSummary summary) {
        return new RunEvent(SchemaVersions.CURRENT, RunEventType.CANCELLED, runId, requestId, at, List.of(), summary,
                null);
    }

    static void checkShape(JsonShape json) {
        RunEventType type = json.required("type", JsonShape.oneOf(RunEventType.class));
        json.required("runId", JsonShape.TEXT);
        json.optional("requestId", JsonShape.TEXT);
        json.optional("at", JsonShape.INSTANT);
        json.list("reasons", JsonShape.TEXT);
        // Consumers report a completed run from its summary; without one there is nothing to report.
        if (type == RunEventType.COMPLETED) {
            json.requiredObject("summary", RunSummary::checkShape);
        } else {
            json.object("summary", RunSummary::checkShape);
        }
        json.optional("plan", JsonShape.TEXT);
    }
}
