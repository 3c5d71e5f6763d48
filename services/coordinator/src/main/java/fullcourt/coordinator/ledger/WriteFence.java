package fullcourt.coordinator.ledger;

import java.util.Map;

/**
 * What makes a ledger write safe when another coordinator may have taken over: a check before writing and a
 * condition the write itself carries, so the warehouse refuses it atomically (see {@code lease.CoordinatorLease}); or,
 * for a write that carries no condition, the same condition confirmed in the warehouse right before it.
 */
public interface WriteFence {

    /** Throws (a {@code CoordinatorStopped}) when this coordinator may not write at all now. */
    void check();

    /** A SQL condition ({@code EXISTS (...)}) true while the write is allowed; parameters from {@link #parameters()}. */
    String condition();

    Map<String, Object> parameters();

    /**
     * Throws {@link #refused()} unless the warehouse shows the condition holding now: for writes that cannot carry
     * {@link #condition()} (BigQuery's Storage Write API), checked right before them.
     */
    void confirm();

    /** What to throw when the condition refused a write: another coordinator holds the ledger. */
    RuntimeException refused();
}
