package fullcourt.coordinator;

import java.time.LocalDate;

/** One (processor, date) unit of work; its task id is {@code processor/date}. */
public record TaskKey(String processor, LocalDate date) {

    public String taskId() {
        return processor + "/" + date;
    }

    /** Parses a task id written by {@link #taskId()}. */
    public static TaskKey parse(String taskId) {
        int slash = taskId.lastIndexOf('/');
        if (slash <= 0) {
            throw new IllegalArgumentException("task id must look like processor/YYYY-MM-DD, got " + taskId);
        }
        return new TaskKey(taskId.substring(0, slash), LocalDate.parse(taskId.substring(slash + 1)));
    }

    @Override
    public String toString() {
        return taskId();
    }
}
