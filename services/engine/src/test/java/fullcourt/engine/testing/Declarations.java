package fullcourt.engine.testing;

import fullcourt.engine.catalog.DateDomain;
import fullcourt.engine.catalog.ProcessorDeclaration;
import fullcourt.engine.catalog.Upstream;
import fullcourt.engine.catalog.Window;
import java.util.Arrays;

/** Processor declarations for tests: table named after the processor, calendar dates, version 1. */
public final class Declarations {

    private Declarations() {
    }

    /** A declaration needing each upstream's partition of the same date, at concurrency 4. */
    public static ProcessorDeclaration declaration(String name, int phase, String... sameDateUpstreams) {
        return declaration(name, phase, 4, sameDateUpstreams);
    }

    public static ProcessorDeclaration declaration(String name, int phase, int concurrency, String... sameDateUpstreams) {
        return new ProcessorDeclaration(name, phase, name, "game_date",
                Arrays.stream(sameDateUpstreams).map(u -> new Upstream(u, Window.SAME_DATE)).toList(),
                DateDomain.CALENDAR, "1", concurrency);
    }
}
