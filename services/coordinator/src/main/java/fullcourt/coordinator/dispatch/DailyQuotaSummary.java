package fullcourt.coordinator.dispatch;

import fullcourt.coordinator.TaskStatus;
import fullcourt.messages.Quota;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which daily quotas a run's DEAD tasks met or were held back by, each with its tasks counted, when it refills and how
 * to replay them then: for the run's status, its finished event and log line, the CLI and the dashboard. Read from
 * the tasks' state, which is folded from the ledger's DAILY_QUOTA rows, so a restarted coordinator says the same.
 *
 * @param scope     TABLE or PROJECT
 * @param table     the table of a table's quota; null for a project's
 * @param name      the quota as BigQuery names it (null when the sender did not say)
 * @param tasks     the run's DEAD tasks it ended
 * @param refillsAt when it refills, when known
 * @param summary   all of it in one line a person reads
 */
public record DailyQuotaSummary(Quota.Scope scope, String table, String name, int tasks, Instant refillsAt,
                                String summary) {

    /** What tells one quota from another: its refill time is not (tasks held at different times give different ones). */
    private record Key(Quota.Scope scope, String table, String name) {
    }

    /** The run's DEAD tasks' daily quotas, in plan order of their first task (a quota's refill time: the latest given). */
    public static List<DailyQuotaSummary> of(RunState run) {
        Map<Key, List<Quota>> byQuota = new LinkedHashMap<>();
        for (TaskRecord t : run.tasks()) {
            Quota q = t.dailyQuota();
            if (t.status() == TaskStatus.DEAD && q != null) {
                byQuota.computeIfAbsent(new Key(q.scope(), q.table(), q.name()), k -> new ArrayList<>()).add(q);
            }
        }
        List<DailyQuotaSummary> out = new ArrayList<>();
        byQuota.values().forEach(quotas -> {
            Quota q = quotas.get(0);
            Instant refill = quotas.stream().map(Quota::refillsAt).filter(Objects::nonNull)
                    .max(Instant::compareTo).orElse(null);
            out.add(new DailyQuotaSummary(q.scope(), q.table(), q.name(), quotas.size(), refill,
                    line(q, quotas.size(), refill, run.runId())));
        });
        return out;
    }

    /** "3 tasks DEAD on a daily quota: NAME (table T) — refills at R; replay them then with `fullcourt replay RUN`". */
    private static String line(Quota q, int tasks, Instant refill, String runId) {
        String what = q.name() == null || q.name().isBlank() ? "unnamed" : q.name();
        return tasks + (tasks == 1 ? " task" : " tasks") + " DEAD on a daily quota: " + what
                + (q.scope() == Quota.Scope.TABLE ? " (table " + q.table() + ")" : " (project-wide)")
                + (refill != null ? " — refills at " + refill + "; replay " + (tasks == 1 ? "it" : "them")
                + " then with `fullcourt replay " + runId + "`"
                : " — no refill time given (BigQuery refills daily quotas gradually through the day); replay "
                + (tasks == 1 ? "it" : "them") + " later with `fullcourt replay " + runId + "`");
    }
}
