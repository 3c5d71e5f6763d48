package fullcourt.engine.logging;

import java.time.LocalDate;
import org.jboss.logging.MDC;

/**
 * The MDC fields {@code runId}, {@code processor} and {@code date} of every log line about a task,
 * set for the duration of a try-with-resources block and then restored to what they were, so a
 * nested scope (a task thread, a loop turn) never wipes its caller's fields.
 */
public final class TaskMdc implements AutoCloseable {

    public static final String RUN_ID = "runId";
    public static final String PROCESSOR = "processor";
    public static final String DATE = "date";

    private final Object runId;
    private final Object processor;
    private final Object date;

    private TaskMdc() {
        this.runId = MDC.get(RUN_ID);
        this.processor = MDC.get(PROCESSOR);
        this.date = MDC.get(DATE);
    }

    /** Sets the fields of a task; a null argument leaves that field unset. */
    public static TaskMdc of(String runId, String processor, LocalDate date) {
        TaskMdc previous = new TaskMdc();
        set(RUN_ID, runId);
        set(PROCESSOR, processor);
        set(DATE, date == null ? null : date.toString());
        return previous;
    }

    /** Sets the run only: for lines about a whole run. */
    public static TaskMdc ofRun(String runId) {
        return of(runId, null, null);
    }

    private static void set(String key, Object value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }

    @Override
    public void close() {
        set(RUN_ID, runId);
        set(PROCESSOR, processor);
        set(DATE, date);
    }
}
