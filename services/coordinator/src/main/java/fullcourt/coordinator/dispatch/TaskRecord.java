package fullcourt.coordinator.dispatch;

import fullcourt.coordinator.TaskKey;
import fullcourt.coordinator.TaskStatus;
import fullcourt.messages.Quota;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The coordinator's view of one task of one run. Mutated only by {@link Scheduler}. */
public final class TaskRecord {

    final TaskKey key;
    final List<TaskKey> upstreams;
    final List<TaskKey> downstreams = new ArrayList<>();
    TaskStatus status = TaskStatus.PLANNED;
    int pendingUpstreams;
    int dispatch;
    int attempts;
    String lastError;
    String skipReason;
    /** Whether its plan ended it SKIPPED (nothing to compute on its date): it never ran. */
    boolean skippedAsPlanned;
    Instant dispatchedAt;
    Instant startedAt;
    Instant finishedAt;
    Long rows;
    Long durationMs;
    /** The daily quota it met (or was held back by) since its last replay; null when none. */
    Quota dailyQuota;

    TaskRecord(TaskKey key, List<TaskKey> upstreams) {
        this.key = key;
        this.upstreams = upstreams;
        this.pendingUpstreams = upstreams.size();
    }

    public TaskKey key() {
        return key;
    }

    public TaskStatus status() {
        return status;
    }

    public int dispatch() {
        return dispatch;
    }

    public int attempts() {
        return attempts;
    }

    public String lastError() {
        return lastError;
    }

    public String skipReason() {
        return skipReason;
    }

    /** Whether its plan ended it SKIPPED, so that it never ran (rates count only the tasks that ran). */
    public boolean skippedAsPlanned() {
        return skippedAsPlanned;
    }

    /** When its latest dispatch was sent; null before the first. */
    public Instant dispatchedAt() {
        return dispatchedAt;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public Long durationMs() {
        return durationMs;
    }

    public Long rows() {
        return rows;
    }

    /** The daily quota it met, or was held back by, since it was last replayed; null when none. */
    public Quota dailyQuota() {
        return dailyQuota;
    }

    public List<TaskKey> upstreams() {
        return List.copyOf(upstreams);
    }
}
