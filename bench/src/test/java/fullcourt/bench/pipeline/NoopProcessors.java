package fullcourt.bench.pipeline;

import fullcourt.engine.processor.Outcome;
import fullcourt.engine.processor.Processor;
import fullcourt.engine.processor.TaskContext;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The ten processors of noop-catalog.json: each returns at once without touching the warehouse,
 * so a run measures the engine alone (Pub/Sub, coordinator, ledger, worker loop).
 */
@IfBuildProperty(name = "fullcourt.catalog", stringValue = "classpath:noop-catalog.json")
public class NoopProcessors {

    record Noop(String name) implements Processor {
        @Override
        public Outcome process(TaskContext task) {
            return new Outcome.Written(0);
        }
    }

    @Produces
    @Singleton
    Processor noop0() {
        return new Noop("noop_0");
    }

    @Produces
    @Singleton
    Processor noop1() {
        return new Noop("noop_1");
    }

    @Produces
    @Singleton
    Processor noop2() {
        return new Noop("noop_2");
    }

    @Produces
    @Singleton
    Processor noop3() {
        return new Noop("noop_3");
    }

    @Produces
    @Singleton
    Processor noop4() {
        return new Noop("noop_4");
    }

    @Produces
    @Singleton
    Processor noop5() {
        return new Noop("noop_5");
    }

    @Produces
    @Singleton
    Processor noop6() {
        return new Noop("noop_6");
    }

    @Produces
    @Singleton
    Processor noop7() {
        return new Noop("noop_7");
    }

    @Produces
    @Singleton
    Processor noop8() {
        return new Noop("noop_8");
    }

    @Produces
    @Singleton
    Processor noop9() {
        return new Noop("noop_9");
    }
}
