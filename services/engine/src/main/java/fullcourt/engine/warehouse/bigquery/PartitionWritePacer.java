package fullcourt.engine.warehouse.bigquery;

import fullcourt.engine.processor.Cancellation;
import fullcourt.engine.processor.RetryableFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Spaces the partition writes of this process per table: at most {@code writes} started per {@code window}.
 * BigQuery allows 50 modifications per 10 seconds per partitioned table (a query job writing one partition counts
 * one; https://cloud.google.com/bigquery/quotas, "Partitioned tables"), and a fast processor with many dates in flight
 * would exceed it, each excess write failing with {@code rateLimitExceeded} and retried. A table is written by one
 * processor, so by the instances of one phase service: each instance keeps to its share of the limit
 * ({@code fullcourt.warehouse.bigquery.partition-writes-per-10s}, 12 by default for up to 4 instances).
 */
final class PartitionWritePacer {

    /** Waits; a test records instead of sleeping. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final int writes;
    private final Duration window;
    private final Clock clock;
    private final Sleeper sleeper;
    /** Per table, the start times granted within the last window (some may lie ahead: reserved, being waited for). */
    private final Map<String, Deque<Instant>> granted = new HashMap<>();

    PartitionWritePacer(int writes, Duration window, Clock clock, Sleeper sleeper) {
        if (writes < 1) {
            throw new IllegalArgumentException("partition writes per window must be at least 1, got " + writes);
        }
        this.writes = writes;
        this.window = window;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    static PartitionWritePacer perTenSeconds(int writes) {
        return new PartitionWritePacer(writes, Duration.ofSeconds(10), Clock.systemUTC(), d -> Thread.sleep(d.toMillis()));
    }

    /** Reserves the next start time for a write of {@code table} and returns how long to wait for it. */
    synchronized Duration reserve(String table) {
        Instant now = clock.instant();
        Deque<Instant> starts = granted.computeIfAbsent(table, t -> new ArrayDeque<>());
        while (!starts.isEmpty() && !starts.peekFirst().isAfter(now.minus(window))) {
            starts.pollFirst();
        }
        Instant slot = now;
        if (starts.size() >= writes) {
            // the write that would be the writes-th before this one frees the slot one window after its start
            Instant[] ordered = starts.toArray(Instant[]::new);
            Instant freed = ordered[ordered.length - writes].plus(window);
            slot = freed.isAfter(now) ? freed : now;
        }
        starts.addLast(slot);
        return Duration.between(now, slot);
    }

    /** Waits for this write's turn; a cancelled task stops waiting. */
    void await(String table, Cancellation cancellation) {
        Duration wait = reserve(table);
        if (wait.isZero()) {
            return;
        }
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryableFailure("interrupted while pacing the writes of " + table, e);
        }
        cancellation.check();
    }
}
