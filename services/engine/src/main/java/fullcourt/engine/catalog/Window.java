package fullcourt.engine.catalog;

import java.util.Locale;

/**
 * Which dates of an upstream processor a task of date D needs.
 *
 * <p>Written in the catalog as {@code same-date}, {@code previous:N} (the N dates of the upstream's
 * domain before D: game dates for season-bound domains), {@code season-to-date} (every game date
 * of D's season before D) or {@code trailing-days:N} (every date of the upstream's domain in the N
 * calendar days before D, whichever season it belongs to: for training on earlier seasons).
 */
public record Window(Kind kind, int dates) {

    /** The kinds of window the planner understands. */
    public enum Kind { SAME_DATE, PREVIOUS, SEASON_TO_DATE, TRAILING_DAYS }

    public static final Window SAME_DATE = new Window(Kind.SAME_DATE, 0);
    public static final Window SEASON_TO_DATE = new Window(Kind.SEASON_TO_DATE, 0);

    public Window {
        if (kind == Kind.PREVIOUS && (dates < 1 || dates > 400)) {
            throw new IllegalArgumentException("window previous:N needs 1 <= N <= 400, got " + dates);
        }
        if (kind == Kind.TRAILING_DAYS && (dates < 1 || dates > 1000)) {
            throw new IllegalArgumentException("window trailing-days:N needs 1 <= N <= 1000, got " + dates);
        }
    }

    public static Window previous(int dates) {
        return new Window(Kind.PREVIOUS, dates);
    }

    public static Window trailingDays(int days) {
        return new Window(Kind.TRAILING_DAYS, days);
    }

    /** Parses the catalog spelling: {@code same-date}, {@code previous:N}, {@code season-to-date} or {@code trailing-days:N}. */
    public static Window parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("same-date")) {
            return SAME_DATE;
        }
        if (t.equals("season-to-date")) {
            return SEASON_TO_DATE;
        }
        try {
            if (t.startsWith("previous:")) {
                return previous(Integer.parseInt(t.substring("previous:".length())));
            }
            if (t.startsWith("trailing-days:")) {
                return trailingDays(Integer.parseInt(t.substring("trailing-days:".length())));
            }
        } catch (NumberFormatException e) {
            // fall through to the error naming the accepted forms
        }
        throw new IllegalArgumentException("window: expected 'same-date', 'previous:N', 'season-to-date' or"
                + " 'trailing-days:N', got '" + text + "'");
    }

    @Override
    public String toString() {
        return switch (kind) {
            case SAME_DATE -> "same-date";
            case PREVIOUS -> "previous:" + dates;
            case SEASON_TO_DATE -> "season-to-date";
            case TRAILING_DAYS -> "trailing-days:" + dates;
        };
    }
}
