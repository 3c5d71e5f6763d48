package fullcourt.coordinator.dispatch;

import fullcourt.coordinator.RunStatus;
import fullcourt.coordinator.TaskKey;
import fullcourt.coordinator.TaskStatus;
import fullcourt.engine.lineage.LineageRecorder;
import fullcourt.messages.BackfillRequest;
import fullcourt.messages.RunSummary;
import fullcourt.messages.BackfillRequest.Policy;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One run: its request, its tasks in plan order, the READY ones ordered earliest date first, and
 * what its policy needs: how many of its tasks are in flight, and how many are unfinished at each
 * dependency level.
 */
public final class RunState {

    final String runId;
    final BackfillRequest request;
    final Instant acceptedAt;
    final Map<TaskKey, TaskRecord> tasks = new LinkedHashMap<>();
    final TreeSet<TaskKey> ready;
    final Map<String, Integer> levels;
    final int[] unfinishedPerLevel;
    int inFlight;
    boolean cancelRequested;
    boolean paused;
    boolean finished;
    Instant finishedAt;

    RunState(String runId, BackfillRequest request, Instant acceptedAt, Comparator<TaskKey> order,
             Map<String, Integer> levels) {
        this.runId = runId;
        this.request = request;
        this.acceptedAt = acceptedAt;
        this.ready = new TreeSet<>(order);
        this.levels = Map.copyOf(levels);
        this.unfinishedPerLevel = new int[levels.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1];
    }

    public String runId() {
        return runId;
    }

    public BackfillRequest request() {
        return request;
    }

    public Policy policy() {
        return request.policy();
    }

    /** The task's dependency level within the run (see {@code Planner.levels}). */
    int level(TaskKey task) {
        return levels.get(task.processor());
    }

    /**
     * The lowest dependency level that still has an unfinished task: under phase-barrier only tasks
     * of this level may start, every level below it having finished. Past the last level when every
     * task is terminal.
     */
    int barrierLevel() {
        int level = 0;
        while (level < unfinishedPerLevel.length && unfinishedPerLevel[level] == 0) {
            level++;
        }
        return level;
    }

    public Instant acceptedAt() {
        return acceptedAt;
    }

    public boolean cancelRequested() {
        return cancelRequested;
    }

    /** Paused by an operator: none of its tasks is dispatched until it is resumed. */
    public boolean paused() {
        return paused;
    }

    public boolean finished() {
        return finished;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    /** Finished with a DEAD or BLOCKED task is not COMPLETED: it is COMPLETED_WITH_FAILURES until they are replayed. */
    public RunStatus status() {
        if (!finished) {
            return cancelRequested ? RunStatus.CANCELLING : paused ? RunStatus.PAUSED : RunStatus.RUNNING;
        }
        return outcome();
    }

    /** The status it ends with once every task is terminal: CANCELLED, COMPLETED_WITH_FAILURES or COMPLETED. */
    public RunStatus outcome() {
        if (cancelRequested) {
            return RunStatus.CANCELLED;
        }
        boolean failed = tasks.values().stream()
                .anyMatch(t -> t.status == TaskStatus.DEAD || t.status == TaskStatus.BLOCKED);
        return failed ? RunStatus.COMPLETED_WITH_FAILURES : RunStatus.COMPLETED;
    }

    /**
     * Tasks that SUCCEEDED and wrote 0 rows. A processor SKIPS the dates it has nothing to do for (no games,
     * bootstrap days) before it runs, so a task that succeeded was on a date where rows are expected: an empty
     * partition there is suspicious (an empty upstream, a filter gone wrong), not an outcome to count as done.
     */
    public List<TaskKey> zeroRowTasks() {
        return tasks.values().stream()
                .filter(t -> t.status == TaskStatus.SUCCEEDED && t.rows != null && t.rows == 0)
                .map(t -> t.key)
                .toList();
    }

    public Collection<TaskRecord> tasks() {
        return tasks.values();
    }

    public TaskRecord task(TaskKey key) {
        return tasks.get(key);
    }

    /** Every task terminal: the run can be reported finished. */
    public boolean allTerminal() {
        return tasks.values().stream().allMatch(t -> t.status.terminal());
    }

    /** Whether its tasks may end as "inputs unchanged" without computing: a stale run's may, a plain run recomputes. */
    public boolean allowsEarlyCutoff() {
        return request.mode() == BackfillRequest.Mode.STALE;
    }

    /**
     * Its task counts by outcome, what the cutoff saved, its duration until {@code now} and the daily quotas that ended
     * tasks DEAD: the COMPLETED event's summary.
     */
    public RunSummary summary(Instant now) {
        Map<TaskStatus, Integer> c = counts();
        return new RunSummary(tasks.size(), c.get(TaskStatus.SUCCEEDED), c.get(TaskStatus.SKIPPED),
                c.get(TaskStatus.DEAD), c.get(TaskStatus.BLOCKED), c.get(TaskStatus.CANCELLED),
                Duration.between(acceptedAt, now).toMillis(), unchanged(),
                DailyQuotaSummary.of(this).stream().map(DailyQuotaSummary::summary).toList());
    }

    /**
     * The run's SKIPPED tasks by reason, most frequent first, each date in a reason written {@code D} so that the
     * dates of one cause count together: {@code "no games on D" -> 12}, {@code "nothing to work from on D: no rows in
     * precompute.ml_feature_store_v2 (no player to predict)" -> 3}.
     */
    public Map<String, Integer> skipReasons() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        tasks.values().stream().filter(t -> t.status == TaskStatus.SKIPPED)
                .forEach(t -> counts.merge(t.skipReason == null ? "no reason given"
                        : t.skipReason.replaceAll("\\d{4}-\\d{2}-\\d{2}", "D"), 1, Integer::sum));
        Map<String, Integer> byCount = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> byCount.put(e.getKey(), e.getValue()));
        return byCount;
    }

    /** Tasks an early cutoff saved: SKIPPED because their inputs and version were unchanged (stale runs). */
    public int unchanged() {
        return (int) tasks.values().stream()
                .filter(t -> t.status == TaskStatus.SKIPPED && LineageRecorder.INPUTS_UNCHANGED.equals(t.skipReason))
                .count();
    }

    public Map<TaskStatus, Integer> counts() {
        Map<TaskStatus, Integer> counts = new EnumMap<>(TaskStatus.class);
        for (TaskStatus s : TaskStatus.values()) {
            counts.put(s, 0);
        }
        tasks.values().forEach(t -> counts.merge(t.status, 1, Integer::sum));
        return counts;
    }

    /** Per processor, tasks by status, processors in plan order. */
    public Map<String, Map<TaskStatus, Integer>> countsByProcessor() {
        Map<String, Map<TaskStatus, Integer>> out = new LinkedHashMap<>();
        for (TaskRecord t : tasks.values()) {
            out.computeIfAbsent(t.key.processor(), p -> {
                Map<TaskStatus, Integer> m = new EnumMap<>(TaskStatus.class);
                for (TaskStatus s : TaskStatus.values()) {
                    m.put(s, 0);
                }
                return m;
            }).merge(t.status, 1, Integer::sum);
        }
        return out;
    }
}
