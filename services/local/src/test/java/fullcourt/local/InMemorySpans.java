package fullcourt.local;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The tests' span exporter: keeps the application's finished spans in memory. Being a SpanExporter bean, it replaces
 * Quarkus' OTLP exporter, so no test tries to reach a collector (the %test profile turns the SDK on).
 */
@ApplicationScoped
public class InMemorySpans {

    @Produces
    @Singleton
    InMemorySpanExporter exporter() {
        return InMemorySpanExporter.create();
    }
}
