package fullcourt.bench.capacity;

import fullcourt.coordinator.TaskKey;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one simulated run gave: its makespan, the work it did (task time at full speed, and slot time), the most
 * tasks in flight at once, the busiest table's dispatches and partition writes per 10 s, and, per task, the virtual
 * start and end (for checks and the lower bound), and each table's partition writes (when each landed) and the tasks
 * that wrote one.
 */
public record SimulationResult(
        long makespanMillis,
        int tasks,
        long totalWorkMillis,
        double slotMillis,
        int peakInFlight,
        BusiestTable dispatchesPer10s,
        BusiestTable writesPer10s,
        Map<TaskKey, Long> startMillis,
        Map<TaskKey, Long> endMillis,
        Map<TaskKey, List<TaskKey>> upstreams,
        Map<String, List<Long>> writeTimes,
        Set<TaskKey> written) {

    public double makespanHours() {
        return makespanMillis / 3_600_000.0;
    }

    /** Time tasks spent running over their time at full speed: 1 without slot contention. */
    public double stretch() {
        long ran = 0;
        for (Map.Entry<TaskKey, Long> e : endMillis.entrySet()) {
            ran += e.getValue() - startMillis.get(e.getKey());
        }
        return (double) ran / totalWorkMillis;
    }
}
