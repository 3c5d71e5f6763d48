package fullcourt.coordinator.ledger;

/** Kinds of ledger rows. Task rows carry a task id; run rows do not. */
public enum LedgerEventType {
    RUN_ACCEPTED, PLANNED, DISPATCHED, STARTED, SUCCEEDED, SKIPPED, ATTEMPT_FAILED, DEAD, REPLAYED, REQUEUED,
    CANCEL_REQUESTED, RUN_FINISHED,
    /** A run's dispatching stopped by an operator (tasks in flight finish); RESUMED starts it again. */
    PAUSED, RESUMED,
    /**
     * A task met a daily quota, or (READY, never sent) would have: it ends DEAD without being sent. Its detail is a
     * {@link DailyQuotaRow}.
     */
    DAILY_QUOTA
}
