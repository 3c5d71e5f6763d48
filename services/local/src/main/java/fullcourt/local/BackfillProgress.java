package fullcourt.local;

import fullcourt.coordinator.TaskStatus;
import fullcourt.coordinator.dispatch.RunState;
import fullcourt.coordinator.dispatch.TaskRecord;
import fullcourt.engine.catalog.Catalog;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Live progress of a run, per phase: tasks finished of planned, rate over the run so far, ETA,
 * retries and dead tasks. Rendered from the coordinator's state, so it is what the ledger says.
 */
final class BackfillProgress {

    /** One phase's counts. */
    record Phase(int total, int finished, int running, int retries, int dead, int blocked) {
    }

    private final Catalog catalog;

    BackfillProgress(Catalog catalog) {
        this.catalog = catalog;
    }

    Map<Integer, Phase> phases(RunState run) {
        Map<Integer, int[]> counts = new TreeMap<>();
        for (TaskRecord t : run.tasks()) {
            int[] c = counts.computeIfAbsent(catalog.get(t.key().processor()).phase(), p -> new int[6]);
            c[0]++;
            c[1] += t.status().terminal() ? 1 : 0;
            c[2] += t.status().inFlight() ? 1 : 0;
            c[3] += Math.max(0, t.attempts() - 1);
            c[4] += t.status() == TaskStatus.DEAD ? 1 : 0;
            c[5] += t.status() == TaskStatus.BLOCKED ? 1 : 0;
        }
        Map<Integer, Phase> out = new TreeMap<>();
        counts.forEach((p, c) -> out.put(p, new Phase(c[0], c[1], c[2], c[3], c[4], c[5])));
        return out;
    }

    /** One line per phase, e.g. {@code phase 3  2,310/4,770  48%  24.1 tasks/s  ETA 1m42s  retries 0  dead 0}. */
    String render(RunState run, Duration elapsed) {
        StringBuilder out = new StringBuilder();
        double seconds = Math.max(1, elapsed.toMillis() / 1000.0);
        phases(run).forEach((phase, p) -> {
            double rate = p.finished() / seconds;
            String eta = p.finished() == p.total() ? "done"
                    : rate <= 0 ? "ETA -" : "ETA " + human(Duration.ofSeconds(Math.round((p.total() - p.finished()) / rate)));
            out.append(String.format("  phase %d  %,6d/%,6d %4.0f%%  %6.1f tasks/s  %-12s running %2d  retries %d  dead %d%s%n",
                    phase, p.finished(), p.total(), 100.0 * p.finished() / Math.max(1, p.total()), rate, eta,
                    p.running(), p.retries(), p.dead(), p.blocked() > 0 ? "  blocked " + p.blocked() : ""));
        });
        return out.toString();
    }

    static String human(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, s % 3600 / 60)
                : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
