package fullcourt.publishing.export;

import fullcourt.engine.processor.SqlModelProcessor;
import fullcourt.engine.processor.TaskContext;

/**
 * Whether an export has nothing to publish on a date: a day without games, or a bootstrap day of
 * its season, decided exactly as SQL model processors decide it, so every phase skips the same
 * dates for the same reasons.
 */
public final class ExportDays {

    private ExportDays() {
    }

    /** Why the task's date has nothing to export, or null when it has. */
    public static String skipReason(TaskContext task) {
        return SqlModelProcessor.skipReason(task);
    }
}
