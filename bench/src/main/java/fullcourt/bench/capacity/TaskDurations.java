package fullcourt.bench.capacity;

import fullcourt.coordinator.TaskKey;

/** How long a task takes in the simulation, and whether it skips (no games, bootstrap). */
public interface TaskDurations {

    /** Milliseconds of virtual time the task occupies a query slot. */
    long millis(TaskKey task);

    /** Whether the task ends SKIPPED rather than SUCCEEDED (its downstream may run either way). */
    default boolean skips(TaskKey task) {
        return false;
    }
}
