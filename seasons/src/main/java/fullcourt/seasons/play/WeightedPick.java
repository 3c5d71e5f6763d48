package fullcourt.seasons.play;

import java.util.random.RandomGenerator;

/** Draws indices with probability proportional to fixed weights (cumulative sums, binary search). */
final class WeightedPick {

    private final double[] weights;
    private final double[] cumulative;
    private final double total;

    WeightedPick(double[] weights) {
        this.weights = weights;
        this.cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += Math.max(0, weights[i]);
            cumulative[i] = sum;
        }
        this.total = sum;
    }

    /** An index, or -1 when every weight is 0. */
    int next(RandomGenerator random) {
        if (total <= 0) {
            return -1;
        }
        double r = random.nextDouble() * total;
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > r) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** An index other than {@code excluded}, or -1 when no other has weight. */
    int nextExcept(RandomGenerator random, int excluded) {
        if (total - Math.max(0, weights[excluded]) <= 1e-9 * total) {
            return -1;
        }
        while (true) {
            int i = next(random);
            if (i != excluded) {
                return i;
            }
        }
    }
}
