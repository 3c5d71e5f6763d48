package fullcourt.engine.lineage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Raw tables' fingerprints as a worker records them, computed once per (run, table, span) and
 * reused by the run's other tasks for {@link #REUSE} at most: the five processors of a date that
 * read its box scores hash them once. Always computed before the data is read, so a raw change
 * during the run can only make a partition look stale (it recorded the older fingerprint and read
 * newer rows), never fresh; the run that change starts (another run id) computes them again.
 */
final class RawFingerprints {

    /** How long a computed span serves its run: a replay of that run days later computes again. */
    static final Duration REUSE = Duration.ofMinutes(5);
    /** Spans kept, across runs: a date's same-date spans and a season-to-date span per task of a busy minute. */
    static final int CAPACITY = 4096;

    private record Key(String runId, InputSpan span) {
    }

    private record Entry(Map<LocalDate, String> fingerprints, Instant at) {
    }

    private final Clock clock;
    private final Map<Key, Entry> computed = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
            return size() > CAPACITY;
        }
    };

    RawFingerprints(Clock clock) {
        this.clock = clock;
    }

    /** The fingerprint of each date of {@code span} that has rows, as text. */
    Map<LocalDate, String> of(PartitionFingerprints fingerprints, String runId, InputSpan span) {
        Key key = new Key(runId, span);
        Instant now = clock.instant();
        synchronized (computed) {
            Entry e = runId == null ? null : computed.get(key);
            if (e != null && !now.isAfter(e.at().plus(REUSE)) && !now.isBefore(e.at())) {
                return e.fingerprints();
            }
        }
        Map<LocalDate, String> out = new HashMap<>();
        fingerprints.of(span.input(), "game_date", span.first(), span.last()).forEach((d, f) -> out.put(d, f.text()));
        if (runId != null) {
            synchronized (computed) {
                computed.put(key, new Entry(Map.copyOf(out), now));
            }
        }
        return out;
    }
}
