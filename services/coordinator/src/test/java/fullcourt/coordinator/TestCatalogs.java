package fullcourt.coordinator;

import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.DateDomain;
import fullcourt.engine.catalog.ProcessorDeclaration;
import fullcourt.engine.catalog.Upstream;
import fullcourt.engine.catalog.Window;
import java.util.List;

/** Small catalogs for planner and scheduler tests. */
public final class TestCatalogs {

    private TestCatalogs() {
    }

    public static ProcessorDeclaration declare(String name, int phase, int concurrency, Upstream... upstreams) {
        return new ProcessorDeclaration(name, phase, "t." + name, "game_date", List.of(upstreams),
                DateDomain.CALENDAR, "v1", concurrency);
    }

    /** a (3) -> b (4, needs a of D and of the 2 dates before) -> c (5, needs b of D). */
    public static Catalog chain(int concurrency) {
        return Catalog.of(List.of(
                declare("a", 3, concurrency),
                declare("b", 4, concurrency, new Upstream("a", Window.SAME_DATE), new Upstream("a", Window.previous(2))),
                declare("c", 5, concurrency, new Upstream("b", Window.SAME_DATE))));
    }
}
