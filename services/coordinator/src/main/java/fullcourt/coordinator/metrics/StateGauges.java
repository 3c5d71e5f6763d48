package fullcourt.coordinator.metrics;

import fullcourt.coordinator.Coordinator;
import fullcourt.engine.catalog.Catalog;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;

/** Registers the scheduler's gauges at start, reading the coordinator's state at most once a second. */
@ApplicationScoped
public class StateGauges {

    /** How long a scrape waits for the loop before serving the previous counts. */
    static final Duration LOOP_WAIT = Duration.ofSeconds(2);
    static final Duration FRESH_FOR = Duration.ofSeconds(1);

    @Inject
    Coordinator coordinator;
    @Inject
    Catalog catalog;
    @Inject
    MeterRegistry registry;
    @Inject
    Clock clock;

    void register(@Observes StartupEvent event) {
        SchedulerGauges.register(registry, catalog, new CachedCounts(
                () -> coordinator.tryRead(s -> SchedulerCounts.of(s, catalog), LOOP_WAIT), clock, FRESH_FOR));
    }
}
