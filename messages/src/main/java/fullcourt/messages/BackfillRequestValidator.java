package fullcourt.messages;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Checks what a well-formed backfill request asks for: its dates, its scope and its size. A request with relative
 * dates is checked as far as it can be without a today; the coordinator checks it again once resolved.
 */
public final class BackfillRequestValidator {

    private static final Pattern PROCESSOR_NAME = JsonShape.PROCESSOR_NAME;

    // Stateless; public so callers may hold an instance (e.g. as an injected bean) as well as call validate statically.
    public BackfillRequestValidator() {
    }

    /** Every problem of {@code request}, each naming its field; empty when it may be planned. */
    public static List<String> validate(BackfillRequest request, RequestLimits limits, Set<String> knownProcessors) {
        List<String> problems = new ArrayList<>();
        checkRequestId(request, problems);
        checkDates(request, limits, problems);
        checkScope(request, knownProcessors, problems);
        return List.copyOf(problems);
    }

    private static void checkRequestId(BackfillRequest request, List<String> problems) {
        String id = request.requestId();
        if (id == null) {
            problems.add("requestId: required");
        } else if (!BackfillRequest.isValidRequestId(id)) {
            problems.add("requestId: expected " + BackfillRequest.REQUEST_ID_EXPECTATION + ", got " + Shown.quoted(id));
        }
    }

    private static void checkDates(BackfillRequest request, RequestLimits limits, List<String> problems) {
        DateRef from = request.fromRef();
        DateRef to = request.toRef();
        List<DateRef> dates = request.dateRefs();
        boolean hasRange = from != null || to != null;
        if (hasRange && !dates.isEmpty()) {
            problems.add("from/to, dates: give either a range (from and to) or a list of dates, not both");
        } else if (!hasRange && dates.isEmpty()) {
            problems.add("from/to, dates: required: a range (from and to) or a list of dates");
        }
        if (from != null && to == null) {
            problems.add("to: required with from");
        } else if (to != null && from == null) {
            problems.add("from: required with to");
        } else if (from != null) {
            // a calendar date against a relative day is compared once the coordinator resolved them
            OptionalLong span = daysBetween(from, to);
            if (span.isPresent() && span.getAsLong() < 0) {
                problems.add("to: " + to + " is before from " + from);
            } else if (span.isPresent() && span.getAsLong() + 1 > limits.maxRangeDays()) {
                problems.add("from/to: range of " + (span.getAsLong() + 1) + " days exceeds the limit of "
                        + limits.maxRangeDays() + " (fullcourt.coordinator.max-range-days)");
            }
        }
        if (dates.size() > limits.maxDates()) {
            problems.add("dates: " + dates.size() + " dates exceed the limit of " + limits.maxDates()
                    + " (fullcourt.coordinator.max-dates)");
        }
        reportDuplicates("dates", dates, problems);
        checkRange("from", from, problems);
        checkRange("to", to, problems);
        for (int i = 0; i < dates.size(); i++) {
            checkRange("dates[" + i + "]", dates.get(i), problems);
        }
    }

    // A relative day resolved far back (today-99999) lands before any season: refused like a calendar date would be.
    private static void checkRange(String field, DateRef date, List<String> problems) {
        if (date != null && !date.isRelative()) {
            SaneValues.dateProblem(date.date()).ifPresent(p -> problems.add(field + ": " + p));
        }
    }

    /** Days from {@code from} to {@code to} when both are calendar dates or both relative; empty otherwise. */
    private static OptionalLong daysBetween(DateRef from, DateRef to) {
        if (from.isRelative() != to.isRelative()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(from.isRelative() ? from.daysBeforeToday() - to.daysBeforeToday()
                : ChronoUnit.DAYS.between(from.date(), to.date()));
    }

    private static void checkScope(BackfillRequest request, Set<String> knownProcessors, List<String> problems) {
        if (request.phases().isEmpty() && request.processors().isEmpty()) {
            problems.add("phases/processors: empty scope: give at least one phase or processor");
        }
        List<Integer> phases = request.phases();
        for (int i = 0; i < phases.size(); i++) {
            int phase = phases.get(i);
            if (!Topics.PHASES.contains(phase)) {
                problems.add("phases[" + i + "]: expected " + BackfillRequest.PHASE.expectation() + ", got " + phase);
            }
        }
        reportDuplicates("phases", phases, problems);
        List<String> processors = request.processors();
        for (int i = 0; i < processors.size(); i++) {
            String processor = processors.get(i);
            if (!PROCESSOR_NAME.matcher(processor).matches()) {
                problems.add("processors[" + i + "]: not a processor name: " + Shown.quoted(processor)
                        + " (expected a lowercase letter, then up to 63 lowercase letters, digits or _)");
            } else if (!knownProcessors.contains(processor)) {
                problems.add("processors[" + i + "]: unknown processor " + Shown.quoted(processor) + "; known: "
                        + String.join(", ", new TreeSet<>(knownProcessors)));
            }
        }
        reportDuplicates("processors", processors, problems);
    }

    private static <T> void reportDuplicates(String field, List<T> values, List<String> problems) {
        Map<T, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < values.size(); i++) {
            Integer first = firstIndex.putIfAbsent(values.get(i), i);
            if (first != null) {
                problems.add(field + "[" + i + "]: duplicate of " + field + "[" + first + "]");
            }
        }
    }
}
