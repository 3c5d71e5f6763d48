package fullcourt.engine.lineage;

import fullcourt.engine.catalog.SeasonCalendar;
import fullcourt.engine.warehouse.Column;
import fullcourt.engine.warehouse.Warehouse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every {@link LineageRecorder} of one worker process reads the same way, shared by all of them: the season
 * calendar (every task needs it, schedules change rarely), the tables' columns, and raw tables' fingerprints per run
 * and date ({@link RawFingerprints}), so that the processors of a date that read its box scores hash them once
 * between them rather than once each (bench/REPORT.md, section 5).
 */
public final class LineageInputs {

    /**
     * How long a read calendar serves: a schedule correction shows within it (and, as raw.schedule is an input of the
     * processors reading it, makes their partitions stale anyway).
     */
    static final Duration CALENDAR_REUSE = Duration.ofSeconds(30);

    /** The season calendar as read at {@code readAt}. */
    private record CachedCalendar(SeasonCalendar calendar, Instant readAt) {
    }

    private final Clock clock;
    private final Map<String, List<Column>> columns = new ConcurrentHashMap<>();
    private final RawFingerprints rawFingerprints;
    private volatile CachedCalendar calendar;

    public LineageInputs(Clock clock) {
        this.clock = clock;
        this.rawFingerprints = new RawFingerprints(clock);
    }

    Clock clock() {
        return clock;
    }

    /** Table -> columns, read once per table. */
    Map<String, List<Column>> columns() {
        return columns;
    }

    RawFingerprints rawFingerprints() {
        return rawFingerprints;
    }

    /** The season calendar, read again after {@link #CALENDAR_REUSE} (or while it has no season yet). */
    SeasonCalendar calendar(Warehouse warehouse) {
        CachedCalendar cached = calendar;
        Instant now = clock.instant();
        if (cached == null || cached.calendar().seasons().isEmpty()
                || now.isAfter(cached.readAt().plus(CALENDAR_REUSE)) || now.isBefore(cached.readAt())) {
            cached = new CachedCalendar(SeasonCalendar.load(warehouse), now);
            calendar = cached;
        }
        return cached.calendar();
    }
}
