package fullcourt.coordinator.lease;

import fullcourt.engine.transport.PullGate;
import java.time.Clock;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * The coordinator's hold on its lease: while held it leads (starts, then opens its input gate); when lost it stands
 * down (closes the gate, then stops). Kept by a {@link LeaseKeeper} from {@link #keep} on.
 */
public final class Leadership {

    private static final Logger LOG = Logger.getLogger(Leadership.class);

    private final CoordinatorLease lease;
    private final LeaseKeeper keeper;
    private final PullGate gate;

    private Leadership(CoordinatorLease lease, LeaseKeeper keeper, PullGate gate) {
        this.lease = lease;
        this.keeper = keeper;
        this.gate = gate;
    }

    /**
     * Holding {@code lease}: once {@link #keep kept}, it leads while held ({@code start}, then {@code gate} opened);
     * a lost lease closes the gate and runs {@code stop}.
     */
    public static Leadership of(CoordinatorLease lease, Duration renewInterval, Clock clock, PullGate gate,
                                Runnable start, Runnable stop) {
        String holder = lease.holder();
        LeaseKeeper keeper = new LeaseKeeper(lease, renewInterval, clock, new LeaseKeeper.Role() {
            @Override
            public void lead() {
                start.run();
                gate.open();
            }

            @Override
            public void standDown(String why) {
                gate.close();
                stop.run();
                LOG.errorf("Coordinator %s stood down: %s", holder, why);
            }
        });
        return new Leadership(lease, keeper, gate);
    }

    /** Takes the lease and leads (on the calling thread if it is free), or stands by until the holder's runs out. */
    public void keep() {
        keeper.start();
    }

    public CoordinatorLease lease() {
        return lease;
    }

    /** Stops renewing and taking input without giving the lease back, as a killed process would. */
    public void abandon() {
        keeper.halt();
        lease.abandon();
        gate.close();
    }

    /** Stops renewing and taking input; the lease is still held until {@link #release}. */
    public void stopTakingInput() {
        keeper.halt();
        gate.close();
    }

    /** Gives the lease back: a successor takes over at once. */
    public void release() {
        keeper.close();
    }
}
