package fullcourt.messages;

/** What happened to a run as a whole. */
public enum RunEventType {
    ACCEPTED, REJECTED, COMPLETED, CANCELLED
}
