package fullcourt.coordinator.lease;

import fullcourt.coordinator.ledger.WriteFence;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The one-coordinator lease with its fencing epoch ({@code ops.coordinator_lease}): taken when free (every takeover
 * increments the epoch), renewed by its holder, and lost when another coordinator took it or when it was not renewed
 * in time. As a {@link WriteFence} it refuses ledger writes unless held: before writing, by the holder's own view
 * (renewed less than the lease duration ago), and in the write itself, by the warehouse's (the row still holds this
 * epoch); a write that carries no condition is vouched for by the last renewal, or in a lease's last third by a read
 * of the row ({@link #confirm()}). Driven by its caller ({@link LeaseKeeper}); time from the injected clock.
 */
public final class CoordinatorLease implements WriteFence {

    private static final Logger LOG = Logger.getLogger(CoordinatorLease.class);

    /** A lease held: its epoch, and until when this holder may act on it. */
    private record Held(long epoch, Instant until) {
    }

    private final LeaseTable table;
    private final String name;
    private final String holder;
    private final Duration duration;
    private final Clock clock;
    /** The last part of a lease in which {@link #confirm()} asks the warehouse: a third of it. */
    private final Duration confirmMargin;
    private volatile Held held;
    private volatile LeaseRow lastSeen;
    private volatile String status = "not taken yet";
    private volatile Runnable onLost = () -> { };
    /** Whether an unexpired lease may be taken over on this process's first take (see {@link #CoordinatorLease(LeaseTable, String, String, Duration, Clock, boolean)}). */
    private boolean takeOverAtFirst;

    public CoordinatorLease(LeaseTable table, String name, String holder, Duration duration, Clock clock) {
        this(table, name, holder, duration, clock, false);
    }

    /**
     * With {@code soleProcess}, no other process can reach this lease's warehouse (an embedded DuckDB file is locked by
     * the process that opened it): whoever holds the lease when this process first takes it is a process that is gone,
     * so the first take does not wait for that lease to run out. It still increments the epoch.
     */
    public CoordinatorLease(LeaseTable table, String name, String holder, Duration duration, Clock clock,
                            boolean soleProcess) {
        this.table = table;
        this.name = name;
        this.holder = holder;
        this.duration = duration;
        this.clock = clock;
        this.confirmMargin = duration.dividedBy(3);
        this.takeOverAtFirst = soleProcess;
    }

    /**
     * An id for this process as a holder: the host (on Cloud Run, the revision, where the instance id is not at hand)
     * and a random part, so that two instances, or a restart of the same one, never share it.
     */
    public static String newHolderId() {
        String where = System.getenv().getOrDefault("K_REVISION", "");
        if (where.isEmpty()) {
            try {
                where = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                where = "unknown-host";
            }
        }
        return where + "/" + java.util.UUID.randomUUID().toString().substring(0, 8);
    }

    /** Takes the lease if it is free (never taken, released, or run out); true when this process holds it now. */
    public synchronized boolean tryTake() {
        if (held != null) {
            return true;
        }
        LeaseRow seen = table.read(name);
        lastSeen = seen;
        Instant now = clock.instant();
        boolean takeOver = takeOverAtFirst && !seen.free(now);
        if (!seen.free(now) && !takeOver) {
            status = "standby: the lease is held by " + seen;
            return false;
        }
        Instant until = now.plus(duration);
        // a takeover compares as if at the left lease's end: the statement stays the one conditional take
        if (!table.take(name, seen, holder, takeOver ? seen.expiresAt() : now, until)) {
            lastSeen = table.read(name);
            status = "standby: another coordinator took the lease first: " + lastSeen;
            return false;
        }
        takeOverAtFirst = false;
        held = new Held(seen.epoch() + 1, until);
        if (takeOver) {
            LOG.infof("Coordinator %s took over the lease '%s' left by %s: no other process can open this warehouse",
                    holder, name, seen.holder());
        }
        lastSeen = new LeaseRow(holder, seen.epoch() + 1, until);
        status = "holding the lease, epoch " + (seen.epoch() + 1);
        LOG.infof("Coordinator %s took the lease '%s' at epoch %d (previous: %s)", holder, name, seen.epoch() + 1, seen);
        return true;
    }

    /**
     * Extends the lease by its duration from now. False, and the lease no longer held, when another coordinator has
     * taken it or when it ran out before this renewal; a renewal that fails for another reason (the warehouse did not
     * answer) keeps it until it runs out.
     */
    public synchronized boolean renew() {
        Held h = held;
        if (h == null) {
            return false;
        }
        Instant now = clock.instant();
        if (!now.isBefore(h.until())) {
            return lose("it ran out at " + h.until() + " before it could be renewed");
        }
        Instant until = now.plus(duration);
        boolean extended;
        try {
            extended = table.extend(name, holder, h.epoch(), until);
        } catch (RuntimeException e) {
            LOG.warnf("Could not renew the coordinator lease (epoch %d, held until %s): %s", h.epoch(), h.until(),
                    e.getMessage());
            return true;
        }
        if (!extended) {
            LeaseRow now2 = table.read(name);
            lastSeen = now2;
            return lose("another coordinator holds it: " + now2);
        }
        held = new Held(h.epoch(), until);
        lastSeen = new LeaseRow(holder, h.epoch(), until);
        return true;
    }

    private boolean lose(String why) {
        Held h = held;
        held = null;
        status = "lost the lease (epoch " + h.epoch() + "): " + why;
        LOG.errorf("Coordinator %s lost the coordinator lease '%s' (its epoch %d): %s; it stops consuming and"
                + " dispatching", holder, name, h.epoch(), why);
        onLost.run();
        return false;
    }

    /** Runs {@code r} whenever the lease is lost, wherever that was noticed (a renewal, a refused write). */
    void onLost(Runnable r) {
        onLost = r;
    }

    /** Forgets the lease without giving it back, as a killed process would: nothing more is written under it. */
    public synchronized void abandon() {
        held = null;
        status = "abandoned (halted without release)";
    }

    /** Gives the lease up at once (a clean shutdown), so a standby takes over without waiting for it to run out. */
    public synchronized void release() {
        Held h = held;
        if (h == null) {
            return;
        }
        held = null;
        status = "released";
        try {
            table.extend(name, holder, h.epoch(), clock.instant());
            LOG.infof("Coordinator %s released the lease '%s' (epoch %d)", holder, name, h.epoch());
        } catch (RuntimeException e) {
            LOG.warnf("Could not release the coordinator lease (epoch %d); a successor waits until %s: %s", h.epoch(),
                    h.until(), e.getMessage());
        }
    }

    /** Whether this process holds the lease now, by its own view. */
    public boolean held() {
        Held h = held;
        return h != null && clock.instant().isBefore(h.until());
    }

    /** This process's epoch while it holds the lease, else 0. */
    public long epoch() {
        Held h = held;
        return h == null ? 0 : h.epoch();
    }

    public String holder() {
        return holder;
    }

    /** The row as last read or written: the holder a standby waits for, and until when. */
    public LeaseRow lastSeen() {
        return lastSeen;
    }

    /** Holding, standing by for whom, or why it was lost: for readiness and logs. */
    public String status() {
        return status;
    }

    @Override
    public void check() {
        Held h = held;
        if (h == null) {
            throw new NotLeaseHolder(status);
        }
        if (!clock.instant().isBefore(h.until())) {
            throw new NotLeaseHolder("the lease (epoch " + h.epoch() + ") ran out at " + h.until() + " unrenewed");
        }
    }

    @Override
    public String condition() {
        return LeaseTable.HELD;
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("lease_name", name, "lease_holder", holder, "lease_epoch", epoch());
    }

    /**
     * Confirms the lease for a write that carries no condition. Within the first two thirds of the lease since its
     * last take or renewal, nothing is asked: those wrote the row in the warehouse, and a successor takes over only
     * once the row's expiry (this holder's {@code until}) has passed on its own clock, so it would need a clock more
     * than a third of the lease ahead of this one. In the last third (a renewal is late or failed), reads the lease's
     * row, which must still name this holder and epoch (what {@link LeaseTable#HELD} checks in SQL). With the
     * default 30 s lease renewed every 10 s, a holder whose renewals succeed never asks.
     */
    @Override
    public void confirm() {
        Held h = held;
        if (h != null && clock.instant().isBefore(h.until().minus(confirmMargin))) {
            return;
        }
        long epoch = epoch();
        LeaseRow row = table.read(name);
        if (!holder.equals(row.holder()) || row.epoch() != epoch) {
            throw refused();
        }
    }

    @Override
    public RuntimeException refused() {
        long epoch = epoch();
        synchronized (this) {
            if (held != null) {
                lose("the warehouse refused a ledger write of epoch " + epoch + ": " + table.read(name));
            }
        }
        return new NotLeaseHolder("the ledger refused a write of epoch " + epoch + ": another coordinator holds the lease");
    }
}
