package fullcourt.engine.processor;

/** A failure worth another attempt: quota, 429/5xx, timeout, a transient conflict or I/O error. */
public class RetryableFailure extends RuntimeException {

    public RetryableFailure(String message) {
        super(message);
    }

    public RetryableFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
