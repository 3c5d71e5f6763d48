package fullcourt.bench.capacity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The table with the most events (dispatches, or partition writes) in any sliding window, and that count: what
 * BigQuery's 50 partition modifications per 10 s per table is checked against.
 */
public record BusiestTable(String table, int maxPerWindow) {

    public static final long TEN_SECONDS = 10_000;

    /** Over each table's event times (milliseconds, any order), the most that fall in one window (t - w, t]. */
    public static BusiestTable of(Map<String, List<Long>> timesByTable, long windowMillis) {
        BusiestTable busiest = new BusiestTable("", 0);
        for (Map.Entry<String, List<Long>> e : timesByTable.entrySet()) {
            List<Long> times = new ArrayList<>(e.getValue());
            times.sort(null);
            int first = 0;
            for (int last = 0; last < times.size(); last++) {
                while (times.get(first) <= times.get(last) - windowMillis) {
                    first++;
                }
                int count = last - first + 1;
                if (count > busiest.maxPerWindow()) {
                    busiest = new BusiestTable(e.getKey(), count);
                }
            }
        }
        return busiest;
    }
}
