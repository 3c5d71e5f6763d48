package fullcourt.engine.worker;

import fullcourt.engine.catalog.ProcessorDeclaration;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;

/**
 * How long one task of a processor may run before it is cancelled and retried: the processor's entry in
 * {@code fullcourt.worker.deadlines} if configured, else the deadline its catalog entry declares, else the worker's
 * default {@code fullcourt.worker.deadline}.
 *
 * <p>Deadlines belong to processors because their durations differ by orders of magnitude (the runbooks: seconds
 * per date for most tables, up to 2.8 h for player_game_summary's worst date); one global deadline either cancels
 * the slow processor's good work or lets every other processor's hung query hold its slot for hours.
 */
public final class TaskDeadlines {

    /** A task's deadline and the setting it comes from, named in the failure when a task exceeds it. */
    public record Deadline(Duration duration, String source) {
    }

    private final Duration fallback;
    private final Map<String, Duration> overrides;

    /**
     * @param fallback  the deadline of a processor whose catalog entry declares none
     * @param overrides per processor name, deadlines that take precedence over the catalog's
     */
    public TaskDeadlines(Duration fallback, Map<String, Duration> overrides) {
        this.fallback = requirePositive(fallback, "fullcourt.worker.deadline");
        this.overrides = Map.copyOf(overrides);
        this.overrides.forEach((name, d) -> requirePositive(d, "fullcourt.worker.deadlines." + name));
    }

    /** The catalog's deadlines, and {@code fallback} for processors that declare none. */
    public static TaskDeadlines withDefault(Duration fallback) {
        return new TaskDeadlines(fallback, Map.of());
    }

    private static Duration requirePositive(Duration d, String setting) {
        Objects.requireNonNull(d, setting);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(setting + " must be positive, was " + d);
        }
        return d;
    }

    /** The deadline of each task of {@code processor}. */
    public Deadline of(ProcessorDeclaration processor) {
        Duration configured = overrides.get(processor.name());
        if (configured != null) {
            return new Deadline(configured, "fullcourt.worker.deadlines." + processor.name());
        }
        return processor.deadline()
                .map(d -> new Deadline(d, "the catalog's deadline of " + processor.name()))
                .orElseGet(() -> new Deadline(fallback, "fullcourt.worker.deadline"));
    }

    /** The longest deadline among {@code processors}: how long a message of theirs may have to stay leased. */
    public Duration longest(Collection<ProcessorDeclaration> processors) {
        return processors.stream().map(p -> of(p).duration()).max(Duration::compareTo).orElse(fallback);
    }
}
