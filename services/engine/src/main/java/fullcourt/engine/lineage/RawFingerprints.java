package fullcourt.engine.lineage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Raw tables' fingerprints as a worker records them, computed once per (run, table, date) and
 * reused by the run's other tasks for {@link #REUSE} at most: the processors of a date that read its
 * box scores hash them once, and a season-to-date window hashes only the dates no task of the run
 * hashed yet. Always computed before the data is read, so a raw change during the run can only make
 * a partition look stale (it recorded the older fingerprint and read newer rows), never fresh; the
 * run that change starts (another run id) computes them again.
 */
final class RawFingerprints {

    /** How long a computed date serves its run: a replay of that run days later computes again. */
    static final Duration REUSE = Duration.ofMinutes(5);
    /** Dates kept, across runs and tables: a few seasons of each raw table. */
    static final int CAPACITY = 20_000;

    private record Key(String runId, String table, LocalDate date) {
    }

    /** A date's fingerprint text, {@code null} when it has no rows. */
    private record Entry(String fingerprint, Instant at) {
    }

    private final Clock clock;
    private final Map<Key, Entry> computed = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
            return size() > CAPACITY;
        }
    };

    /** One lock per raw table: the task hashing a table's dates, while others wait for them. */
    private final Map<String, Object> tables = new java.util.concurrent.ConcurrentHashMap<>();

    RawFingerprints(Clock clock) {
        this.clock = clock;
    }

    /**
     * The fingerprint of each date of {@code span} that has rows, as text. Dates no task of the run hashed yet are
     * hashed by one task at a time per table: a task arriving meanwhile for the same dates waits and reuses them.
     */
    Map<LocalDate, String> of(PartitionFingerprints fingerprints, String runId, InputSpan span) {
        Map<LocalDate, String> out = new HashMap<>();
        if (runId != null && cached(runId, span, out)) {
            return out;
        }
        synchronized (tables.computeIfAbsent(span.input(), t -> new Object())) {
            out.clear();
            if (runId != null && cached(runId, span, out)) {
                return out;
            }
            return compute(fingerprints, runId, span, out);
        }
    }

    /** Fills {@code out} from what the run hashed; false when some are missing. */
    private boolean cached(String runId, InputSpan span, Map<LocalDate, String> out) {
        Instant now = clock.instant();
        synchronized (computed) {
            for (LocalDate d = span.first(); !d.isAfter(span.last()); d = d.plusDays(1)) {
                Entry e = computed.get(new Key(runId, span.input(), d));
                if (e == null || now.isAfter(e.at().plus(REUSE)) || now.isBefore(e.at())) {
                    return false;
                }
                if (e.fingerprint() != null) {
                    out.put(d, e.fingerprint());
                }
            }
        }
        return true;
    }

    /** Hashes the span's dates from the first one the run has not hashed (or hashed too long ago) to the last such. */
    private Map<LocalDate, String> compute(PartitionFingerprints fingerprints, String runId, InputSpan span,
                                           Map<LocalDate, String> out) {
        Instant now = clock.instant();
        LocalDate missingFrom = null;
        LocalDate missingTo = null;
        synchronized (computed) {
            for (LocalDate d = span.first(); !d.isAfter(span.last()); d = d.plusDays(1)) {
                Entry e = runId == null ? null : computed.get(new Key(runId, span.input(), d));
                if (e != null && !now.isAfter(e.at().plus(REUSE)) && !now.isBefore(e.at())) {
                    if (e.fingerprint() != null) {
                        out.put(d, e.fingerprint());
                    }
                } else {
                    missingFrom = missingFrom == null ? d : missingFrom;
                    missingTo = d;
                }
            }
        }
        if (missingFrom == null) {
            return out;
        }
        Map<LocalDate, String> read = new HashMap<>();
        fingerprints.of(span.input(), "game_date", missingFrom, missingTo).forEach((d, f) -> read.put(d, f.text()));
        // the dates read now are as read now, cached or not
        LocalDate from = missingFrom;
        LocalDate to = missingTo;
        out.keySet().removeIf(d -> !d.isBefore(from) && !d.isAfter(to));
        out.putAll(read);
        if (runId != null) {
            synchronized (computed) {
                for (LocalDate d = missingFrom; !d.isAfter(missingTo); d = d.plusDays(1)) {
                    computed.put(new Key(runId, span.input(), d), new Entry(read.get(d), now));
                }
            }
        }
        return out;
    }
}
