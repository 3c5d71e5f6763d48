package fullcourt.engine.catalog;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A processor as data: what it writes, what it needs, how hard it may be driven and how long one date may take.
 *
 * <p>The coordinator plans from these alone; phase services check at start that they implement
 * exactly the declarations of their phase.
 *
 * @param deadline how long one task (one date) may run before it is cancelled and retried, sized from the
 *     durations observed for the processor; empty for the worker's default ({@code fullcourt.worker.deadline})
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
        List<RawInput> rawInputs,
        Optional<Duration> deadline) {

    public ProcessorDeclaration {
        upstreams = List.copyOf(upstreams);
        rawInputs = rawInputs == null ? List.of() : List.copyOf(rawInputs);
        deadline = deadline == null ? Optional.empty() : deadline;
        if (deadline.filter(d -> d.isNegative() || d.isZero()).isPresent()) {
            throw new IllegalArgumentException("deadline must be positive, was " + deadline.get());
        }
    }

    /** A declaration without a deadline of its own: its tasks get the worker's default. */
    public ProcessorDeclaration(String name, int phase, String table, String partitionColumn, List<Upstream> upstreams,
                                DateDomain dateDomain, String version, int concurrency, List<RawInput> rawInputs) {
        this(name, phase, table, partitionColumn, upstreams, dateDomain, version, concurrency, rawInputs,
                Optional.empty());
    }

    /** A declaration that reads no raw table. */
    public ProcessorDeclaration(String name, int phase, String table, String partitionColumn, List<Upstream> upstreams,
                                DateDomain dateDomain, String version, int concurrency) {
        this(name, phase, table, partitionColumn, upstreams, dateDomain, version, concurrency, List.of());
    }

    /** This declaration with its own task deadline. */
    public ProcessorDeclaration withDeadline(Duration taskDeadline) {
        return new ProcessorDeclaration(name, phase, table, partitionColumn, upstreams, dateDomain, version, concurrency,
                rawInputs, Optional.of(taskDeadline));
    }
}
