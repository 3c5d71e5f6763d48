package fullcourt.engine.lineage;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The latest write of every partition of the processors a worker reads, kept in memory, for a process that makes
 * every lineage write to its warehouse (the all-in-one: DuckDB lets one process open its file): each processor's
 * writes are read once ({@link LineageStore#latest}), then every write this process commits is added as it commits
 * ({@link #committed}), so a window's upstream partitions are looked up here instead of read before every write
 * (bench/REPORT.md, section 5). Where other processes write lineage too (the phase services on BigQuery), a worker
 * has no such cache and reads them each time.
 */
final class LatestWrites {

    /** Wide enough for any game date: a processor's writes are read whole. */
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

    /** The later of two writes of a partition, as {@link LineageStore#latest} ranks them; an ended write over its begun-only self. */
    private static final Comparator<LatestWrite> ORDER = Comparator.comparing(LatestWrite::begunAt)
            .thenComparing(LatestWrite::writeId).thenComparing(LatestWrite::complete);

    private final Map<String, ConcurrentSkipListMap<LocalDate, LatestWrite>> byProcessor = new ConcurrentHashMap<>();
    private final Set<String> loaded = ConcurrentHashMap.newKeySet();

    /** The latest write of every partition of {@code processors} dated in [from, to], reading a processor's once. */
    Map<PartitionKey, LatestWrite> latest(LineageStore store, Collection<String> processors, LocalDate from,
                                          LocalDate to) {
        Map<PartitionKey, LatestWrite> out = new HashMap<>();
        for (String processor : processors) {
            load(store, processor);
            byProcessor.get(processor).subMap(from, true, to, true)
                    .forEach((date, write) -> out.put(new PartitionKey(processor, date), write));
        }
        return out;
    }

    private void load(LineageStore store, String processor) {
        if (loaded.contains(processor)) {
            return;
        }
        synchronized (partitions(processor)) {
            if (loaded.contains(processor)) {
                return;
            }
            store.latest(List.of(processor), EARLIEST, LATEST).values().forEach(this::committed);
            loaded.add(processor);
        }
    }

    private ConcurrentSkipListMap<LocalDate, LatestWrite> partitions(String processor) {
        return byProcessor.computeIfAbsent(processor, p -> new ConcurrentSkipListMap<>());
    }

    /** Reads {@code processor}'s writes again when next needed (a write whose row the engine did not return). */
    void forget(String processor) {
        loaded.remove(processor);
    }

    /** A write this process committed (or read): kept when it is the partition's latest. */
    void committed(LatestWrite write) {
        partitions(write.processor()).merge(write.date(), write, (a, b) -> ORDER.compare(a, b) >= 0 ? a : b);
    }
}
