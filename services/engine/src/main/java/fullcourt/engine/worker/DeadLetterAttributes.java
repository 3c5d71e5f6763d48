package fullcourt.engine.worker;

/** Attributes Fullcourt adds to a message it dead-letters itself. */
public final class DeadLetterAttributes {

    /** The permanent error that sent the message to the dead-letter topic at once. */
    public static final String ERROR = "fullcourtError";

    private DeadLetterAttributes() {
    }
}
