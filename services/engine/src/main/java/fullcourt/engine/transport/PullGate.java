package fullcourt.engine.transport;

/**
 * Lets the pullers of the channels that name it ({@code mp.messaging.incoming.CHANNEL.gate=NAME}) pull only while it
 * is open. A named gate starts closed: the coordinator opens its own while it holds the coordinator lease and closes
 * it the moment it loses it, so a standby coordinator never takes a message off a subscription.
 */
public final class PullGate {

    /** The gate of channels that name none: always open. */
    static final PullGate ALWAYS_OPEN = new PullGate("(none)", true);

    private final String name;
    private boolean open;

    PullGate(String name, boolean open) {
        this.name = name;
        this.open = open;
    }

    public String name() {
        return name;
    }

    public synchronized boolean isOpen() {
        return open;
    }

    public synchronized void open() {
        open = true;
        notifyAll();
    }

    /**
     * Closes the gate: no new pull starts, and what a pull in progress still receives is nacked at once, never handed
     * to the channel, so it goes back to the subscription for whoever pulls next.
     */
    public synchronized void close() {
        open = false;
    }

    /** Waits until the gate is open. */
    synchronized void awaitOpen() throws InterruptedException {
        while (!open) {
            wait();
        }
    }
}
