package fullcourt.coordinator;

/** Where a task is on {@code PLANNED -> READY -> DISPATCHED -> RUNNING -> SUCCEEDED | SKIPPED | DEAD}. */
public enum TaskStatus {
    PLANNED, READY, DISPATCHED, RUNNING, SUCCEEDED, SKIPPED, DEAD, BLOCKED, CANCELLED;

    /** Nothing more will happen to the task unless an operator replays it. */
    public boolean terminal() {
        return this == SUCCEEDED || this == SKIPPED || this == DEAD || this == BLOCKED || this == CANCELLED;
    }

    /** Its downstream may run. */
    public boolean done() {
        return this == SUCCEEDED || this == SKIPPED;
    }

    public boolean inFlight() {
        return this == DISPATCHED || this == RUNNING;
    }
}
