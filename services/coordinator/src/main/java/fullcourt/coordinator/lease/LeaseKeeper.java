package fullcourt.coordinator.lease;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Keeps a {@link CoordinatorLease} on a thread of its own: renews it every renew interval while held; while not, tries
 * to take it every renew interval, and right when the holder's lease runs out. Tells the coordinator when to lead (the
 * lease taken: rebuild from the ledger, start consuming) and when to stand down (the lease lost: stop consuming, give
 * back what is in hand).
 */
public final class LeaseKeeper implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LeaseKeeper.class);
    /** After the holder's expiry, so that the takeover finds the lease run out by the warehouse's comparison too. */
    private static final Duration PAST_EXPIRY = Duration.ofMillis(50);

    /** The coordinator's side. */
    public interface Role {
        /** The lease was taken: rebuild state and start consuming. A failure here gives the lease back. */
        void lead();

        /** The lease was lost: stop consuming and dispatching at once; {@code why} names the holder and epoch. */
        void standDown(String why);
    }

    private final CoordinatorLease lease;
    private final Duration renewInterval;
    private final Clock clock;
    private final Role role;
    private final ScheduledExecutorService ticks;
    private boolean leading;
    private volatile boolean halted;

    public LeaseKeeper(CoordinatorLease lease, Duration renewInterval, Clock clock, Role role) {
        this.lease = lease;
        this.renewInterval = renewInterval;
        this.clock = clock;
        this.role = role;
        this.ticks = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "coordinator-lease");
            t.setDaemon(true);
            return t;
        });
        // a write refused by the warehouse loses the lease on the coordinator's loop: stand down now, not at the next renewal
        lease.onLost(() -> {
            if (!halted) {
                try {
                    ticks.execute(this::tick);
                } catch (java.util.concurrent.RejectedExecutionException stopped) {
                    // halted meanwhile
                }
            }
        });
    }

    /**
     * Tries the lease once on the calling thread (a sole coordinator leads before start-up completes, as it did before
     * there was a lease), then keeps it on the keeper's thread.
     */
    public void start() {
        Duration next = tick();
        schedule(next);
    }

    private void schedule(Duration delay) {
        if (halted) {
            return;
        }
        ticks.schedule(() -> schedule(tick()), Math.max(1, delay.toMillis()), TimeUnit.MILLISECONDS);
    }

    /** One step: renew or take; returns when the next one is due. */
    synchronized Duration tick() {
        if (halted) {
            return renewInterval;
        }
        try {
            if (leading) {
                if (!lease.renew()) {
                    leading = false;
                    role.standDown(lease.status());
                }
                return renewInterval;
            }
            if (lease.tryTake()) {
                leading = true;
                try {
                    role.lead();
                } catch (RuntimeException e) {
                    LOG.errorf(e, "Could not start leading; giving the lease back");
                    leading = false;
                    role.standDown("could not start: " + e);
                    lease.release();
                }
                return renewInterval;
            }
            return untilExpiry();
        } catch (RuntimeException e) {
            LOG.warnf("Coordinator lease: %s; trying again in %s", e.getMessage(), renewInterval);
            return renewInterval;
        }
    }

    /** A standby's next try: at the holder's expiry, or after the renew interval if that comes first. */
    private Duration untilExpiry() {
        LeaseRow seen = lease.lastSeen();
        if (seen == null) {
            return renewInterval;
        }
        Duration left = Duration.between(clock.instant(), seen.expiresAt()).plus(PAST_EXPIRY);
        return left.isNegative() ? Duration.ZERO : left.compareTo(renewInterval) < 0 ? left : renewInterval;
    }

    /** Whether this coordinator leads now. */
    public synchronized boolean leading() {
        return leading;
    }

    /** Stops keeping the lease without giving it back, as a killed process would: a standby waits until it runs out. */
    public void halt() {
        halted = true;
        ticks.shutdownNow();
    }

    /** Stops keeping the lease and gives it back (a clean shutdown). */
    @Override
    public void close() {
        halt();
        synchronized (this) {
            leading = false;
        }
        lease.release();
    }
}
