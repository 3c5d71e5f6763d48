package fullcourt.messages;

/** What happened to one attempt at a task. */
public enum TaskEventType {
    STARTED, SUCCEEDED, SKIPPED, ATTEMPT_FAILED
}
