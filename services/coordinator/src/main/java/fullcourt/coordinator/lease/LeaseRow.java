package fullcourt.coordinator.lease;

import java.time.Instant;

/**
 * The coordinator lease as the warehouse holds it: who holds it, under which fencing epoch, until when.
 *
 * @param holder    the holding process's id; empty before anyone took it
 * @param epoch     incremented on every takeover: rows written under an older epoch are refused
 * @param expiresAt the holder must renew before this, else another coordinator may take over
 */
public record LeaseRow(String holder, long epoch, Instant expiresAt) {

    /** Whether another coordinator may take it at {@code now}: never taken, released, or not renewed in time. */
    public boolean free(Instant now) {
        return !expiresAt.isAfter(now);
    }

    @Override
    public String toString() {
        return (holder.isEmpty() ? "nobody" : holder) + " (epoch " + epoch + ", until " + expiresAt + ")";
    }
}
