package fullcourt.coordinator.lineage;

import fullcourt.coordinator.lineage.LineageFacts.ChangedInput;
import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.ProcessorDeclaration;
import fullcourt.engine.catalog.RawInput;
import fullcourt.engine.lineage.FingerprintIndex;
import fullcourt.engine.lineage.InputKey;
import fullcourt.engine.lineage.InputSpan;
import fullcourt.engine.lineage.LatestWrite;
import fullcourt.engine.lineage.LineageStore;
import fullcourt.engine.lineage.PartitionFingerprints;
import fullcourt.engine.lineage.PartitionKey;
import fullcourt.engine.warehouse.ColumnValues;
import fullcourt.engine.warehouse.Warehouse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads {@link LineageFacts} from the warehouse in a fixed number of queries, whatever the number of
 * partitions: the latest writes; what those writes read (one row per input span, with its digest
 * then); the fingerprints of the raw tables' dates now (one query per raw table); and the dates each
 * output table has rows for. Digests now are made from these in Java by the code the workers record
 * them with ({@link FingerprintIndex}), prefix sums making each span one lookup. All SQL runs on both
 * engines.
 */
public final class LineageReader {

    /** Lineage covers every date: windows reach back across seasons. */
    static final LocalDate FIRST = LocalDate.of(1900, 1, 1);
    static final LocalDate LAST = LocalDate.of(2999, 12, 31);

    /** What the latest write of each partition read. */
    public static final String READS_OF_LATEST = LineageStore.latestCte()
            + " SELECT l.processor, l.game_date, l.write_id, r.input, r.first_date, r.last_date, r.digest"
            + " FROM latest AS l JOIN " + LineageStore.READS + " AS r ON r.write_id = l.write_id";

    private final Catalog catalog;
    private final Warehouse warehouse;

    public LineageReader(Catalog catalog, Warehouse warehouse) {
        this.catalog = catalog;
        this.warehouse = warehouse;
    }

    public LineageFacts read() {
        LineageStore store = LineageStore.create(warehouse);
        Map<PartitionKey, LatestWrite> latest = store.latest(List.of(), FIRST, LAST);
        Set<PartitionKey> withReads = new HashSet<>();
        Map<PartitionKey, List<ChangedInput>> changed = changedInputs(latest, withReads);
        return new LineageFacts(store.currentVersions(), latest, changed, present(), withReads);
    }

    /** The inputs of latest writes whose digest now differs from the one they recorded. */
    private Map<PartitionKey, List<ChangedInput>> changedInputs(Map<PartitionKey, LatestWrite> latest,
                                                                Set<PartitionKey> withReads) {
        Map<String, TreeMap<LocalDate, LatestWrite>> byProcessor = new HashMap<>();
        Map<String, Map<LocalDate, String>> now = new HashMap<>();
        latest.forEach((k, w) -> {
            byProcessor.computeIfAbsent(k.processor(), p -> new TreeMap<>()).put(k.date(), w);
            now.computeIfAbsent(k.processor(), p -> new HashMap<>()).put(k.date(), w.fingerprintForReaders());
        });
        PartitionFingerprints fingerprints = new PartitionFingerprints(warehouse);
        for (String table : rawTables()) {
            Map<LocalDate, String> byDate = new HashMap<>();
            fingerprints.of(table, "game_date", FIRST, LAST).forEach((d, f) -> byDate.put(d, f.text()));
            now.put(table, byDate);
        }
        FingerprintIndex index = new FingerprintIndex(now);
        Map<PartitionKey, List<ChangedInput>> out = new HashMap<>();
        for (Map<String, Object> r : warehouse.query(READS_OF_LATEST, Map.of("from", FIRST, "to", LAST))) {
            InputSpan span = LineageStore.span(r);
            withReads.add(new PartitionKey((String) r.get("processor"), ColumnValues.date(r.get("game_date"))));
            String read = (String) r.get("digest");
            String digestNow = index.digest(span);
            if (!read.equals(digestNow)) {
                PartitionKey key = new PartitionKey((String) r.get("processor"), ColumnValues.date(r.get("game_date")));
                out.computeIfAbsent(key, k -> new ArrayList<>()).add(changed(span, read, digestNow,
                        latest.get(key), byProcessor.getOrDefault(span.input(), new TreeMap<>())));
            }
        }
        out.values().forEach(list -> list.sort(Comparator.comparing((ChangedInput c) -> c.input().date())
                .thenComparing(c -> c.input().input())));
        return out;
    }

    /**
     * Names what changed as exactly as the lineage allows: a one-date span names its date; in a longer span of an
     * upstream, the first partition being rewritten, else the first one whose latest write began after the reading
     * write did; otherwise (a raw table's span) the span itself.
     */
    private static ChangedInput changed(InputSpan span, String read, String digestNow, LatestWrite reader,
                                        TreeMap<LocalDate, LatestWrite> upstream) {
        java.util.NavigableMap<LocalDate, LatestWrite> inSpan = upstream.subMap(span.first(), true, span.last(), true);
        java.util.Optional<LatestWrite> rewriting = inSpan.values().stream().filter(w -> !w.complete()).findFirst();
        if (rewriting.isPresent()) {
            return new ChangedInput(new InputKey(span.input(), rewriting.get().date()), null, read, digestNow, true);
        }
        if (span.isOneDate()) {
            return new ChangedInput(new InputKey(span.input(), span.first()), null, read, digestNow, false);
        }
        return inSpan.values().stream().filter(w -> w.begunAt().isAfter(reader.begunAt())).findFirst()
                .map(w -> new ChangedInput(new InputKey(span.input(), w.date()), null, read, digestNow, false))
                .orElse(new ChangedInput(new InputKey(span.input(), span.first()), span.last(), read, digestNow,
                        false));
    }

    private Set<String> rawTables() {
        Set<String> out = new TreeSet<>();
        for (ProcessorDeclaration d : catalog.all()) {
            d.rawInputs().stream().map(RawInput::table).forEach(out::add);
        }
        return out;
    }

    /** The partitions with rows, per output table (one DISTINCT query each). */
    private Set<PartitionKey> present() {
        Set<PartitionKey> out = new HashSet<>();
        for (ProcessorDeclaration d : catalog.all()) {
            if (!warehouse.tableExists(d.table())) {
                continue;
            }
            for (Map<String, Object> r : warehouse.query(datesPresent(d), Map.of())) {
                out.add(new PartitionKey(d.name(), ColumnValues.date(r.get("d"))));
            }
        }
        return out;
    }

    /** The dates an output table has rows for. */
    static String datesPresent(ProcessorDeclaration d) {
        return "SELECT DISTINCT " + d.partitionColumn() + " AS d FROM " + d.table();
    }
}
