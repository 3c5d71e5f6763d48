package fullcourt.drills;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The coordinator's activity samples ({@code GET /activity}) followed over a run: tasks in flight against the
 * adaptive limit, the series the dashboard's in-flight chart draws. Each sample has the limit now and the lowest and
 * highest it was since the sample before, so a fall and recovery between two samples still counts.
 */
final class ActivitySeries {

    /** One sample of /activity. */
    record Point(String at, int inFlight, int limit, int limitLow, int limitHigh, int configured) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Point> points = new ArrayList<>();

    /** Adds the samples of one /activity answer (those after the latest already added). */
    void add(String body) throws IOException {
        for (JsonNode s : JSON.readTree(body).path("samples")) {
            points.add(new Point(s.path("at").asText(), s.path("inFlight").asInt(), s.path("limit").asInt(),
                    s.path("limitLow").asInt(), s.path("limitHigh").asInt(), s.path("configured").asInt()));
        }
    }

    /** The path to poll for what is new. */
    String nextPath() {
        return points.isEmpty() ? "/activity"
                : "/activity?after=" + URLEncoder.encode(points.get(points.size() - 1).at(), StandardCharsets.UTF_8);
    }

    List<Point> points() {
        return List.copyOf(points);
    }

    int lowest() {
        return points.stream().mapToInt(Point::limitLow).min().orElse(0);
    }

    int highest() {
        return points.stream().mapToInt(Point::limitHigh).max().orElse(0);
    }

    int mostInFlight() {
        return points.stream().mapToInt(Point::inFlight).max().orElse(0);
    }

    /** Samples in whose interval the limit fell: its lowest below the limit of the sample before. */
    int falls() {
        int n = 0;
        for (int i = 1; i < points.size(); i++) {
            n += points.get(i).limitLow() < points.get(i - 1).limit() ? 1 : 0;
        }
        return n;
    }

    /** Samples in whose interval the limit rose: it ends above the lowest it was there. */
    int rises() {
        return (int) points.stream().skip(1).filter(p -> p.limit() > p.limitLow()).count();
    }

    /** Whether the limit fell and then rose again: after its first fall, a sample with the limit above that low. */
    boolean roseAfterAFall() {
        for (int i = 1; i < points.size(); i++) {
            int low = points.get(i).limitLow();
            if (low < points.get(i - 1).limit()) {
                for (int j = i; j < points.size(); j++) {
                    if (points.get(j).limit() > low) {
                        return true;
                    }
                }
                return false;
            }
        }
        return false;
    }

    /**
     * Samples with more in flight than dispatch allows. Work is only sent while in flight is below the limit, so in
     * flight may stand above the limit only after a fall, and only with work sent before it: it never exceeds the
     * configured limit, and a sample never has more in flight than both the highest limit of its interval (when it
     * may have dispatched) and the sample before's in flight (what was in flight already).
     */
    List<String> overLimit() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            boolean over = p.inFlight() > p.configured()
                    || i > 0 && p.inFlight() > Math.max(p.limitHigh(), points.get(i - 1).inFlight());
            if (over) {
                out.add(p.at() + ": " + p.inFlight() + " in flight, limit " + p.limit() + " (highest " + p.limitHigh()
                        + ")" + (i > 0 ? ", " + points.get(i - 1).inFlight() + " in flight the sample before" : ""));
            }
        }
        return out;
    }

    /** The limit over the samples, "limit/in flight" each, for the report. */
    String render() {
        StringBuilder sb = new StringBuilder();
        for (Point p : points) {
            sb.append(sb.length() == 0 ? "" : " ").append(p.limitLow() < p.limit() ? "(" + p.limitLow() + ")" : "")
                    .append(p.limit()).append('/').append(p.inFlight());
        }
        return sb.toString();
    }
}
