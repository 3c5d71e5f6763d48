package fullcourt.coordinator.api;

import fullcourt.coordinator.TaskStatus;
import fullcourt.coordinator.dispatch.RunState;
import fullcourt.coordinator.dispatch.TaskRecord;
import fullcourt.engine.catalog.Catalog;
import fullcourt.progress.PhaseProgress;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A run's tasks counted per phase of the catalog, in phase order: what the live views draw. */
public final class RunPhases {

    private RunPhases() {
    }

    public static List<PhaseProgress> of(RunState run, Catalog catalog) {
        Map<Integer, int[]> counts = new TreeMap<>();
        for (TaskRecord t : run.tasks()) {
            int[] c = counts.computeIfAbsent(catalog.get(t.key().processor()).phase(), p -> new int[8]);
            c[0]++;
            c[1] += t.status().terminal() ? 1 : 0;
            c[2] += t.status().inFlight() ? 1 : 0;
            // every delivery after the first was a retry
            c[3] += Math.max(0, t.attempts() - 1);
            c[4] += t.status() == TaskStatus.DEAD ? 1 : 0;
            c[5] += t.status() == TaskStatus.BLOCKED ? 1 : 0;
            c[6] += t.status() == TaskStatus.CANCELLED ? 1 : 0;
            c[7] += t.skippedAsPlanned() ? 1 : 0;
        }
        return counts.entrySet().stream()
                .map(e -> {
                    int[] c = e.getValue();
                    return new PhaseProgress(e.getKey(), c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]);
                })
                .toList();
    }
}
