package fullcourt.bench.pipeline;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Counts and totals of the application's timers and distribution summaries at one moment, so that
 * what a run added is the difference of two snapshots (the registry also holds what ran before).
 */
record MeterSnapshot(Map<String, Totals> meters) {

    /** A meter's count and total (nanoseconds for a timer, the recorded amounts for a summary). */
    record Totals(long count, double total) {

        double mean() {
            return count == 0 ? 0 : total / count;
        }
    }

    static MeterSnapshot of(MeterRegistry registry, String... names) {
        Map<String, Totals> out = new TreeMap<>();
        for (String name : names) {
            for (Meter m : registry.find(name).meters()) {
                if (m instanceof Timer t) {
                    out.put(key(m), new Totals(t.count(), t.totalTime(TimeUnit.NANOSECONDS)));
                } else if (m instanceof DistributionSummary s) {
                    out.put(key(m), new Totals(s.count(), s.totalAmount()));
                }
            }
        }
        return new MeterSnapshot(out);
    }

    /** What happened between {@code before} and this snapshot. */
    MeterSnapshot since(MeterSnapshot before) {
        Map<String, Totals> out = new TreeMap<>();
        meters.forEach((k, v) -> {
            Totals b = before.meters.getOrDefault(k, new Totals(0, 0));
            out.put(k, new Totals(v.count - b.count, v.total - b.total));
        });
        return new MeterSnapshot(out);
    }

    Totals get(String name, String... tags) {
        return meters.getOrDefault(key(name, tags), new Totals(0, 0));
    }

    private static String key(Meter m) {
        return key(m.getId().getName(), m.getId().getTags().stream()
                .flatMap(t -> java.util.stream.Stream.of(t.getKey(), t.getValue())).toArray(String[]::new));
    }

    private static String key(String name, String... tags) {
        if (tags.length == 0) {
            return name;
        }
        StringBuilder b = new StringBuilder(name).append('{');
        for (int i = 0; i < tags.length; i += 2) {
            b.append(i == 0 ? "" : ",").append(tags[i]).append('=').append(tags[i + 1]);
        }
        return b.append('}').toString();
    }
}
