package fullcourt.engine.lineage;

import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.ProcessorDeclaration;
import fullcourt.engine.catalog.SeasonCalendar;
import fullcourt.engine.processor.Outcome;
import fullcourt.engine.processor.Processor;
import fullcourt.engine.processor.TaskContext;
import fullcourt.engine.warehouse.Column;
import fullcourt.engine.warehouse.Warehouse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wraps a processor so that every partition it computes records its lineage: before the write,
 * what it read (each input partition's fingerprint now) and its version; after, the partition's own
 * fingerprint. With {@link TaskContext#earlyCutoff()} it first compares: when the partition's
 * latest write is complete, by the same version, and read exactly the fingerprints it would read
 * now, the result would be the same partition, so it is SKIPPED as {@value #INPUTS_UNCHANGED}.
 * Dates without a partition to compute (no games, bootstrap) go straight to the processor.
 */
public final class LineageRecorder implements Processor {

    /** The skip reason of an early cutoff. */
    public static final String INPUTS_UNCHANGED = "inputs unchanged";

    private final Processor delegate;
    private final Catalog catalog;
    private final Clock clock;
    private final Map<String, List<Column>> columnCache = new ConcurrentHashMap<>();
    private volatile CachedCalendar calendar;

    /** The season calendar as read at {@code readAt}: schedules change rarely, and every task needs it. */
    private record CachedCalendar(SeasonCalendar calendar, java.time.Instant readAt) {
    }

    /**
     * How long a read calendar serves: a schedule correction shows within it (and, as raw.schedule is an input of
     * the processors reading it, makes their partitions stale anyway).
     */
    static final java.time.Duration CALENDAR_REUSE = java.time.Duration.ofSeconds(30);

    public LineageRecorder(Processor delegate, Catalog catalog, Clock clock) {
        this.delegate = delegate;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public String version(ProcessorDeclaration declaration) {
        return delegate.version(declaration);
    }

    /** The wrapped processor (fault injection and tests look through the recorder). */
    public Processor delegate() {
        return delegate;
    }

    @Override
    public Outcome process(TaskContext task) throws Exception {
        Warehouse warehouse = task.warehouse();
        ProcessorDeclaration declaration = task.declaration();
        SeasonCalendar calendar = calendar(warehouse);
        if (!WindowInputs.productive(declaration, task.date(), calendar)) {
            return delegate.process(task);
        }
        LineageStore store = new LineageStore(warehouse);
        String version = delegate.version(declaration);
        PartitionFingerprints fingerprints = new PartitionFingerprints(warehouse, columnCache);
        Map<InputKey, String> inputs = fingerprintsNow(fingerprints, store,
                WindowInputs.of(catalog, declaration, task.date(), calendar));
        if (task.earlyCutoff() && unchanged(store, declaration.name(), task.date(), version, inputs)) {
            return Outcome.skipped(INPUTS_UNCHANGED);
        }
        task.cancellation().check();
        String writeId = UUID.randomUUID().toString();
        store.begin(writeId, declaration.name(), task.date(), version, task.runId(), clock.instant(), inputs);
        Outcome outcome = delegate.process(task);
        if (outcome instanceof Outcome.Written) {
            Fingerprint written = fingerprints.of(declaration.table(),
                    declaration.partitionColumn(), task.date());
            store.written(writeId, declaration.name(), task.date(), version, task.runId(), written, clock.instant());
        } else if (outcome instanceof Outcome.Skipped s) {
            store.skipped(writeId, declaration.name(), task.date(), version, task.runId(), s.reason(), clock.instant());
        }
        return outcome;
    }

    private SeasonCalendar calendar(Warehouse warehouse) {
        CachedCalendar cached = calendar;
        java.time.Instant now = clock.instant();
        if (cached == null || cached.calendar().seasons().isEmpty()
                || now.isAfter(cached.readAt().plus(CALENDAR_REUSE)) || now.isBefore(cached.readAt())) {
            cached = new CachedCalendar(SeasonCalendar.load(warehouse), now);
            calendar = cached;
        }
        return cached.calendar();
    }

    private static boolean unchanged(LineageStore store, String processor, LocalDate date, String version,
                                     Map<InputKey, String> inputs) {
        LatestWrite latest = store.latest(List.of(processor), date, date).get(new PartitionKey(processor, date));
        return latest != null && latest.complete() && version.equals(latest.version())
                && store.inputsOf(latest.writeId()).equals(inputs);
    }

    /** The fingerprint of each input now: processors' from their lineage, raw tables' computed from the data. */
    static Map<InputKey, String> fingerprintsNow(PartitionFingerprints fingerprints, LineageStore store,
                                                 List<InputKey> inputs) {
        Map<InputKey, String> out = new LinkedHashMap<>();
        if (inputs.isEmpty()) {
            return out;
        }
        LocalDate from = inputs.get(0).date();
        LocalDate to = inputs.get(inputs.size() - 1).date();
        Set<String> processors = new TreeSet<>();
        Set<String> raw = new TreeSet<>();
        inputs.forEach(k -> (k.isRaw() ? raw : processors).add(k.input()));
        Map<PartitionKey, LatestWrite> latest = processors.isEmpty() ? Map.of() : store.latest(processors, from, to);
        Map<String, Map<LocalDate, Fingerprint>> rawNow = new HashMap<>();
        for (String table : raw) {
            rawNow.put(table, fingerprints.of(table, "game_date", from, to));
        }
        for (InputKey k : inputs) {
            if (k.isRaw()) {
                out.put(k, rawNow.get(k.input()).getOrDefault(k.date(), Fingerprint.EMPTY).text());
            } else {
                LatestWrite w = latest.get(new PartitionKey(k.input(), k.date()));
                out.put(k, w == null ? Fingerprint.EMPTY.text() : w.fingerprintForReaders());
            }
        }
        return out;
    }
}
