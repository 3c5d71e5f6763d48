package fullcourt.engine.lineage;

import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.DateDomain;
import fullcourt.engine.catalog.ProcessorDeclaration;
import fullcourt.engine.catalog.RawInput;
import fullcourt.engine.catalog.SeasonCalendar;
import fullcourt.engine.catalog.Upstream;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The partitions a task reads, from the catalog alone: each upstream's and each raw input's window,
 * limited to dates that can hold data (game dates; an upstream's bootstrap days are skipped and hold
 * none), as one span per window. The worker records a digest per span, the staleness check
 * compares digests of the same spans: both see the same edges.
 */
public final class WindowInputs {

    private WindowInputs() {
    }

    /**
     * What a task of (declaration, date) reads: one span per upstream and raw input, from the first to the last date
     * of its window that can hold data (a window is a contiguous run of its input's dates); a window without such a
     * date reads nothing. Ordered by input, then dates.
     */
    public static List<InputSpan> of(Catalog catalog, ProcessorDeclaration declaration, LocalDate date,
                                     SeasonCalendar calendar) {
        TreeSet<InputSpan> out = new TreeSet<>();
        for (Upstream u : declaration.upstreams()) {
            ProcessorDeclaration up = catalog.get(u.processor());
            span(u.processor(), up.dateDomain().window(date, u.window(), calendar).stream()
                    .filter(d -> up.dateDomain().productive(d, calendar)).toList()).ifPresent(out::add);
        }
        for (RawInput r : declaration.rawInputs()) {
            span(r.table(), DateDomain.SEASON_DAYS.window(date, r.window(), calendar).stream()
                    .filter(calendar::isGameDate).toList()).ifPresent(out::add);
        }
        return List.copyOf(out);
    }

    private static Optional<InputSpan> span(String input, List<LocalDate> dates) {
        if (dates.isEmpty()) {
            return Optional.empty();
        }
        LocalDate first = dates.stream().min(LocalDate::compareTo).orElseThrow();
        LocalDate last = dates.stream().max(LocalDate::compareTo).orElseThrow();
        return Optional.of(new InputSpan(input, first, last));
    }
}
