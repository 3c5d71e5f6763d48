package fullcourt.cli;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import fullcourt.progress.PhaseProgress;
import fullcourt.progress.RunSnapshot;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A run as the coordinator's status API describes it; fields the CLI does not show are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunStatus(
        String runId,
        String state,
        String policy,
        String acceptedAt,
        String finishedAt,
        Map<String, Integer> totals,
        List<ProcessorCounts> processors,
        Progress progress,
        List<DeadTask> dead,
        InFlight inFlight,
        List<PhaseProgress> phases,
        long elapsedMillis,
        int zeroRows,
        List<String> zeroRowTasks,
        Map<String, Integer> skipReasons,
        List<DailyQuota> dailyQuotas) {

    public RunStatus {
        totals = totals == null ? Map.of() : totals;
        processors = processors == null ? List.of() : processors;
        progress = progress == null ? new Progress(0, 0, 0, null) : progress;
        dead = dead == null ? List.of() : dead;
        phases = phases == null ? List.of() : phases;
        zeroRowTasks = zeroRowTasks == null ? List.of() : zeroRowTasks;
        skipReasons = skipReasons == null ? Map.of() : skipReasons;
        dailyQuotas = dailyQuotas == null ? List.of() : dailyQuotas;
    }

    /** A run that has stopped for good (COMPLETED, COMPLETED_WITH_FAILURES, CANCELLED): no rate or ETA to show. */
    boolean finished() {
        return "COMPLETED".equals(state) || "COMPLETED_WITH_FAILURES".equals(state) || "CANCELLED".equals(state);
    }

    /** Tasks of the run in this status now (PLANNED, ..., DEAD, BLOCKED, CANCELLED). */
    int total(String status) {
        return totals.getOrDefault(status, 0);
    }

    /** What the live view draws of it. */
    RunSnapshot snapshot() {
        return new RunSnapshot(runId, state, Duration.ofMillis(elapsedMillis), phases);
    }

    /** Counts of one processor's tasks by status (PLANNED, READY, DISPATCHED, RUNNING, SUCCEEDED, ...). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProcessorCounts(String processor, Map<String, Integer> counts) {

        public ProcessorCounts {
            counts = counts == null ? Map.of() : counts;
        }

        int count(String... statuses) {
            int sum = 0;
            for (String status : statuses) {
                sum += counts.getOrDefault(status, 0);
            }
            return sum;
        }

        int total() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** Tasks finished of all, throughput over the run so far, and the ETA (null when unknown or finished). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Progress(int total, int finished, double tasksPerMinute, Long etaSeconds) {
    }

    /** Tasks in flight across all runs, the global limit now (lowered on quota errors) and as configured. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record InFlight(int tasks, int limit, int configured, long quotaErrors, List<TableInFlight> tables) {
    }

    /** An output table with quota errors of its own: its tasks in flight and its own limit (now, as configured). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TableInFlight(String table, int tasks, int limit, int configured, long quotaErrors) {
    }

    /**
     * A daily quota that ended tasks of the run DEAD (met, or held back unsent): its table (null: project-wide), name,
     * tasks, refill time when known, and the coordinator's line saying when to replay them.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DailyQuota(String scope, String table, String name, int tasks, String refillsAt, String summary) {
    }

    /** A task that exhausted its attempts, with its last error. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DeadTask(String taskId, int attempts, String error) {
    }
}
