package fullcourt.coordinator.api;

import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.ProcessorDeclaration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The parameters of {@code GET /stale}, checked before the warehouse is read: every problem at once,
 * each naming the parameter and the fix. Absent from/to mean the calendar's first/last game date.
 */
record StaleQuery(Optional<LocalDate> from, Optional<LocalDate> to, Optional<String> processor,
                  Optional<Integer> phase, int limit) {

    static final int DEFAULT_LIMIT = 500;
    // ~100 bytes of JSON per partition: 50,000 keeps an answer under ~5 MB, room for the dashboard's grid
    static final int MAX_LIMIT = 50_000;

    /** Whether a processor is in the query's scope (its processor and phase, when given). */
    boolean inScope(ProcessorDeclaration d) {
        return processor.map(d.name()::equals).orElse(true) && phase.map(p -> p == d.phase()).orElse(true);
    }

    /** @throws BadParameter listing every problem of the parameters */
    static StaleQuery parse(String from, String to, String processor, String phase, String limit, Catalog catalog) {
        List<String> problems = new ArrayList<>();
        Optional<LocalDate> fromDate = date("from", from, problems);
        Optional<LocalDate> toDate = date("to", to, problems);
        if (fromDate.isPresent() && toDate.isPresent() && fromDate.get().isAfter(toDate.get())) {
            problems.add("from/to: from " + fromDate.get() + " is after to " + toDate.get()
                    + ": swap them, or leave one out for the calendar's first or last date");
        }
        Optional<Integer> phaseNumber = blank(phase) ? Optional.empty() : phase(phase.trim(), problems);
        Optional<String> name = blank(processor) ? Optional.empty() : Optional.of(processor.trim());
        if (name.isPresent()) {
            Optional<ProcessorDeclaration> d = catalog.find(name.get());
            if (d.isEmpty()) {
                problems.add("processor: unknown processor '" + shown(name.get()) + "'; known: "
                        + String.join(", ", new TreeSet<>(catalog.names())));
            } else if (phaseNumber.isPresent() && d.get().phase() != phaseNumber.get()) {
                problems.add("processor/phase: " + name.get() + " is in phase " + d.get().phase() + ", not phase "
                        + phaseNumber.get() + ": give one of them");
            }
        }
        int max = DEFAULT_LIMIT;
        if (!blank(limit)) {
            try {
                max = Integer.parseInt(limit.trim());
            } catch (NumberFormatException e) {
                max = -1;
            }
            if (max < 0 || max > MAX_LIMIT) {
                problems.add("limit: expected a whole number 0.." + MAX_LIMIT + " (partitions listed), got '"
                        + shown(limit) + "'; default " + DEFAULT_LIMIT);
            }
        }
        if (!problems.isEmpty()) {
            throw new BadParameter(String.join("; ", problems));
        }
        return new StaleQuery(fromDate, toDate, name, phaseNumber, max);
    }

    private static Optional<LocalDate> date(String name, String text, List<String> problems) {
        if (blank(text)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.trim()));
        } catch (DateTimeParseException e) {
            problems.add(name + ": expected a date YYYY-MM-DD, e.g. " + name + "=2022-01-05, got '" + shown(text)
                    + "'");
            return Optional.empty();
        }
    }

    private static Optional<Integer> phase(String text, List<String> problems) {
        if (text.matches("[3-6]")) {
            return Optional.of(Integer.parseInt(text));
        }
        problems.add("phase: expected 3, 4, 5 or 6, got '" + shown(text) + "'");
        return Optional.empty();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** Parameter text echoed in a message: one line, bounded. */
    private static String shown(String text) {
        String line = text.replaceAll("\\p{Cntrl}", "?");
        return line.length() <= 40 ? line : line.substring(0, 37) + "...";
    }
}
