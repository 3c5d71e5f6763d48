package fullcourt.engine.metrics;

import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Hands Quarkus Micrometer the filters every registry of a Fullcourt service gets. */
public class MetricsSetup {

    @Produces
    @Singleton
    public MeterFilter histogramBuckets() {
        return new HistogramBuckets();
    }
}
