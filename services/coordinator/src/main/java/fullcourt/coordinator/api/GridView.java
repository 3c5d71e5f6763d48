package fullcourt.coordinator.api;

import fullcourt.coordinator.TaskStatus;
import fullcourt.coordinator.dispatch.RunState;
import fullcourt.coordinator.dispatch.TaskRecord;
import fullcourt.engine.catalog.Catalog;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A run's tasks as a dates x processors grid, compact enough to poll for ~1,500 dates x 19
 * processors: each processor's {@code cells} has one character per entry of {@code dates}, the
 * index of the task's status in {@code statuses} ('0'..'8'), or {@link #NO_TASK} where the
 * processor has no task on that date (outside its date domain, or not in the run's scope).
 */
public record GridView(String runId, List<TaskStatus> statuses, List<LocalDate> dates, List<Row> processors) {

    public static final char NO_TASK = '.';

    /** One processor's row: its phase and one state character per date. */
    public record Row(String processor, int phase, String cells) {
    }

    static GridView of(RunState run, Catalog catalog) {
        TreeSet<LocalDate> dateSet = new TreeSet<>();
        Map<String, char[]> cells = new HashMap<>();
        run.tasks().forEach(t -> dateSet.add(t.key().date()));
        List<LocalDate> dates = List.copyOf(dateSet);
        Map<LocalDate, Integer> column = new HashMap<>();
        for (int i = 0; i < dates.size(); i++) {
            column.put(dates.get(i), i);
        }
        for (TaskRecord t : run.tasks()) {
            char[] row = cells.computeIfAbsent(t.key().processor(), p -> {
                char[] empty = new char[dates.size()];
                Arrays.fill(empty, NO_TASK);
                return empty;
            });
            row[column.get(t.key().date())] = (char) ('0' + t.status().ordinal());
        }
        List<Row> rows = new ArrayList<>();
        pipelineOrder(cells.keySet(), catalog)
                .forEach(p -> rows.add(new Row(p, catalog.get(p).phase(), new String(cells.get(p)))));
        return new GridView(run.runId(), List.of(TaskStatus.values()), dates, rows);
    }

    /** Processors in phase order, then the catalog's order within a phase: the order the pipeline runs in. */
    static List<String> pipelineOrder(Collection<String> processors, Catalog catalog) {
        List<String> names = catalog.all().stream().map(d -> d.name()).toList();
        return processors.stream()
                .sorted(Comparator.comparingInt((String p) -> catalog.get(p).phase()).thenComparingInt(names::indexOf))
                .toList();
    }
}
