package fullcourt.coordinator.api;

import fullcourt.coordinator.TaskKey;
import fullcourt.coordinator.lineage.StaleReason;
import fullcourt.coordinator.lineage.StaleReason.Kind;
import fullcourt.coordinator.lineage.Staleness;
import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.ProcessorDeclaration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;

/**
 * {@code GET /stale} as JSON: over {@code from..to} and the scope (processor, phase), how many
 * partitions were judged and how many are stale, per processor by kind, the most common reasons,
 * the stale partitions in dependency order (the first {@code limit}), and a dates x processors
 * {@code grid} for the dashboard. {@code calendarFirst}/{@code calendarLast} are the calendar's
 * first and last game dates (the defaults of from/to); from/to are null when there is no calendar.
 */
public record StaleView(LocalDate from, LocalDate to, String processor, Integer phase, LocalDate calendarFirst,
                        LocalDate calendarLast, int judged, int stale, Map<String, Map<Kind, Integer>> byProcessor,
                        List<Staleness.ReasonCount> reasons, int limit, List<PartitionView> partitions,
                        FreshnessGrid grid) {

    /** Reasons listed, most common first. */
    static final int REASONS = 10;

    /** A cell of the grid: no partition judged (not a game date, or a bootstrap day). */
    public static final char NOT_JUDGED = '.';
    /** A cell of the grid: judged and fresh. */
    public static final char FRESH = '-';

    /** One stale partition and why. */
    public record PartitionView(String processor, LocalDate date, Kind kind, String reason) {
    }

    /**
     * The cut as a grid: each processor's {@code cells} has one character per entry of {@code dates}:
     * {@link #NOT_JUDGED}, {@link #FRESH}, or a stale partition's kind as its index in {@code kinds} ('0'..'6').
     */
    public record FreshnessGrid(List<Kind> kinds, List<LocalDate> dates, List<GridView.Row> processors) {
    }

    static StaleView of(Staleness whole, StaleQuery query, Catalog catalog) {
        NavigableSet<LocalDate> calendar = whole.judgedDates();
        LocalDate first = calendar.isEmpty() ? null : calendar.first();
        LocalDate last = calendar.isEmpty() ? null : calendar.last();
        LocalDate from = query.from().orElse(first);
        LocalDate to = query.to().orElse(last);
        Staleness cut = from == null || to == null ? Staleness.NONE
                : whole.within(from, to, p -> query.inScope(catalog.get(p)));
        List<PartitionView> partitions = cut.all().entrySet().stream().limit(query.limit())
                .map(e -> new PartitionView(e.getKey().processor(), e.getKey().date(), e.getValue().kind(),
                        e.getValue().text()))
                .toList();
        return new StaleView(from, to, query.processor().orElse(null), query.phase().orElse(null), first, last,
                cut.judged(), cut.all().size(), cut.countsByProcessor(), cut.commonReasons(REASONS), query.limit(),
                partitions, grid(cut, query, catalog));
    }

    private static FreshnessGrid grid(Staleness cut, StaleQuery query, Catalog catalog) {
        List<LocalDate> dates = List.copyOf(cut.judgedDates());
        Map<LocalDate, Integer> column = new HashMap<>();
        for (int i = 0; i < dates.size(); i++) {
            column.put(dates.get(i), i);
        }
        List<String> scope = catalog.all().stream().filter(query::inScope).map(ProcessorDeclaration::name).toList();
        List<GridView.Row> rows = new ArrayList<>();
        for (String p : GridView.pipelineOrder(scope, catalog)) {
            char[] cells = new char[dates.size()];
            Arrays.fill(cells, NOT_JUDGED);
            for (int i = 0; i < dates.size(); i++) {
                TaskKey key = new TaskKey(p, dates.get(i));
                if (cut.isJudged(key)) {
                    cells[i] = cut.reason(key).map(r -> (char) ('0' + r.kind().ordinal())).orElse(FRESH);
                }
            }
            rows.add(new GridView.Row(p, catalog.get(p).phase(), new String(cells)));
        }
        return new FreshnessGrid(List.of(StaleReason.Kind.values()), dates, rows);
    }
}
