package fullcourt.messages;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One (processor, date) task handed to a phase service on {@code phaseN-work}; {@code dispatch} counts the
 * coordinator's dispatches of this task (1 first, 2 after a replay, ...). {@code earlyCutoff} (optional, false when
 * absent) lets the worker skip the task as "inputs unchanged" when the partition's lineage shows the same version
 * read the same input fingerprints (runs of stale partitions set it; a plain backfill recomputes). {@code token}
 * (optional on the wire, required by workers) is the coordinator's {@link DispatchToken} of this dispatch.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DateWork(int schemaVersion, String runId, String taskId, String processor, LocalDate date,
                       int dispatch, @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean earlyCutoff,
                       String token) {

    public static DateWork of(String runId, String taskId, String processor, LocalDate date, int dispatch) {
        return new DateWork(SchemaVersions.CURRENT, runId, taskId, processor, date, dispatch, false, null);
    }

    /** The same work, allowed to end as "inputs unchanged" (or not). */
    public DateWork withEarlyCutoff(boolean earlyCutoff) {
        return new DateWork(schemaVersion, runId, taskId, processor, date, dispatch, earlyCutoff, token);
    }

    /** The same work carrying {@code token} (see {@link DispatchToken#signed}). */
    public DateWork withToken(String token) {
        return new DateWork(schemaVersion, runId, taskId, processor, date, dispatch, earlyCutoff, token);
    }

    /** Pub/Sub attributes, so subscribers can filter and operators can read routing without decoding the body. */
    public Map<String, String> attributes() {
        return Collections.unmodifiableMap(routingAttributes(runId, taskId, processor, date));
    }

    // Pub/Sub rejects null attribute values, so absent fields are left out rather than failing the publish.
    static LinkedHashMap<String, String> routingAttributes(String runId, String taskId, String processor,
                                                           LocalDate date) {
        LinkedHashMap<String, String> attributes = new LinkedHashMap<>();
        putIfPresent(attributes, "runId", runId);
        putIfPresent(attributes, "processor", processor);
        putIfPresent(attributes, "date", date == null ? null : date.toString());
        putIfPresent(attributes, "taskId", taskId);
        return attributes;
    }

    static void putIfPresent(Map<String, String> attributes, String key, String value) {
        if (value != null) {
            attributes.put(key, value);
        }
    }

    static void checkShape(JsonShape json) {
        checkTask(json);
        json.required("dispatch", JsonShape.integerIn(1, Integer.MAX_VALUE));
        json.optional("earlyCutoff", JsonShape.BOOLEAN);
        json.optional("token", JsonShape.ID);
    }

    /** The fields naming a task, shared with {@link TaskEvent}: a run id, a task id, a processor name, a date. */
    static void checkTask(JsonShape json) {
        json.required("runId", JsonShape.ID);
        json.required("taskId", JsonShape.ID);
        json.required("processor", JsonShape.PROCESSOR);
        json.required("date", JsonShape.DATE);
    }
}
