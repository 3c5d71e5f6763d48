package fullcourt.engine.catalog;

import java.util.List;

/**
 * A processor as data: what it writes, what it needs, and how hard it may be driven.
 *
 * <p>The coordinator plans from these alone; phase services check at start that they implement
 * exactly the declarations of their phase.
 */
public record ProcessorDeclaration(
        String name,
        int phase,
        String table,
        String partitionColumn,
        List<Upstream> upstreams,
        DateDomain dateDomain,
        String version,
        int concurrency,
        List<RawInput> rawInputs) {

    public ProcessorDeclaration {
        upstreams = List.copyOf(upstreams);
        rawInputs = rawInputs == null ? List.of() : List.copyOf(rawInputs);
    }

    /** A declaration that reads no raw table. */
    public ProcessorDeclaration(String name, int phase, String table, String partitionColumn, List<Upstream> upstreams,
                                DateDomain dateDomain, String version, int concurrency) {
        this(name, phase, table, partitionColumn, upstreams, dateDomain, version, concurrency, List.of());
    }
}
