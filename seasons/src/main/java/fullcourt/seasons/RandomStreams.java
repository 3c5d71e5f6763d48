package fullcourt.seasons;

import java.util.SplittableRandom;

/**
 * Independent seeded random streams, one per purpose and season, so a season's rows depend only
 * on the seed and the season, never on which other seasons are generated in the same run.
 */
public final class RandomStreams {

    private RandomStreams() {
    }

    public static SplittableRandom of(long seed, String purpose, int year) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        h = mix(h ^ purpose.hashCode());
        h = mix(h ^ year);
        return new SplittableRandom(h);
    }

    /** SplitMix64 finaliser. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
