package fullcourt.engine.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The dates a processor produces a partition for.
 *
 * <p>{@code calendar} is every day in a range; the schedule-driven domain (game dates minus
 * bootstrap days) comes with the platform's processors.
 */
public record DateDomain(Kind kind) {

    /** The kinds of date domain. */
    public enum Kind { CALENDAR }

    public static final DateDomain CALENDAR = new DateDomain(Kind.CALENDAR);

    public static DateDomain parse(String text) {
        if (text == null || text.equals("calendar")) {
            return CALENDAR;
        }
        throw new IllegalArgumentException("dateDomain: expected 'calendar', got '" + text + "'");
    }

    /** The domain dates in [from, to], ascending. */
    public List<LocalDate> dates(LocalDate from, LocalDate to) {
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            out.add(d);
        }
        return out;
    }

    /** Whether the date belongs to the domain. */
    public boolean contains(LocalDate date) {
        return true;
    }

    /** The {@code n} domain dates before {@code date}, most recent first. */
    public List<LocalDate> previous(LocalDate date, int n) {
        List<LocalDate> out = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            out.add(date.minusDays(i));
        }
        return out;
    }

    @Override
    public String toString() {
        return "calendar";
    }
}
