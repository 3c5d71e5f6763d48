package fullcourt.engine.lineage;

import fullcourt.engine.warehouse.Column;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every {@link LineageRecorder} of one worker process reads the same way, shared by all of them: the tables'
 * columns, and raw tables' fingerprints per run and date ({@link RawFingerprints}), so that the processors of a date
 * that read its box scores hash them once between them rather than once each (bench/REPORT.md, section 5). The
 * season calendar is the task's run's ({@link fullcourt.engine.processor.TaskContext#seasonCalendar()}).
 */
public final class LineageInputs {

    private final Clock clock;
    private final Map<String, List<Column>> columns = new ConcurrentHashMap<>();
    private final RawFingerprints rawFingerprints;
    private final LatestWrites latestWrites;

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
}
