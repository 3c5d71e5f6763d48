package fullcourt.coordinator.freshness;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Gathers items into bursts: the pending burst is due once no item came for the quiet period, or
 * once its first item has waited the max delay, so that a steady trickle is not put off forever.
 * Pure: the caller says what time it is.
 */
public final class BurstCoalescer<T> {

    private final Duration quietPeriod;
    private final Duration maxDelay;
    private final List<T> pending = new ArrayList<>();
    private Instant first;
    private Instant last;

    public BurstCoalescer(Duration quietPeriod, Duration maxDelay) {
        if (quietPeriod.isNegative() || quietPeriod.isZero()) {
            throw new IllegalArgumentException("quiet period must be positive, got " + quietPeriod);
        }
        if (maxDelay.compareTo(quietPeriod) < 0) {
            throw new IllegalArgumentException("max delay (" + maxDelay + ") must be at least the quiet period ("
                    + quietPeriod + ")");
        }
        this.quietPeriod = quietPeriod;
        this.maxDelay = maxDelay;
    }

    /** Adds an item that arrived at {@code now}; it restarts the quiet period. */
    public void add(T item, Instant now) {
        if (pending.isEmpty()) {
            first = now;
        }
        pending.add(item);
        last = now;
    }

    /** Items waiting in the pending burst. */
    public int size() {
        return pending.size();
    }

    /** When the pending burst is due: the earlier of its quiet period's end and its max delay; empty when none. */
    public Optional<Instant> dueAt() {
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        Instant quiet = last.plus(quietPeriod);
        Instant capped = first.plus(maxDelay);
        return Optional.of(quiet.isBefore(capped) ? quiet : capped);
    }

    /** The pending burst if it is due at {@code now} (the next item starts a new one); otherwise nothing. */
    public List<T> takeIfDue(Instant now) {
        Optional<Instant> due = dueAt();
        if (due.isEmpty() || now.isBefore(due.get())) {
            return List.of();
        }
        return takeAll();
    }

    /** Every pending item, due or not (at shutdown). */
    public List<T> takeAll() {
        List<T> burst = List.copyOf(pending);
        pending.clear();
        first = null;
        last = null;
        return burst;
    }
}
