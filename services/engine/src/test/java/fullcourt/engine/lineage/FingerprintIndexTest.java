package fullcourt.engine.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class FingerprintIndexTest {

    private static final LocalDate D = LocalDate.of(2022, 1, 3);

    private static String digest(Map<LocalDate, String> fingerprints, LocalDate first, LocalDate last) {
        return new FingerprintIndex(Map.of("points", fingerprints)).digest(new InputSpan("points", first, last));
    }

    @Test
    void aSpanDigestSeesEachPartitionOfItsDatesAndNothingOutsideThem() {
        Map<LocalDate, String> season = new HashMap<>();
        for (int i = 0; i < 10; i++) {
            season.put(D.plusDays(i), "3:" + (100 + i));
        }
        String span = digest(season, D.plusDays(2), D.plusDays(6));
        assertThat(span).startsWith("5:");

        Map<LocalDate, String> outside = new HashMap<>(season);
        outside.put(D.plusDays(1), "3:999");
        outside.put(D.plusDays(7), "3:999");
        assertThat(digest(outside, D.plusDays(2), D.plusDays(6))).isEqualTo(span);

        for (int i = 2; i <= 6; i++) {
            Map<LocalDate, String> changed = new HashMap<>(season);
            changed.put(D.plusDays(i), "3:" + (200 + i));
            assertThat(digest(changed, D.plusDays(2), D.plusDays(6))).as("day %d", i).isNotEqualTo(span);
        }
        Map<LocalDate, String> swapped = new HashMap<>(season);
        swapped.put(D.plusDays(2), season.get(D.plusDays(3)));
        swapped.put(D.plusDays(3), season.get(D.plusDays(2)));
        assertThat(digest(swapped, D.plusDays(2), D.plusDays(6))).as("the same fingerprints on other dates").isNotEqualTo(span);
    }

    @Test
    void anEmptyPartitionIsAnAbsentOneAndAnUnknownOneIsNeither() {
        Map<LocalDate, String> two = Map.of(D, "3:1", D.plusDays(2), "4:2");
        Map<LocalDate, String> withEmpty = new TreeMap<>(two);
        withEmpty.put(D.plusDays(1), Fingerprint.EMPTY.text());
        assertThat(digest(withEmpty, D, D.plusDays(2))).isEqualTo(digest(two, D, D.plusDays(2))).startsWith("2:");
        assertThat(digest(Map.of(), D, D.plusDays(2))).isEqualTo("0:0");

        Map<LocalDate, String> withUnknown = new TreeMap<>(two);
        withUnknown.put(D.plusDays(1), Fingerprint.UNKNOWN);
        assertThat(digest(withUnknown, D, D.plusDays(2))).isNotEqualTo(digest(two, D, D.plusDays(2)));
    }

    @Test
    void prefixSumsAgreeWithDigestingTheSpanAlone() {
        Random random = new Random(7);
        Map<LocalDate, String> season = new HashMap<>();
        for (int i = 0; i < 200; i++) {
            if (random.nextInt(4) > 0) {
                season.put(D.plusDays(i), random.nextInt(5) + ":" + random.nextLong());
            }
        }
        FingerprintIndex whole = new FingerprintIndex(Map.of("points", season));
        Set<String> digests = new HashSet<>();
        for (int k = 0; k < 300; k++) {
            LocalDate first = D.plusDays(random.nextInt(200));
            LocalDate last = first.plusDays(random.nextInt(60));
            Map<LocalDate, String> alone = new HashMap<>();
            season.forEach((d, f) -> {
                if (!d.isBefore(first) && !d.isAfter(last)) {
                    alone.put(d, f);
                }
            });
            InputSpan span = new InputSpan("points", first, last);
            String expected = new FingerprintIndex(Map.of("points", alone)).digest(span);
            assertThat(whole.digest(span)).as(span.toString()).isEqualTo(expected);
            digests.add(expected);
        }
        assertThat(digests).as("distinct spans, distinct digests").hasSizeGreaterThan(250);
    }
}
