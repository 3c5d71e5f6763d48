package fullcourt.engine.lineage;

import fullcourt.engine.processor.InputDigests;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A task's inputs as its {@link LineageRecorder} saw them before running it: the digest it records of each span it
 * reads ({@link #reads}), and of any other span of the upstream processors within the dates it looked up, which the
 * processor may ask for ({@link InputDigests}). A span with a partition whose write has not finished
 * ({@link Fingerprint#UNKNOWN}) has no digest: its content is not known.
 *
 * @param fingerprints input -> date -> fingerprint text, of the upstream processors over {@code [from, to]} and of the
 *                     raw tables over their spans
 * @param upstreams    the upstream processors among the inputs (raw tables' fingerprints cover their spans only)
 */
record SeenInputs(Map<InputSpan, String> reads, Map<String, Map<LocalDate, String>> fingerprints, Set<String> upstreams,
                  LocalDate from, LocalDate to, FingerprintIndex index) implements InputDigests {

    @Override
    public Optional<String> digest(String input, LocalDate first, LocalDate last) {
        if (!upstreams.contains(input) || first.isBefore(from) || last.isAfter(to) || last.isBefore(first)) {
            return Optional.empty();
        }
        boolean unknown = fingerprints.getOrDefault(input, Map.of()).entrySet().stream()
                .anyMatch(e -> !e.getKey().isBefore(first) && !e.getKey().isAfter(last)
                        && Fingerprint.UNKNOWN.equals(e.getValue()));
        return unknown ? Optional.empty() : Optional.of(index.digest(new InputSpan(input, first, last)));
    }
}
