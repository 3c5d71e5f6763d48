package fullcourt.progress;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The lines of a run's live view: a heading, then one line per phase with a bar, finished of all,
 * the rate over the run so far, the ETA at that rate, tasks in flight, retries and dead tasks
 * (blocked and cancelled when there are any). A pure function of the snapshot.
 */
public final class LiveView {

    static final int BAR_WIDTH = 20;

    private LiveView() {
    }

    /**
     * E.g. {@code phase 3  [#########...........]  2,310/4,770  48%  24.1/s  ETA 1m42s  running 4  retries 0  dead 0}.
     */
    public static List<String> lines(RunSnapshot run) {
        List<String> lines = new ArrayList<>(run.phases().size() + 1);
        lines.add(run.runId() + "  " + run.state() + "  " + human(run.elapsed()));
        if (run.phases().isEmpty()) {
            lines.add("  no tasks");
        }
        double seconds = Math.max(1, run.elapsed().toMillis() / 1000.0);
        for (PhaseProgress p : run.phases()) {
            lines.add(line(p, seconds));
        }
        return lines;
    }

    private static String line(PhaseProgress p, double seconds) {
        // the tasks its plan skipped finished at once: counted in the rate, they would make the ETA a guess too short
        double rate = (p.finished() - p.skippedAsPlanned()) / seconds;
        int remaining = p.total() - p.finished();
        String eta = remaining <= 0 ? "done"
                : rate <= 0 ? "ETA -" : "ETA " + human(Duration.ofSeconds(Math.round(remaining / rate)));
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "  phase %d  %s  %,6d/%,-6d %3d%%  %s  %-12s running %3d  retries %d  dead %d",
                p.phase(), bar(p.finished(), p.total()), p.finished(), p.total(), percent(p.finished(), p.total()),
                rate(rate), eta, p.running(), p.retries(), p.dead()));
        if (p.blocked() > 0) {
            out.append("  blocked ").append(p.blocked());
        }
        if (p.cancelled() > 0) {
            out.append("  cancelled ").append(p.cancelled());
        }
        return out.toString();
    }

    /** Tasks per second, or per minute below one a second (slow processors, BigQuery): ten characters. */
    static String rate(double perSecond) {
        return perSecond >= 1 || perSecond == 0 ? String.format(Locale.ROOT, "%6.1f/s  ", perSecond)
                : String.format(Locale.ROOT, "%6.1f/min", perSecond * 60);
    }

    /** Rounded down, so 100% means every task finished. */
    private static int percent(int done, int total) {
        return total == 0 ? 100 : (int) (100L * done / total);
    }

    static String bar(int done, int total) {
        int filled = total == 0 ? BAR_WIDTH : (int) ((long) BAR_WIDTH * done / total);
        return "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "]";
    }

    /** 42s, 3m05s, 2h07m. */
    public static String human(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
