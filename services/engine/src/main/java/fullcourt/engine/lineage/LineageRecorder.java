package fullcourt.engine.lineage;

import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.ProcessorDeclaration;
import fullcourt.engine.catalog.SeasonCalendar;
import fullcourt.engine.processor.Outcome;
import fullcourt.engine.processor.Processor;
import fullcourt.engine.processor.TaskContext;
import fullcourt.engine.warehouse.Warehouse;
import fullcourt.engine.warehouse.WriteBracket;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Wraps a processor so that every partition it computes records its lineage: what it read (a digest
 * of each input span's fingerprints now, {@link FingerprintIndex}) and its version before the write,
 * the partition's own fingerprint after it, brought along with the processor's own
 * {@code replacePartition} ({@link RecordingWarehouse}): on DuckDB in the write's transaction, so a
 * partition and its lineage commit together; on BigQuery appended through the Storage Write API right before and
 * after it, the fingerprint from one SELECT job behind the write (no DML: docs/lineage-on-bigquery.md). With
 * {@link TaskContext#earlyCutoff()} it first compares: when the partition's latest write is
 * complete, by the same version, and read exactly the fingerprints it would read now, the result
 * would be the same partition, so it is SKIPPED as {@value #INPUTS_UNCHANGED}.
 * Dates without a partition to compute (no games, bootstrap) go straight to the processor.
 */
public final class LineageRecorder implements Processor {

    /** The skip reason of an early cutoff. */
    public static final String INPUTS_UNCHANGED = "inputs unchanged";

    private final Processor delegate;
    private final Catalog catalog;
    private final Clock clock;
    private final LineageInputs inputs;

    /** A recorder with inputs of its own (tests); a worker shares one {@link LineageInputs} between its recorders. */
    public LineageRecorder(Processor delegate, Catalog catalog, Clock clock) {
        this(delegate, catalog, new LineageInputs(clock));
    }

    public LineageRecorder(Processor delegate, Catalog catalog, LineageInputs inputs) {
        this.delegate = delegate;
        this.catalog = catalog;
        this.clock = inputs.clock();
        this.inputs = inputs;
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
        // the calendar the task's skip check uses (its run's), so that both see the same game dates
        SeasonCalendar calendar = task.seasonCalendar();
        if (!declaration.dateDomain().productive(task.date(), calendar)) {
            Outcome outcome = delegate.process(task);
            if (outcome instanceof Outcome.Skipped) {
                clear(task, WriteBracket.NONE);
            }
            return outcome;
        }
        LineageStore store = new LineageStore(warehouse);
        String version = delegate.version(declaration);
        PartitionFingerprints fingerprints = new PartitionFingerprints(warehouse, inputs.columns());
        SeenInputs seen = seenNow(fingerprints, store, task.runId(),
                WindowInputs.of(catalog, declaration, task.date(), calendar));
        Map<InputSpan, String> reads = seen.reads();
        if (task.earlyCutoff() && unchanged(store, declaration.name(), task.date(), version, reads)) {
            return Outcome.skipped(INPUTS_UNCHANGED);
        }
        task.cancellation().check();
        String writeId = UUID.randomUUID().toString();
        String processor = declaration.name();
        // as the warehouse keeps it (microseconds), so that this write ranks the same in memory as when read back
        java.time.Instant begunAt = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        java.util.concurrent.atomic.AtomicReference<Map<String, Object>> writtenRow = new java.util.concurrent.atomic.AtomicReference<>();
        RecordingWarehouse recording = new RecordingWarehouse(warehouse, declaration.table(), task.date(),
                LineageStore.beginning(writeId, processor, task.date(), version, task.runId(), begunAt, reads),
                columns -> LineageStore.written(writeId, processor, task.date(), version, task.runId(), clock.instant(),
                        declaration.table(), declaration.partitionColumn(), columns, writtenRow::set),
                table -> inputs.columns().computeIfAbsent(table, warehouse::columns));
        Outcome outcome = delegate.process(task.on(recording).withInputs(seen));
        if (outcome instanceof Outcome.Written && !recording.wrote()) {
            throw new IllegalStateException(processor + " reported its partition of " + task.date() + " written"
                    + " without replacing it through the task's warehouse, so its lineage cannot be recorded: write it"
                    + " with Warehouse.replacePartition");
        }
        Map<String, Object> written = writtenRow.get();
        if (recording.wrote() && written != null) {
            // committed with the partition (DuckDB returned the row), or appended right behind it (BigQuery)
            inputs.committed(new LatestWrite(processor, task.date(), writeId, version, begunAt, task.runId(),
                    LatestWrite.Outcome.WRITTEN, ((Number) written.get("row_count")).longValue(),
                    (String) written.get("fingerprint"), null));
        } else if (recording.wrote()) {
            inputs.forget(processor); // the engine returned no written row: read them again
        }
        if (outcome instanceof Outcome.Skipped s) {
            clear(task, new WriteBracket(LineageStore.beginning(writeId, processor, task.date(), version, task.runId(),
                    begunAt, reads), () -> List.of(LineageStore.skipped(writeId, processor, task.date(), version,
                    task.runId(), s.reason(), clock.instant()))));
            inputs.committed(new LatestWrite(processor, task.date(), writeId, version, begunAt, task.runId(),
                    LatestWrite.Outcome.SKIPPED, 0, Fingerprint.EMPTY.text(), s.reason()));
        }
        return outcome;
    }

    /**
     * Empties the task's partition, with {@code bracket} (its lineage) around it: a skipped date holds no rows, as a
     * backfill from scratch would leave it, so that rows an earlier run wrote there (when the date still had work)
     * do not stay behind a lineage that says the partition is empty.
     */
    private static void clear(TaskContext task, WriteBracket bracket) {
        ProcessorDeclaration declaration = task.declaration();
        task.warehouse().clearPartition(declaration.table(), declaration.partitionColumn(), task.date(),
                task.cancellation(), bracket);
    }

    /**
     * The digest of each span now, with the fingerprints they were made of: upstreams' from the fingerprints their
     * latest writes recorded (one query for all of them), raw tables' computed from the data, once per run
     * ({@link RawFingerprints}).
     */
    SeenInputs seenNow(PartitionFingerprints fingerprints, LineageStore store, String runId,
                               List<InputSpan> spans) {
        Map<InputSpan, String> out = new TreeMap<>();
        Set<String> processors = new TreeSet<>();
        Map<String, Map<LocalDate, String>> now = new HashMap<>();
        if (spans.isEmpty()) {
            return new SeenInputs(out, now, processors, LocalDate.MAX, LocalDate.MIN, new FingerprintIndex(now));
        }
        LocalDate from = spans.get(0).first();
        LocalDate to = spans.get(0).last();
        for (InputSpan span : spans) {
            if (span.isRaw()) {
                now.computeIfAbsent(span.input(), t -> new HashMap<>())
                        .putAll(inputs.rawFingerprints().of(fingerprints, runId, span));
            } else {
                processors.add(span.input());
                from = span.first().isBefore(from) ? span.first() : from;
                to = span.last().isAfter(to) ? span.last() : to;
            }
        }
        if (!processors.isEmpty()) {
            inputs.latest(store, processors, from, to).forEach((k, w) -> now.computeIfAbsent(k.processor(), p -> new HashMap<>())
                    .put(k.date(), w.fingerprintForReaders()));
        }
        FingerprintIndex index = new FingerprintIndex(now);
        spans.forEach(span -> out.put(span, index.digest(span)));
        return new SeenInputs(out, now, processors, from, to, index);
    }

    private static boolean unchanged(LineageStore store, String processor, LocalDate date, String version,
                                     Map<InputSpan, String> reads) {
        LatestWrite latest = store.latest(List.of(processor), date, date).get(new PartitionKey(processor, date));
        return latest != null && latest.complete() && version.equals(latest.version())
                && store.readsOf(latest.writeId()).equals(reads);
    }
}
