package fullcourt.coordinator.plan;

import fullcourt.coordinator.TaskKey;
import fullcourt.coordinator.lineage.Staleness;
import java.util.function.Predicate;

/**
 * What a plan needs to know of the warehouse: which partitions exist, and which are stale. Plans
 * come from the data and its lineage ({@code DataStates}), never from the ledger alone.
 */
public interface PartitionStates {

    /** Whether (processor, date) holds its computed partition (rows, or a recorded skip). */
    boolean present(TaskKey key);

    /** Whether a reader may use (processor, date) as it is: nothing to compute there, or present. */
    boolean available(TaskKey key);

    /** The stale partitions with their reasons; computed on first use. */
    Staleness staleness();

    /** States known only as a predicate (tests, and callers without lineage): nothing is ever stale. */
    static PartitionStates of(Predicate<TaskKey> present) {
        return new PartitionStates() {
            @Override
            public boolean present(TaskKey key) {
                return present.test(key);
            }

            @Override
            public boolean available(TaskKey key) {
                return present.test(key);
            }

            @Override
            public Staleness staleness() {
                return Staleness.NONE;
            }
        };
    }
}
