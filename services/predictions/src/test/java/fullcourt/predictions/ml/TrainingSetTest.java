package fullcourt.predictions.ml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TrainingSetTest {

    /** The fingerprint as defined: SHA-256 of every value of x then y, big-endian, in one buffer. */
    private static String wholeBuffer(float[] x, float[] y) throws Exception {
        ByteBuffer buffer = ByteBuffer.allocate(4 * (x.length + y.length));
        buffer.asFloatBuffer().put(x).put(y);
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(buffer.array())).substring(0, 10);
    }

    private static float[] random(Random random, int n) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = random.nextFloat() * 40;
        }
        return values;
    }

    @Test
    void theFingerprintDigestedInChunksIsTheDigestOfAllValuesInOrder() throws Exception {
        Random random = new Random(7);
        // several chunks and a partial last one, a set smaller than a chunk, and nothing at all
        for (int rows : new int[] {25_003, 11, 0}) {
            float[] x = random(random, rows * FeatureVector.SIZE);
            float[] y = random(random, rows);

            assertThat(TrainingSet.fingerprint(x, y)).as("%d rows", rows).isEqualTo(wholeBuffer(x, y));
        }
    }

    @Test
    void theFingerprintChangesWithOneValueAndWithTheOrderOfValues() {
        float[] x = random(new Random(3), 40_000);
        float[] y = random(new Random(4), 2_000);
        String before = TrainingSet.fingerprint(x, y);
        float[] changed = x.clone();
        changed[39_999] += 1e-3f;
        float[] swapped = x.clone();
        swapped[0] = x[1];
        swapped[1] = x[0];

        assertThat(TrainingSet.fingerprint(changed, y)).isNotEqualTo(before);
        assertThat(TrainingSet.fingerprint(swapped, y)).isNotEqualTo(before);
    }
}
