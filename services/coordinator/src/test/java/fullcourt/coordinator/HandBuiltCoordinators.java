package fullcourt.coordinator;

import fullcourt.coordinator.lineage.LineageService;
import fullcourt.coordinator.metrics.CoordinatorMetrics;
import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.tracing.TaskSpans;
import fullcourt.engine.transport.PubSubRuntime;
import fullcourt.engine.transport.PullGates;
import fullcourt.engine.warehouse.Warehouse;
import fullcourt.messages.DispatchToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/** Coordinators a test builds by hand from the application's beans, with a warehouse and an outgoing channel of its own. */
@ApplicationScoped
public class HandBuiltCoordinators {

    @Inject
    Catalog catalog;
    @Inject
    CoordinatorConfig config;
    @Inject
    PubSubRuntime runtime;
    @Inject
    CoordinatorMetrics metrics;
    @Inject
    LineageService lineage;
    @Inject
    DispatchToken tokens;
    @Inject
    PullGates gates;
    @Inject
    Event<RunFinished> runFinished;
    @Inject
    Event<TaskDied> taskDied;
    @Inject
    TaskSpans spans;

    /** A coordinator on {@code warehouse} sending through {@code out}; not started ({@link Coordinator#begin}). */
    Coordinator on(Warehouse warehouse, Emitter<Object> out) {
        return new Coordinator(catalog, warehouse, config, Clock.systemUTC(), runtime, out, metrics, lineage, tokens,
                gates, runFinished, taskDied, spans);
    }
}
