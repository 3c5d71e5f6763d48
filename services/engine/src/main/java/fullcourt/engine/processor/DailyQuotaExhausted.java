package fullcourt.engine.processor;

import fullcourt.messages.Quota;

/**
 * A quota that refills only after a day (BigQuery's partition modifications or appends per table per day, a custom
 * QueryUsagePerDay): retrying for hours would only keep the task and its downstream waiting, so the task ends DEAD at
 * once with the quota named, to be replayed once it has refilled.
 */
public class DailyQuotaExhausted extends PermanentFailure {

    private final Quota quota;

    public DailyQuotaExhausted(String message, Quota quota, Throwable cause) {
        super(message, cause);
        this.quota = quota;
    }

    public Quota quota() {
        return quota;
    }
}
