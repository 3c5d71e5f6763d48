package fullcourt.messages;

import java.time.Instant;

/**
 * Which quota a failed attempt hit, as the warehouse adapter understood it: whether it binds one table or the whole
 * project, and whether it refills soon (a rate per seconds or minutes) or only after a day. The coordinator lowers the
 * in-flight limit of that table or the global one; a daily quota ends the task DEAD instead of retrying it for hours.
 *
 * @param table the table the quota binds ({@code dataset.table}), for {@link Scope#TABLE}; null for a project quota
 * @param name what the quota is, in words a person recognises (BigQuery's message, shortened), for the dead task's
 *     reason and the run's summary
 * @param refillsAt when a daily quota is whole again, when the error (or the quota's documentation) says; null when
 *     unknown: BigQuery replenishes most daily quotas gradually through the day, at no stated time
 */
public record Quota(Scope scope, String table, boolean daily, String name, Instant refillsAt) {

    /** What the quota counts against. */
    public enum Scope {
        /** One table's quota (updates, partition modifications, appends per table): only that table slows down. */
        TABLE,
        /** A project-wide quota (concurrent queries, API requests, bytes per day): everything slows down. */
        PROJECT
    }

    public Quota {
        if (scope == null) {
            throw new IllegalArgumentException("a quota has a scope");
        }
        if (scope == Scope.TABLE && (table == null || table.isBlank())) {
            throw new IllegalArgumentException("a table quota names its table");
        }
        if (scope == Scope.PROJECT) {
            table = null;
        }
    }

    public static Quota table(String table, boolean daily, String name) {
        return new Quota(Scope.TABLE, table, daily, name, null);
    }

    public static Quota project(boolean daily, String name) {
        return new Quota(Scope.PROJECT, null, daily, name, null);
    }

    /** This quota, whole again at {@code at} (null: unknown). */
    public Quota refillingAt(Instant at) {
        return new Quota(scope, table, daily, name, at);
    }

    /** "daily table quota of analytics.x: <name>", for logs and reasons. */
    public String describe() {
        return (daily ? "daily " : "") + (scope == Scope.TABLE ? "table quota of " + table : "project quota")
                + (name == null || name.isBlank() ? "" : ": " + name);
    }
}
