package fullcourt.engine.transport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Lets the pullers of the channels that name it ({@code mp.messaging.incoming.CHANNEL.gate=NAME}) pull only while it
 * is open. A named gate starts closed: the coordinator opens its own while it holds the coordinator lease and closes
 * it the moment it loses it, so a standby coordinator never takes a message off a subscription.
 */
public final class PullGate {

    /** The gate of channels that name none: always open. */
    static final PullGate ALWAYS_OPEN = new PullGate("(none)", true);

    private final String name;
    private final List<Runnable> onClose = new CopyOnWriteArrayList<>();
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

    /** Closes the gate and cuts the pulls in progress, so nothing more is received until it opens again. */
    public void close() {
        synchronized (this) {
            open = false;
        }
        onClose.forEach(Runnable::run);
    }

    /** Waits until the gate is open. */
    synchronized void awaitOpen() throws InterruptedException {
        while (!open) {
            wait();
        }
    }

    /** Runs {@code r} every time the gate closes (a puller cancels its pull in progress). */
    void onClose(Runnable r) {
        onClose.add(r);
    }
}
