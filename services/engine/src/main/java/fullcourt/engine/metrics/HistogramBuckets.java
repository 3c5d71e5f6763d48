package fullcourt.engine.metrics;

import fullcourt.engine.worker.WorkerMetrics;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.time.Duration;
import java.util.Arrays;

/**
 * Every Fullcourt timer ({@code fullcourt.*}) publishes fixed histogram buckets (Prometheus {@code _bucket} series),
 * so that p95 and p99 add up across instances with {@code histogram_quantile} (a client-side percentile does not).
 * Fixed buckets rather than Micrometer's percentile histogram: about 14 per series instead of about 70, which matters
 * under the task timer's processor x phase x outcome tags. Task attempts run seconds to an hour; the services' own
 * waits (loop turns, ledger appends, publish confirmations, acks) milliseconds to a minute.
 */
public final class HistogramBuckets implements MeterFilter {

    /** Bucket bounds in milliseconds: 100 ms .. 1 h. */
    static final long[] TASK_MS = {100, 500, 1_000, 2_000, 5_000, 10_000, 30_000, 60_000, 120_000, 300_000, 600_000,
        1_800_000, 3_600_000};
    /** Bucket bounds in milliseconds: 1 ms .. 1 min. */
    static final long[] INTERNAL_MS = {1, 5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000, 60_000};

    @Override
    public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (id.getType() != Meter.Type.TIMER || !id.getName().startsWith("fullcourt.")) {
            return config;
        }
        long[] buckets = id.getName().equals(WorkerMetrics.TASK_DURATION) ? TASK_MS : INTERNAL_MS;
        return DistributionStatisticConfig.builder()
                .serviceLevelObjectives(Arrays.stream(buckets).mapToDouble(ms -> Duration.ofMillis(ms).toNanos()).toArray())
                .build().merge(config);
    }
}
