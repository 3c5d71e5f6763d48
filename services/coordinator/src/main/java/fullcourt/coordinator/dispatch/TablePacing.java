package fullcourt.coordinator.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * At most {@code perWindow} dispatches per output table in any sliding {@code window}, counted across every run.
 * BigQuery allows 50 partition modifications per 10 s per partitioned table (https://cloud.google.com/bigquery/quotas,
 * "Partitioned tables"), and each task writes one partition of its processor's table. The coordinator is the one
 * place that sees every writer of a table whatever the number of worker instances (or revisions during a rollout),
 * so the budget is kept here; a table without room holds only its own tasks, never another table's.
 *
 * <p>A dispatch is counted at its DISPATCHED time, so a coordinator that rebuilds from the ledger keeps the budget
 * already spent. The write itself happens a query's duration later: see the README ("Partition writes per table")
 * for the headroom that leaves.
 */
public final class TablePacing {

    private final int perWindow;
    private final Duration window;
    /** Per table, the dispatch times within the last window, oldest first. */
    private final Map<String, Deque<Instant>> recent = new HashMap<>();

    public TablePacing(int perWindow, Duration window) {
        if (perWindow < 1) {
            throw new IllegalArgumentException("dispatches per table and window must be at least 1, got " + perWindow);
        }
        this.perWindow = perWindow;
        this.window = window;
    }

    /** No pacing: every table has room at any time (DuckDB, tests). */
    public static TablePacing none() {
        return new TablePacing(Integer.MAX_VALUE, Duration.ZERO);
    }

    /** {@code perTenSeconds} dispatches per table and 10 s, or {@link #none()} for 0. */
    public static TablePacing perTenSeconds(int perTenSeconds) {
        return perTenSeconds == 0 ? none() : new TablePacing(perTenSeconds, Duration.ofSeconds(10));
    }

    public boolean paces() {
        return perWindow != Integer.MAX_VALUE;
    }

    void record(String table, Instant at) {
        if (paces()) {
            Deque<Instant> times = recent.computeIfAbsent(table, t -> new ArrayDeque<>());
            forgetBefore(times, at);
            times.addLast(at);
        }
    }

    /** How many more dispatches of {@code table} may go out at {@code now}. */
    int room(String table, Instant now) {
        if (!paces()) {
            return Integer.MAX_VALUE;
        }
        Deque<Instant> times = recent.get(table);
        if (times == null) {
            return perWindow;
        }
        forgetBefore(times, now);
        return Math.max(0, perWindow - times.size());
    }

    /** The earliest instant after {@code now} at which a table that is full at {@code now} has room again. */
    Optional<Instant> nextRelease(Instant now) {
        Instant next = null;
        for (Deque<Instant> times : recent.values()) {
            forgetBefore(times, now);
            if (times.size() >= perWindow) {
                // room comes back when the (size - perWindow + 1)-th oldest dispatch leaves the window
                Instant freed = times.stream().skip(times.size() - perWindow).findFirst().orElseThrow().plus(window);
                if (next == null || freed.isBefore(next)) {
                    next = freed;
                }
            }
        }
        return Optional.ofNullable(next);
    }

    /** A dispatch at t counts in the windows (t', t' + window) that contain it: gone once now >= t + window. */
    private void forgetBefore(Deque<Instant> times, Instant now) {
        Instant edge = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(edge)) {
            times.pollFirst();
        }
    }
}
