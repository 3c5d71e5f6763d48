package fullcourt.cli;

/** Talking to the system failed (unreachable, timed out, answered with an error): exit code 1. */
public class SystemFailureException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SystemFailureException(String message) {
        super(message);
    }

    public SystemFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}
