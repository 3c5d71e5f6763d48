package fullcourt.bench.pipeline;

import fullcourt.engine.processor.Processor;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * No-op processors for the scale benchmark's catalog ({@link ScaleCatalog}): the i-th of the shipped catalog's
 * processors, renamed. The shipped catalog has 19; should it gain one, the worker refuses to start naming the
 * processor with no implementation, and one more producer is needed here.
 */
@IfBuildProperty(name = "bench.scale.processors", stringValue = "true")
public class ScaleProcessors {

    private static Processor nth(int i) {
        return new NoopProcessors.Noop(ScaleCatalog.names().get(i));
    }

    @Produces
    @Singleton
    Processor noop0() {
        return nth(0);
    }

    @Produces
    @Singleton
    Processor noop1() {
        return nth(1);
    }

    @Produces
    @Singleton
    Processor noop2() {
        return nth(2);
    }

    @Produces
    @Singleton
    Processor noop3() {
        return nth(3);
    }

    @Produces
    @Singleton
    Processor noop4() {
        return nth(4);
    }

    @Produces
    @Singleton
    Processor noop5() {
        return nth(5);
    }

    @Produces
    @Singleton
    Processor noop6() {
        return nth(6);
    }

    @Produces
    @Singleton
    Processor noop7() {
        return nth(7);
    }

    @Produces
    @Singleton
    Processor noop8() {
        return nth(8);
    }

    @Produces
    @Singleton
    Processor noop9() {
        return nth(9);
    }

    @Produces
    @Singleton
    Processor noop10() {
        return nth(10);
    }

    @Produces
    @Singleton
    Processor noop11() {
        return nth(11);
    }

    @Produces
    @Singleton
    Processor noop12() {
        return nth(12);
    }

    @Produces
    @Singleton
    Processor noop13() {
        return nth(13);
    }

    @Produces
    @Singleton
    Processor noop14() {
        return nth(14);
    }

    @Produces
    @Singleton
    Processor noop15() {
        return nth(15);
    }

    @Produces
    @Singleton
    Processor noop16() {
        return nth(16);
    }

    @Produces
    @Singleton
    Processor noop17() {
        return nth(17);
    }

    @Produces
    @Singleton
    Processor noop18() {
        return nth(18);
    }
}
