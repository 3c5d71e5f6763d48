package fullcourt.coordinator.metrics;

import fullcourt.coordinator.TaskStatus;
import fullcourt.coordinator.dispatch.RunState;
import fullcourt.coordinator.dispatch.Scheduler;
import fullcourt.coordinator.dispatch.TaskRecord;
import fullcourt.engine.catalog.Catalog;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The scheduler's state as counts: tasks of active runs by status and phase, tasks in flight and
 * their limit, runs by state, each processor's latest complete date. Taken on the coordinator's loop in one pass over
 * the runs' tasks.
 *
 * @param tasks per status, per phase: tasks of the runs not yet finished
 * @param inFlightLimit the global in-flight limit dispatch works under now (lowered by quota
 *             errors, see {@code AdaptiveLimit})
 * @param runs per state ({@code active}, {@code completed}, {@code completed_with_failures}, {@code cancelled}):
 *             every run this coordinator knows, from its ledger
 * @param latestComplete per processor, the latest date whose task SUCCEEDED or was SKIPPED in any run this
 *             coordinator knows: how fresh its table is (a processor with no such task is absent)
 * @param tableLimits per output table, its own in-flight limit now: lowered by its quota errors (see
 *             {@code TableLimits}), its ceiling otherwise
 */
public record SchedulerCounts(Map<TaskStatus, Map<Integer, Integer>> tasks, int inFlight, int inFlightLimit,
        Map<String, Integer> runs, Map<String, LocalDate> latestComplete, Map<String, Integer> tableLimits) {

    public static final SchedulerCounts EMPTY = new SchedulerCounts(Map.of(), 0, 0, Map.of(), Map.of(), Map.of());

    public static SchedulerCounts of(Scheduler scheduler, Catalog catalog) {
        Map<TaskStatus, Map<Integer, Integer>> tasks = new EnumMap<>(TaskStatus.class);
        Map<String, Integer> runs = new HashMap<>();
        Map<String, Integer> phases = new HashMap<>();
        Map<String, LocalDate> latest = new HashMap<>();
        for (RunState run : scheduler.runs()) {
            runs.merge(state(run), 1, Integer::sum);
            for (TaskRecord t : run.tasks()) {
                if (t.status() == TaskStatus.SUCCEEDED || t.status() == TaskStatus.SKIPPED) {
                    latest.merge(t.key().processor(), t.key().date(), (a, b) -> a.isAfter(b) ? a : b);
                }
                if (run.finished()) {
                    continue;
                }
                int phase = phases.computeIfAbsent(t.key().processor(), p -> catalog.get(p).phase());
                tasks.computeIfAbsent(t.status(), s -> new HashMap<>()).merge(phase, 1, Integer::sum);
            }
        }
        Map<String, Integer> tableLimits = new HashMap<>();
        for (String table : catalog.all().stream().map(p -> p.table()).distinct().toList()) {
            tableLimits.put(table, Math.min(scheduler.tableLimits().limit(table), scheduler.tableLimits().configured(table)));
        }
        return new SchedulerCounts(tasks, scheduler.inFlightCount(), scheduler.globalLimit(), runs, latest, tableLimits);
    }

    /** The state the status API shows for a finished run, in lower case; {@code active} before it finishes. */
    static String state(RunState run) {
        return run.finished() ? run.status().tag() : "active";
    }

    public int tasks(TaskStatus status, int phase) {
        return tasks.getOrDefault(status, Map.of()).getOrDefault(phase, 0);
    }

    /** The processor's latest complete date as seconds since the epoch (its start, UTC); NaN when it has none. */
    public double latestCompleteSeconds(String processor) {
        LocalDate date = latestComplete.get(processor);
        return date == null ? Double.NaN : date.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }

    /** The table's own in-flight limit now; NaN for a table the counts do not know (before the first reading). */
    public double tableLimit(String table) {
        Integer limit = tableLimits.get(table);
        return limit == null ? Double.NaN : limit;
    }

    public int runs(String state) {
        return runs.getOrDefault(state, 0);
    }
}
