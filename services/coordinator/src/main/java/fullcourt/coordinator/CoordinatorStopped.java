package fullcourt.coordinator;

/**
 * The coordinator's loop has stopped (the process is shutting down): a message handed to it now is
 * nacked, and Pub/Sub delivers it to the next coordinator. Expected at shutdown, not an error.
 */
public class CoordinatorStopped extends IllegalStateException {

    public CoordinatorStopped() {
        super("coordinator is stopped");
    }

    protected CoordinatorStopped(String why) {
        super(why);
    }
}
