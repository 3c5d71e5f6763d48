package fullcourt.coordinator.dispatch;

import fullcourt.coordinator.TaskKey;
import fullcourt.engine.catalog.Catalog;
import fullcourt.messages.Quota;
import fullcourt.messages.TaskEvent;
import fullcourt.messages.TaskEventType;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Feeds task outcomes back into the in-flight limits, before dispatching more: a quota error lowers a limit, successes
 * raise it back. A table's quota lowers that table's limit only ({@link TableLimits}); a project's (or an older
 * sender's unscoped one, or one of a table no processor writes, such as a lineage table every task writes) lowers the
 * global {@link AdaptiveLimit}. A daily quota changes no limit: its task is DEAD, and fewer tasks in flight would not
 * refill the quota sooner.
 */
public final class QuotaFeedback {

    private static final Logger LOG = Logger.getLogger(QuotaFeedback.class);

    private final AdaptiveLimit global;
    private final Scheduler scheduler;
    private final Catalog catalog;

    public QuotaFeedback(AdaptiveLimit global, Scheduler scheduler, Catalog catalog) {
        this.global = global;
        this.scheduler = scheduler;
        this.catalog = catalog;
    }

    /** An accepted task event about {@code key}, at {@code now}. */
    public void taskEvent(TaskEvent e, TaskKey key, Instant now) {
        TableLimits tables = scheduler.tableLimits();
        if (e.type() == TaskEventType.SUCCEEDED) {
            String written = catalog.get(key.processor()).table();
            tables.onSuccess(written, now).ifPresent(c -> logTable(written, c, tables));
            global.onSuccess(now).ifPresent(this::setGlobal);
            return;
        }
        if (e.type() != TaskEventType.ATTEMPT_FAILED || !e.quotaError() || e.quota().daily()) {
            return;
        }
        Quota quota = e.quota();
        if (quota.scope() == Quota.Scope.TABLE && tables.knows(quota.table())) {
            tables.onQuotaError(quota.table(), now, key.taskId()).ifPresent(c -> logTable(quota.table(), c, tables));
        } else {
            global.onQuotaError(now, key.taskId()).ifPresent(this::setGlobal);
        }
    }

    private void setGlobal(AdaptiveLimit.Change c) {
        scheduler.setGlobalLimit(c.to());
        LOG.infof("In-flight limit %d -> %d (configured %d): %s", c.from(), c.to(), global.configured(), c.reason());
    }

    private static void logTable(String table, AdaptiveLimit.Change c, TableLimits tables) {
        LOG.infof("In-flight limit of table %s %d -> %d (configured %d): %s", table, c.from(), c.to(),
                tables.configured(table), c.reason());
    }
}
