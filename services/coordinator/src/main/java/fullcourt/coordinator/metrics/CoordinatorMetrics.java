package fullcourt.coordinator.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The coordinator's counters: tasks dispatched, tasks that went DEAD. */
@ApplicationScoped
public class CoordinatorMetrics {

    public static final String DISPATCHES = "fullcourt.coordinator.dispatches";
    public static final String DEAD_TASKS = "fullcourt.coordinator.dead.tasks";

    @Inject
    MeterRegistry registry;

    public CoordinatorMetrics() {
    }

    public CoordinatorMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A DateWork was confirmed published to its phase's work topic. */
    public void dispatched(String processor, int phase) {
        Counter.builder(DISPATCHES).description("DateWork messages published (first dispatches, retries after a requeue, replays)")
                .tags("processor", processor, "phase", String.valueOf(phase))
                .register(registry).increment();
    }

    /** A task became DEAD (its work message was dead-lettered). */
    public void taskDead(String processor, int phase) {
        Counter.builder(DEAD_TASKS).description("Tasks that became DEAD")
                .tags("processor", processor, "phase", String.valueOf(phase))
                .register(registry).increment();
    }
}
