package fullcourt.bench.capacity;

import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.ProcessorDeclaration;

/** The platform catalog with every processor's concurrency set to one limit (a benchmark's knob). */
public final class Catalogs {

    private Catalogs() {
    }

    public static Catalog withConcurrency(Catalog catalog, int limit) {
        return Catalog.of(catalog.all().stream().map(d -> new ProcessorDeclaration(d.name(), d.phase(), d.table(),
                d.partitionColumn(), d.upstreams(), d.dateDomain(), d.version(), limit)).toList());
    }
}
