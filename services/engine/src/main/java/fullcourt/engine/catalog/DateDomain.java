package fullcourt.engine.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The dates a processor has a task for, and how its windows are counted.
 *
 * <ul>
 *   <li>{@code calendar}: every day; windows count days.</li>
 *   <li>{@code season-days}: every day from a season's first game date to its last (days without
 *   games inside a season are tasks that the processor SKIPS, as the All-Star break must be);
 *   windows count game dates of the same season, so they never reach into the previous one.
 *   {@code season-days:bootstrap=14} also marks the first 14 days of each season as bootstrap
 *   days, which the processor SKIPS for want of history.</li>
 * </ul>
 */
public record DateDomain(Kind kind, int bootstrapDays) {

    /** The kinds of date domain. */
    public enum Kind { CALENDAR, SEASON_DAYS }

    public static final DateDomain CALENDAR = new DateDomain(Kind.CALENDAR, 0);
    public static final DateDomain SEASON_DAYS = new DateDomain(Kind.SEASON_DAYS, 0);

    public static DateDomain parse(String text) {
        if (text == null || text.equals("calendar")) {
            return CALENDAR;
        }
        if (text.equals("season-days")) {
            return SEASON_DAYS;
        }
        if (text.startsWith("season-days:bootstrap=")) {
            try {
                int days = Integer.parseInt(text.substring("season-days:bootstrap=".length()));
                if (days >= 0 && days <= 60) {
                    return new DateDomain(Kind.SEASON_DAYS, days);
                }
            } catch (NumberFormatException e) {
                // fall through to the error naming the accepted forms
            }
        }
        throw new IllegalArgumentException("dateDomain: expected 'calendar', 'season-days' or"
                + " 'season-days:bootstrap=N' (0..60), got '" + text + "'");
    }

    /** Whether the date is one of the domain's. */
    public boolean contains(LocalDate date, SeasonCalendar calendar) {
        return kind == Kind.CALENDAR || calendar.seasonOf(date).isPresent();
    }

    /** The domain dates in [from, to], ascending. */
    public List<LocalDate> dates(LocalDate from, LocalDate to, SeasonCalendar calendar) {
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (contains(d, calendar)) {
                out.add(d);
            }
        }
        return out;
    }

    /** Whether {@code date} is one of its season's first bootstrap days. */
    public boolean isBootstrap(LocalDate date, SeasonCalendar calendar) {
        return bootstrapDays > 0 && calendar.seasonOf(date)
                .map(s -> date.isBefore(s.first().plusDays(bootstrapDays))).orElse(false);
    }

    /** Whether a processor of this domain has a partition to compute on {@code date}: a game date outside its bootstrap days. */
    public boolean productive(LocalDate date, SeasonCalendar calendar) {
        return kind == Kind.CALENDAR || (calendar.isGameDate(date) && !isBootstrap(date, calendar));
    }

    /**
     * Why a processor of this domain has nothing to compute on {@code date}, or null when it has ({@link #productive}):
     * the same words whether a worker skips the task or the coordinator records it SKIPPED when it plans it.
     */
    public String skipReason(LocalDate date, SeasonCalendar calendar) {
        if (productive(date, calendar)) {
            return null;
        }
        if (!calendar.isGameDate(date)) {
            return "no games on " + date;
        }
        return "bootstrap: within the first " + bootstrapDays + " days of season "
                + calendar.seasonOf(date).orElseThrow().label() + " (not enough history)";
    }

    /** The dates of this (upstream) domain that a task of {@code date} needs under {@code window}. */
    public List<LocalDate> window(LocalDate date, Window window, SeasonCalendar calendar) {
        return switch (window.kind()) {
            case SAME_DATE -> contains(date, calendar) ? List.of(date) : List.of();
            case PREVIOUS -> previous(date, window.dates(), calendar);
            case SEASON_TO_DATE -> seasonToDate(date, calendar);
            case TRAILING_DAYS -> dates(date.minusDays(window.dates()), date.minusDays(1), calendar);
        };
    }

    private List<LocalDate> previous(LocalDate date, int n, SeasonCalendar calendar) {
        if (kind == Kind.CALENDAR) {
            List<LocalDate> out = new ArrayList<>(n);
            for (int i = 1; i <= n; i++) {
                out.add(date.minusDays(i));
            }
            return out;
        }
        return calendar.seasonOf(date)
                .map(s -> s.gameDates().headSet(date, false).descendingSet().stream().limit(n).toList())
                .orElse(List.of());
    }

    private List<LocalDate> seasonToDate(LocalDate date, SeasonCalendar calendar) {
        if (kind == Kind.CALENDAR) {
            throw new IllegalArgumentException("a season-to-date window needs an upstream with a season-days domain");
        }
        return calendar.seasonOf(date).map(s -> List.copyOf(s.gameDates().headSet(date, false))).orElse(List.of());
    }

    @Override
    public String toString() {
        return kind == Kind.CALENDAR ? "calendar"
                : bootstrapDays == 0 ? "season-days" : "season-days:bootstrap=" + bootstrapDays;
    }
}
