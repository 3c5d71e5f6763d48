package fullcourt.engine.processor;

/** A failure another attempt cannot fix (invalid message, unknown processor, broken SQL): dead-letter at once. */
public class PermanentFailure extends RuntimeException {

    public PermanentFailure(String message) {
        super(message);
    }

    public PermanentFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
