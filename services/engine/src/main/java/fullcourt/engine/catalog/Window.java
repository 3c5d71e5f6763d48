package fullcourt.engine.catalog;

import java.util.Locale;

/**
 * Which dates of an upstream processor a task of date D needs.
 *
 * <p>Written in the catalog as {@code same-date} or {@code previous:N}, where N counts dates of the
 * upstream's date domain before D (not calendar days), so an off-day does not shorten a window.
 */
public record Window(Kind kind, int dates) {

    /** The kinds of window the planner understands. */
    public enum Kind { SAME_DATE, PREVIOUS }

    public static final Window SAME_DATE = new Window(Kind.SAME_DATE, 0);

    public Window {
        if (kind == Kind.PREVIOUS && (dates < 1 || dates > 400)) {
            throw new IllegalArgumentException("window previous:N needs 1 <= N <= 400, got " + dates);
        }
    }

    public static Window previous(int dates) {
        return new Window(Kind.PREVIOUS, dates);
    }

    /** Parses the catalog spelling: {@code same-date} or {@code previous:N}. */
    public static Window parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("same-date")) {
            return SAME_DATE;
        }
        if (t.startsWith("previous:")) {
            try {
                return previous(Integer.parseInt(t.substring("previous:".length())));
            } catch (NumberFormatException e) {
                // fall through to the error naming the accepted forms
            }
        }
        throw new IllegalArgumentException("window: expected 'same-date' or 'previous:N', got '" + text + "'");
    }

    @Override
    public String toString() {
        return kind == Kind.SAME_DATE ? "same-date" : "previous:" + dates;
    }
}
