package fullcourt.bench.capacity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The table with the most events (dispatches, or partition writes) in any sliding window, and that count: what
 * BigQuery's 50 partition modifications per 10 s per table is checked against.
 */
public record BusiestTable(String table, int maxPerWindow) {

    public static final long TEN_SECONDS = 10_000;
    public static final long ONE_DAY = 86_400_000;

    /** Over each table's event times (milliseconds, any order), the most that fall in one window (t - w, t]. */
    public static BusiestTable of(Map<String, List<Long>> timesByTable, long windowMillis) {
        BusiestTable busiest = new BusiestTable("", 0);
        for (Map.Entry<String, Integer> e : perTable(timesByTable, windowMillis).entrySet()) {
            if (e.getValue() > busiest.maxPerWindow()) {
                busiest = new BusiestTable(e.getKey(), e.getValue());
            }
        }
        return busiest;
    }

    /** Per table (by name), the most of its events that fall in one window (t - w, t]. */
    public static Map<String, Integer> perTable(Map<String, List<Long>> timesByTable, long windowMillis) {
        Map<String, Integer> most = new TreeMap<>();
        timesByTable.forEach((table, times) -> most.put(table, maxInWindow(times, windowMillis)));
        return most;
    }

    /** The most of {@code times} (milliseconds, any order) that fall in one window (t - w, t]. */
    public static int maxInWindow(List<Long> times, long windowMillis) {
        List<Long> sorted = new ArrayList<>(times);
        sorted.sort(null);
        int most = 0;
        int first = 0;
        for (int last = 0; last < sorted.size(); last++) {
            while (sorted.get(first) <= sorted.get(last) - windowMillis) {
                first++;
            }
            most = Math.max(most, last - first + 1);
        }
        return most;
    }
}
