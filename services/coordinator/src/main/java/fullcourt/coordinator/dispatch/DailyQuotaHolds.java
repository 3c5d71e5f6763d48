package fullcourt.coordinator.dispatch;

import fullcourt.coordinator.ledger.DailyQuotaRow;
import fullcourt.messages.Quota;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The daily quotas met and not refilled yet, folded from the ledger's DAILY_QUOTA rows (so a restarted coordinator
 * holds what it held): a table's quota holds back the tasks writing that table, a project's every task (and so does
 * the quota of a table no processor writes, such as a lineage table every task writes, as in {@link QuotaFeedback}).
 * A quota holds until its refill time when the error gave one; else until the run it was met in ends (BigQuery
 * replenishes its daily quotas gradually through the day, at no stated time: https://cloud.google.com/bigquery/quotas,
 * "Quota replenishment"), after which a task meeting it again holds its table anew.
 */
final class DailyQuotaHolds {

    /** A daily quota holding, met by {@code row.metBy()} in run {@code runId}. */
    record Hold(String runId, DailyQuotaRow row) {

        Quota quota() {
            return row.quota();
        }
    }

    /** Why a task of run {@code runId} held back by {@code row}'s quota ends DEAD unsent, and how to replay it. */
    static String heldReason(DailyQuotaRow row, String runId) {
        Quota q = row.quota();
        return "not sent: the " + q.describe() + " was met by " + row.metBy()
                + (q.refillsAt() != null ? "; it refills at " + q.refillsAt() + ", tasks that would meet it are held"
                + " until then" : "; its refill time is unknown, tasks that would meet it are held until the run"
                + " that met it ends") + "; replay it then: fullcourt replay " + runId;
    }

    /** The key of a project-wide quota's hold: no table is named so. */
    private static final String PROJECT = "";

    private final Set<String> outputTables;
    private final Map<String, Hold> byTable = new HashMap<>();

    /** @param outputTables the tables the catalog's processors write */
    DailyQuotaHolds(Set<String> outputTables) {
        this.outputTables = Set.copyOf(outputTables);
    }

    /** A DAILY_QUOTA row of run {@code runId} written at {@code at}: its quota holds, unless one already does. */
    void met(String runId, DailyQuotaRow row, Instant at) {
        Quota q = row.quota();
        String key = q.scope() == Quota.Scope.TABLE && outputTables.contains(q.table()) ? q.table() : PROJECT;
        Hold held = byTable.get(key);
        if (held == null || refilled(held, at)) {
            byTable.put(key, new Hold(runId, row));
        }
    }

    /** Run {@code runId} ended: the quotas met there without a refill time hold no more. */
    void runFinished(String runId) {
        byTable.values().removeIf(h -> h.runId().equals(runId) && h.quota().refillsAt() == null);
    }

    /** The hold on tasks writing {@code table} at {@code now}, a project-wide one first; refilled ones are dropped. */
    Optional<Hold> holding(String table, Instant now) {
        byTable.values().removeIf(h -> refilled(h, now));
        Hold project = byTable.get(PROJECT);
        return Optional.ofNullable(project != null ? project : byTable.get(table));
    }

    boolean isEmpty() {
        return byTable.isEmpty();
    }

    private static boolean refilled(Hold h, Instant now) {
        return h.quota().refillsAt() != null && !now.isBefore(h.quota().refillsAt());
    }
}
