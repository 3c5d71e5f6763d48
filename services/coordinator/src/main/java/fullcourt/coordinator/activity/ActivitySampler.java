package fullcourt.coordinator.activity;

import fullcourt.coordinator.Coordinator;
import fullcourt.coordinator.CoordinatorConfig;
import fullcourt.coordinator.dispatch.AdaptiveLimit;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Samples the scheduler's counters every {@code fullcourt.coordinator.activity.sample-interval} into
 * {@link ActivitySamples}, for the dashboard's throughput and in-flight charts. One short read on the
 * coordinator's loop per sample; when the loop is busy for longer, or the coordinator stands by, that
 * sample is skipped (a gap in the charts) rather than waited for.
 */
@ApplicationScoped
public class ActivitySampler {

    private static final Logger LOG = Logger.getLogger(ActivitySampler.class);
    private static final Duration LOOP_WAIT = Duration.ofSeconds(1);

    @Inject
    Coordinator coordinator;
    @Inject
    CoordinatorConfig config;
    @Inject
    Clock clock;

    private volatile ActivitySamples samples;
    private ScheduledExecutorService timer;

    void onStart(@Observes StartupEvent event) {
        CoordinatorConfig.Activity activity = config.activity();
        if (activity.sampleInterval().toMillis() < 1) {
            throw new IllegalArgumentException("fullcourt.coordinator.activity.sample-interval must be at least 1ms, got "
                    + activity.sampleInterval());
        }
        samples = new ActivitySamples(activity.samplesKept());
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "activity-sampler");
            t.setDaemon(true);
            return t;
        });
        long every = activity.sampleInterval().toMillis();
        timer.scheduleAtFixedRate(this::sample, every, every, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** Takes one sample now. */
    public void sample() {
        try {
            Instant since = samples.lastAt();
            // the instant is taken on the loop, with the reading: a limit change is then either before both or after
            coordinator.tryRead(s -> {
                AdaptiveLimit.Range range = coordinator.adaptiveLimit().rangeSince(since);
                return Map.entry(clock.instant(), new ActivitySamples.Reading(System.identityHashCode(s),
                        s.finishedPerPhase(), s.inFlightCount(), s.globalLimit(), range.low(), range.high()));
            }, LOOP_WAIT).ifPresent(r -> samples.record(r.getKey(), r.getValue(), config.globalInFlight()));
        } catch (RuntimeException e) {
            // a failed sample is a gap in a chart; the timer must live on for the next one
            LOG.warnf(e, "Sampling the coordinator's activity failed");
        }
    }

    /** The samples kept so far. */
    public ActivitySamples samples() {
        return samples;
    }

    /** How often a sample is taken. */
    public Duration interval() {
        return config.activity().sampleInterval();
    }
}
