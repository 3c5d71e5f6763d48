package fullcourt.engine.processor;

/**
 * A permanent failure that is a bug in the processor: it threw an exception nobody typed (a
 * NullPointerException, ClassCastException, IllegalArgumentException...), or returned no outcome.
 * Another attempt runs the same code on the same data, so it is dead-lettered at once, with the
 * stack trace of its cause.
 */
public class ProcessorBug extends PermanentFailure {

    /** {@code unexpected} thrown by {@code processor}'s run, kept as the cause. */
    public ProcessorBug(String processor, Throwable unexpected) {
        super(reason(processor) + unexpected, unexpected);
    }

    /** A bug described by {@code message} alone (e.g. a broken contract), without an exception. */
    public ProcessorBug(String message) {
        super(message);
    }

    /** How the reason of a bug in {@code processor} begins, followed by what went wrong. */
    public static String reason(String processor) {
        return "bug in processor " + processor + ", not retried: ";
    }
}
