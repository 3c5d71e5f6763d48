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
    private final LatestWrites latestWrites;
    private volatile CachedCalendar calendar;

    /** Inputs of a worker that shares its warehouse with other lineage writers: upstream writes are read each time. */
    public LineageInputs(Clock clock) {
        this(clock, false);
    }

    /**
     * With {@code soleLineageWriter}, this process makes every lineage write to its warehouse (the all-in-one), so
     * the latest upstream writes are kept in memory ({@link LatestWrites}) instead of read before every write.
     */
    public LineageInputs(Clock clock, boolean soleLineageWriter) {
        this.clock = clock;
        this.rawFingerprints = new RawFingerprints(clock);
        this.latestWrites = soleLineageWriter ? new LatestWrites() : null;
    }

    /** The latest write of each partition of {@code processors} dated in [from, to]. */
    Map<PartitionKey, LatestWrite> latest(LineageStore store, java.util.Collection<String> processors,
                                          java.time.LocalDate from, java.time.LocalDate to) {
        return latestWrites == null ? store.latest(processors, from, to) : latestWrites.latest(store, processors, from, to);
    }

    /** Forgets what is kept of {@code processor}'s writes: they are read again when next needed. */
    void forget(String processor) {
        if (latestWrites != null) {
            latestWrites.forget(processor);
        }
    }

    /** A write this process committed: what its readers will find as that partition's latest. */
    void committed(LatestWrite write) {
        if (latestWrites != null) {
            latestWrites.committed(write);
        }
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
