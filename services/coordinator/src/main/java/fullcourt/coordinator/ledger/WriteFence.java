package fullcourt.coordinator.ledger;

import java.util.Map;

/**
 * What makes a ledger write safe when another coordinator may have taken over: a check before writing and a
 * condition the write itself carries, so the warehouse refuses it atomically (see {@code lease.CoordinatorLease}); or,
 * for a write that carries no condition, the same condition confirmed right before it.
 */
public interface WriteFence {

    /** Throws (a {@code CoordinatorStopped}) when this coordinator may not write at all now. */
    void check();

    /** A SQL condition ({@code EXISTS (...)}) true while the write is allowed; parameters from {@link #parameters()}. */
    String condition();

    Map<String, Object> parameters();

    /**
     * Throws {@link #refused()} unless the condition holds now: for writes that cannot carry {@link #condition()}
     * (BigQuery's Storage Write API), right before them. Asks the warehouse only when the holder's own last renewal
     * cannot vouch for it (see {@code lease.CoordinatorLease#confirm}).
     */
    void confirm();

    /** What to throw when the condition refused a write: another coordinator holds the ledger. */
    RuntimeException refused();
}
