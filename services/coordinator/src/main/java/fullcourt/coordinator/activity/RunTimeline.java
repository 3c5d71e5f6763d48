package fullcourt.coordinator.activity;

import fullcourt.coordinator.TaskStatus;
import fullcourt.coordinator.dispatch.RunState;
import fullcourt.coordinator.dispatch.TaskRecord;
import fullcourt.engine.catalog.Catalog;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A run over time: per date (or bucket of consecutive dates, so that a four-season run stays at most
 * {@code maxRows} rows) and phase, when its first task was dispatched and when its last one finished.
 * Per-date chaining shows as phase 5 spans of early rows running beside phase 3 spans of late rows.
 *
 * @param datesPerRow how many of the run's dates one row covers (the last row may cover fewer)
 * @param rows        earliest dates first
 */
public record RunTimeline(String runId, Instant acceptedAt, Instant finishedAt, Instant now, int datesPerRow,
                          List<Integer> phases, List<Row> rows) {

    /** The most rows a caller may ask for. */
    public static final int MAX_ROWS = 500;

    /** One bucket of dates: its first and last date and a span per phase with tasks there. */
    public record Row(LocalDate first, LocalDate last, List<Span> spans) {
    }

    /**
     * The tasks of one phase in one row.
     *
     * @param finished tasks ended (SUCCEEDED, SKIPPED, DEAD, BLOCKED or CANCELLED)
     * @param dead     of those, DEAD or BLOCKED
     * @param started  the earliest dispatch of the span's tasks; null while none was dispatched
     * @param ended    the latest end of its tasks once every one has ended; null until then
     */
    public record Span(int phase, int tasks, int finished, int dead, Instant started, Instant ended) {
    }

    public static RunTimeline of(RunState run, Catalog catalog, int maxRows, Instant now) {
        if (maxRows < 1 || maxRows > MAX_ROWS) {
            throw new IllegalArgumentException("rows must be 1 to " + MAX_ROWS + ", got " + maxRows);
        }
        TreeSet<LocalDate> dates = new TreeSet<>();
        TreeSet<Integer> phases = new TreeSet<>();
        run.tasks().forEach(t -> {
            dates.add(t.key().date());
            phases.add(catalog.get(t.key().processor()).phase());
        });
        int perRow = Math.max(1, (dates.size() + maxRows - 1) / maxRows);
        Map<LocalDate, Integer> rowOf = new HashMap<>();
        List<LocalDate[]> bounds = new ArrayList<>();
        int i = 0;
        for (LocalDate d : dates) {
            if (i % perRow == 0) {
                bounds.add(new LocalDate[] {d, d});
            }
            bounds.get(bounds.size() - 1)[1] = d;
            rowOf.put(d, i / perRow);
            i++;
        }
        List<Map<Integer, Acc>> acc = new ArrayList<>();
        bounds.forEach(b -> acc.add(new TreeMap<>()));
        for (TaskRecord t : run.tasks()) {
            int phase = catalog.get(t.key().processor()).phase();
            acc.get(rowOf.get(t.key().date())).computeIfAbsent(phase, p -> new Acc()).add(t);
        }
        List<Row> rows = new ArrayList<>(bounds.size());
        for (int r = 0; r < bounds.size(); r++) {
            List<Span> spans = new ArrayList<>();
            acc.get(r).forEach((phase, a) -> spans.add(a.span(phase)));
            rows.add(new Row(bounds.get(r)[0], bounds.get(r)[1], spans));
        }
        return new RunTimeline(run.runId(), run.acceptedAt(), run.finishedAt(), now, perRow, List.copyOf(phases), rows);
    }

    /** A span being summed up. */
    private static final class Acc {
        int tasks;
        int finished;
        int dead;
        Instant started;
        Instant ended;

        void add(TaskRecord t) {
            tasks++;
            Instant sent = t.dispatchedAt() != null ? t.dispatchedAt() : t.startedAt();
            if (sent != null && (started == null || sent.isBefore(started))) {
                started = sent;
            }
            if (t.status().terminal()) {
                finished++;
                if (t.finishedAt() != null && (ended == null || t.finishedAt().isAfter(ended))) {
                    ended = t.finishedAt();
                }
            }
            if (t.status() == TaskStatus.DEAD || t.status() == TaskStatus.BLOCKED) {
                dead++;
            }
        }

        Span span(int phase) {
            return new Span(phase, tasks, finished, dead, started, finished == tasks ? ended : null);
        }
    }
}
