package fullcourt.seasons.play;

/**
 * Shares a team's minutes among its players in quarter-minute units, so the doubles written to
 * raw.player_box_scores add up exactly to 240 (plus 25 per overtime) in any summation order.
 */
final class MinuteAllocator {

    static final int UNITS_PER_MINUTE = 4;

    private MinuteAllocator() {
    }

    /**
     * Units per player proportional to the weights, none above {@code cap}, every positive
     * weight at least one unit, summing to {@code total}.
     */
    static int[] allocate(double[] weights, int total, int cap) {
        int n = weights.length;
        double[] share = new double[n];
        boolean[] capped = new boolean[n];
        // water-filling: scale the uncapped players until nobody exceeds the cap
        for (int round = 0; round < n; round++) {
            double free = total;
            double weight = 0;
            for (int i = 0; i < n; i++) {
                if (capped[i]) {
                    free -= cap;
                } else {
                    weight += weights[i];
                }
            }
            boolean changed = false;
            for (int i = 0; i < n; i++) {
                share[i] = capped[i] ? cap : weight > 0 ? free * weights[i] / weight : 0;
                if (!capped[i] && share[i] > cap) {
                    capped[i] = true;
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
        }
        int[] units = new int[n];
        int assigned = 0;
        for (int i = 0; i < n; i++) {
            units[i] = (int) Math.floor(share[i]);
            if (weights[i] > 0 && units[i] == 0) {
                units[i] = 1;
            }
            assigned += units[i];
        }
        // largest remainders first, then take back from the largest if the minimums overshot
        while (assigned < total) {
            int best = -1;
            double bestRemainder = -1;
            for (int i = 0; i < n; i++) {
                double remainder = share[i] - units[i];
                if (weights[i] > 0 && units[i] < cap && remainder > bestRemainder) {
                    best = i;
                    bestRemainder = remainder;
                }
            }
            units[best]++;
            assigned++;
        }
        while (assigned > total) {
            int largest = 0;
            for (int i = 1; i < n; i++) {
                if (units[i] > units[largest]) {
                    largest = i;
                }
            }
            units[largest]--;
            assigned--;
        }
        return units;
    }
}
