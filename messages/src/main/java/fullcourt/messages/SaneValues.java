package fullcourt.messages;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The ranges every message's identifiers, dates and instants must fall in. Ids reach Pub/Sub attributes, ledger
 * keys, file names and log lines; dates reach partitions and warehouse timestamps (a year 10000 fits neither): what
 * is outside is refused with the reason, whoever sent it.
 */
public final class SaneValues {

    /** The BAA's first season began in November 1946: no NBA date is earlier. */
    public static final LocalDate FIRST_DATE = LocalDate.of(1946, 1, 1);
    /** Far enough for any backfill; the warehouse's timestamps stay well inside their range. */
    public static final LocalDate LAST_DATE = LocalDate.of(2100, 12, 31);
    public static final String DATE_RANGE = FIRST_DATE + ".." + LAST_DATE;

    private static final Instant FIRST_INSTANT = FIRST_DATE.atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant LAST_INSTANT = LAST_DATE.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();

    /** Longest id (run, task, request); a task id is a processor name (64) + "/" + a date (10). */
    public static final int MAX_ID_CHARS = 128;

    private SaneValues() {
    }

    /** Why {@code date} is out of range, or empty. */
    public static Optional<String> dateProblem(LocalDate date) {
        if (date.isBefore(FIRST_DATE) || date.isAfter(LAST_DATE)) {
            return Optional.of("expected a date in " + DATE_RANGE + ", got " + date);
        }
        return Optional.empty();
    }

    /** Why {@code at} is out of range, or empty. */
    public static Optional<String> instantProblem(Instant at) {
        if (at.isBefore(FIRST_INSTANT) || !at.isBefore(LAST_INSTANT)) {
            return Optional.of("expected an instant in " + DATE_RANGE + ", got " + LogText.of(at.toString(), 40));
        }
        return Optional.empty();
    }

    /**
     * Why {@code id} cannot be an identifier, or empty: empty or blank, {@code .} or {@code ..} (path segments),
     * longer than {@link #MAX_ID_CHARS}, or holding a control character, a space or anything outside printable ASCII.
     */
    public static Optional<String> idProblem(String id) {
        if (id.isBlank()) {
            return Optional.of("expected an identifier, got an empty one");
        }
        if (id.equals(".") || id.equals("..")) {
            return Optional.of("expected an identifier, got " + Shown.quoted(id) + " (a path segment)");
        }
        if (id.length() > MAX_ID_CHARS) {
            return Optional.of("expected at most " + MAX_ID_CHARS + " characters, got " + id.length());
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                return Optional.of("expected printable ASCII without spaces, got " + Shown.quoted(id));
            }
        }
        return Optional.empty();
    }
}
