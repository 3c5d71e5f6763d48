package fullcourt.coordinator;

import java.util.Locale;

/**
 * Where a run is: RUNNING, PAUSED (nothing new dispatched until it is resumed; tasks in flight finish),
 * CANCELLING (asked to stop, tasks in flight finishing), or finished as
 * COMPLETED (every task SUCCEEDED or SKIPPED), COMPLETED_WITH_FAILURES (every task terminal, some
 * DEAD or BLOCKED: replay them after a fix) or CANCELLED.
 */
public enum RunStatus {
    RUNNING, PAUSED, CANCELLING, COMPLETED, COMPLETED_WITH_FAILURES, CANCELLED;

    public boolean finished() {
        return this == COMPLETED || this == COMPLETED_WITH_FAILURES || this == CANCELLED;
    }

    /** Its name in lower case, as a metric tag: {@code completed_with_failures}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
