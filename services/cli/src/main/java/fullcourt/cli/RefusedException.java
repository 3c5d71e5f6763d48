package fullcourt.cli;

/** The system understood the command and refused it (unknown run, rejected request): exit code 2. */
public class RefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RefusedException(String message) {
        super(message);
    }
}
