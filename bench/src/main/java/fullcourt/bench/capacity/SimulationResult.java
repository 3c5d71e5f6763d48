package fullcourt.bench.capacity;

import fullcourt.coordinator.TaskKey;
import java.util.List;
import java.util.Map;

/**
 * What one simulated run gave: its makespan, the work it did, the most tasks in flight at once,
 * and, per task, the virtual start and end (for checks and the lower bound).
 */
public record SimulationResult(
        long makespanMillis,
        int tasks,
        long totalWorkMillis,
        int peakInFlight,
        Map<TaskKey, Long> startMillis,
        Map<TaskKey, Long> endMillis,
        Map<TaskKey, List<TaskKey>> upstreams) {

    public double makespanHours() {
        return makespanMillis / 3_600_000.0;
    }
}
