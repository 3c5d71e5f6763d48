package fullcourt.engine.warehouse;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A wait added to every query a processor runs, to model a remote warehouse (BigQuery answers in
 * seconds) on a small machine: {@code off}, a fixed {@code 2s}, or {@code 1s..4s} drawn uniformly
 * for each query. Written in the ISO-8601-less Quarkus style: {@code 500ms}, {@code 2s}, {@code 1m}.
 */
public record SimulatedLatency(Duration min, Duration max) {

    public static final SimulatedLatency OFF = new SimulatedLatency(Duration.ZERO, Duration.ZERO);

    public SimulatedLatency {
        if (min.isNegative() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("latency range " + min + ".." + max + " must have 0 <= min <= max");
        }
    }

    public static SimulatedLatency parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("off") || t.equals("0") || t.isEmpty()) {
            return OFF;
        }
        try {
            int range = t.indexOf("..");
            return range < 0 ? new SimulatedLatency(duration(t), duration(t))
                    : new SimulatedLatency(duration(t.substring(0, range)), duration(t.substring(range + 2)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("fullcourt.warehouse.latency: expected 'off', a duration like '2s' or"
                    + " '500ms', or a range like '1s..4s', got '" + text + "'", e);
        }
    }

    private static Duration duration(String text) {
        String t = text.trim();
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        if (t.endsWith("s")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
        }
        if (t.endsWith("m")) {
            return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)) * 60);
        }
        throw new NumberFormatException("no unit (ms, s or m) in '" + t + "'");
    }

    public boolean isOff() {
        return max.isZero();
    }

    /** The wait before the next query. */
    public Duration next() {
        if (min.equals(max)) {
            return min;
        }
        return min.plusMillis(ThreadLocalRandom.current().nextLong(max.toMillis() - min.toMillis() + 1));
    }

    @Override
    public String toString() {
        return isOff() ? "off" : min.equals(max) ? min.toMillis() + "ms" : min.toMillis() + "ms.." + max.toMillis() + "ms";
    }
}
