package fullcourt.engine.catalog;

import fullcourt.engine.warehouse.Warehouse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The season calendar each run's tasks decide their skips by, read from the schedule once per run in this worker (at
 * its first task here) instead of once per task: a run sees the schedule as it was when it began here. A schedule
 * changed during a run (a raw load) starts a run of its own ({@code raw-updates}), whose tasks read it again, and the
 * lineage of a partition skipped on a date that has since gained games makes it stale. Keeps the last few runs.
 */
public final class RunCalendars {

    /** Runs kept: a worker serves a handful at once. */
    static final int RUNS = 16;

    private final Warehouse warehouse;
    private final Map<String, SeasonCalendar> byRun = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SeasonCalendar> eldest) {
            return size() > RUNS;
        }
    };

    public RunCalendars(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** The calendar of {@code runId}, read at its first task here; a run whose schedule was empty reads again. */
    public SeasonCalendar of(String runId) {
        synchronized (byRun) {
            SeasonCalendar known = byRun.get(runId);
            if (known != null) {
                return known;
            }
        }
        SeasonCalendar read = SeasonCalendar.load(warehouse);
        if (!read.seasons().isEmpty()) {
            synchronized (byRun) {
                return byRun.computeIfAbsent(runId, r -> read);
            }
        }
        return read;
    }
}
