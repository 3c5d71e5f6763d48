package fullcourt.engine.lifecycle;

/**
 * The order in which a Fullcourt process stops, as {@code @Priority} of its {@code ShutdownEvent}
 * observers (lower runs first). Pub/Sub must outlive everything that talks to it: first no new
 * work is pulled, then the work in hand finishes (its results and events still go out), then the
 * coordinator stops, then the publishers flush, and only after all of that (bean destruction)
 * the connection and the embedded emulator close.
 */
public final class ShutdownOrder {

    /** Stop pulling from every subscription: nothing new starts. */
    public static final int STOP_PULLING = 100;
    /** Let the tasks in hand finish (bounded by {@code fullcourt.worker.drain-timeout}), cancel the rest. */
    public static final int DRAIN_WORK = 200;
    /** Stop the coordinator's loop: what is in the ledger stays for the next start. */
    public static final int STOP_COORDINATOR = 300;
    /** Flush and close the publishers, while the broker is still up. */
    public static final int CLOSE_PUBLISHERS = 400;

    private ShutdownOrder() {
    }
}
