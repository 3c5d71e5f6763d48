package fullcourt.loader.write;

/** The warehouse refused or failed a write, after the retries its errors allow; the message says what and why. */
public class RawWriteFailure extends RuntimeException {

    public RawWriteFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
