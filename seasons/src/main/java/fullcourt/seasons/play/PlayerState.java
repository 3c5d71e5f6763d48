package fullcourt.seasons.play;

import java.util.random.RandomGenerator;

/**
 * A player's season so far: form (a log multiplier on usage and touch that drifts slowly, an AR(1)
 * with about 0.08 standard deviation and a half-life of ten games), injury status, and his last
 * ten games' points and minutes, which prop lines are set from.
 */
final class PlayerState {

    private static final int WINDOW = 10;

    double form;
    int gamesOut;
    String injury;
    private final double[] points = new double[WINDOW];
    private final double[] minutes = new double[WINDOW];
    private int games;

    PlayerState(RandomGenerator random) {
        form = 0.08 * random.nextGaussian();
    }

    void drift(RandomGenerator random) {
        form = 0.93 * form + 0.03 * random.nextGaussian();
    }

    void played(int pts, double mins) {
        points[games % WINDOW] = pts;
        minutes[games % WINDOW] = mins;
        games++;
    }

    int gamesPlayed() {
        return games;
    }

    double recentPoints() {
        return recent(points);
    }

    double recentMinutes() {
        return recent(minutes);
    }

    private double recent(double[] values) {
        int n = Math.min(games, WINDOW);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += values[i];
        }
        return n == 0 ? 0 : sum / n;
    }
}
