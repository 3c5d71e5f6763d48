package fullcourt.engine.lineage;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fingerprints of each input's partitions (upstream processors' from their lineage, raw
 * tables' from their data), and the digest of any span of them: {@code n:sum}, where {@code n}
 * counts the span's partitions that have rows and {@code sum} adds (modulo 2^64) a 64-bit hash of
 * each one's date and fingerprint. A sum does not depend on order, a partition without rows adds
 * nothing (absent and skipped are alike), and one changed partition changes it. Prefix sums answer
 * a span in O(log n), so a staleness check over every span of every write stays linear; the worker
 * records and the coordinator compares digests made by this same code.
 */
public final class FingerprintIndex {

    private record Prefix(long count, long sum) {
    }

    private final Map<String, TreeMap<LocalDate, Prefix>> prefixes = new HashMap<>();

    /** An index over {@code fingerprints}: input -> (date -> fingerprint text). */
    public FingerprintIndex(Map<String, ? extends Map<LocalDate, String>> fingerprints) {
        fingerprints.forEach((input, byDate) -> {
            TreeMap<LocalDate, Prefix> p = new TreeMap<>();
            long count = 0;
            long sum = 0;
            for (Map.Entry<LocalDate, String> e : new TreeMap<>(byDate).entrySet()) {
                if (!Fingerprint.EMPTY.text().equals(e.getValue())) {
                    count++;
                    sum += hash(e.getKey(), e.getValue());
                    p.put(e.getKey(), new Prefix(count, sum));
                }
            }
            prefixes.put(input, p);
        });
    }

    /** The digest of {@code span} now. */
    public String digest(InputSpan span) {
        TreeMap<LocalDate, Prefix> p = prefixes.get(span.input());
        if (p == null) {
            return digest(0, 0);
        }
        Map.Entry<LocalDate, Prefix> upTo = p.floorEntry(span.last());
        Map.Entry<LocalDate, Prefix> before = p.lowerEntry(span.first());
        Prefix end = upTo == null ? new Prefix(0, 0) : upTo.getValue();
        Prefix start = before == null ? new Prefix(0, 0) : before.getValue();
        return digest(end.count() - start.count(), end.sum() - start.sum());
    }

    private static String digest(long count, long sum) {
        return count + ":" + Long.toHexString(sum);
    }

    /** FNV-1a over the text, then MurmurHash3's 64-bit finalizer to spread it. */
    static long hash(LocalDate date, String fingerprint) {
        long h = 0xcbf29ce484222325L;
        for (byte b : (date + "=" + fingerprint).getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb93fe62a94d5L;
        h ^= h >>> 33;
        return h;
    }
}
