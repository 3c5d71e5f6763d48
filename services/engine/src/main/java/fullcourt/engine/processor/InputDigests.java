package fullcourt.engine.processor;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What lineage saw of a task's upstream partitions as the task began: the digest of a span of one of them, the same
 * text whenever those partitions hold the same content (their fingerprints, floats rounded: lineage's
 * {@code FingerprintIndex}). A processor may key what it caches on it instead of reading the data to tell whether it
 * changed (the predictions' model cache does). Empty when lineage did not read that input over that span (no
 * lineage, a raw table, dates outside the task's windows) or a partition of it is being written.
 */
@FunctionalInterface
public interface InputDigests {

    /** No digests: the processor reads what it needs to know. */
    InputDigests NONE = (input, first, last) -> Optional.empty();

    /** The digest of upstream processor {@code input}'s partitions dated {@code first..last}. */
    Optional<String> digest(String input, LocalDate first, LocalDate last);
}
