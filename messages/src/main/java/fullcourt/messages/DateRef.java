package fullcourt.messages;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date as a request spells it: a calendar date ({@code 2022-01-31}), or a day relative to the day the coordinator
 * receives the request ({@code today}, {@code yesterday}, {@code today-N}), so that one fixed message (a Cloud
 * Scheduler job's) means "the last few days" every time it is sent. The coordinator resolves relative days with its
 * clock in the platform's time zone ({@link BackfillRequest#resolve}).
 *
 * @param date the calendar date, or null for a relative day
 * @param daysBeforeToday for a relative day, how many days before today (0 = today); 0 for a calendar date
 */
public record DateRef(LocalDate date, int daysBeforeToday) {

    /** What a date may be, as problems say it. */
    public static final String EXPECTATION = "a date like 2022-01-31, or today, yesterday, today-N";

    /** The furthest back a relative day may reach, in days: beyond it, a calendar date says it better. */
    public static final int MAX_DAYS_BEFORE_TODAY = 99_999;

    private static final Pattern RELATIVE = Pattern.compile("today(?:-(\\d{1,5}))?");

    public DateRef {
        if (date != null && daysBeforeToday != 0) {
            throw new IllegalArgumentException("a calendar date has no days before today, got " + daysBeforeToday);
        }
        if (daysBeforeToday < 0 || daysBeforeToday > MAX_DAYS_BEFORE_TODAY) {
            throw new IllegalArgumentException("days before today must be 0.." + MAX_DAYS_BEFORE_TODAY + ", got "
                    + daysBeforeToday);
        }
    }

    public static DateRef of(LocalDate date) {
        if (date == null) {
            throw new IllegalArgumentException("date is required; for a relative day use daysBeforeToday");
        }
        return new DateRef(date, 0);
    }

    /** {@code days} days before the coordinator's today: 0 is today, 1 yesterday. */
    public static DateRef daysBeforeToday(int days) {
        return new DateRef(null, days);
    }

    /** The date spelled by {@code text} (ignoring case for the relative words), if it spells one. */
    public static Optional<DateRef> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("yesterday")) {
            return Optional.of(daysBeforeToday(1));
        }
        Matcher relative = RELATIVE.matcher(lower);
        if (relative.matches()) {
            return Optional.of(daysBeforeToday(relative.group(1) == null ? 0 : Integer.parseInt(relative.group(1))));
        }
        try {
            return Optional.of(of(LocalDate.parse(text)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static DateRef fromJson(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException(
                "expected " + EXPECTATION + ", got " + Shown.quoted(String.valueOf(text))));
    }

    /** Whether the date depends on the day it is resolved on. */
    public boolean isRelative() {
        return date == null;
    }

    /** The calendar date this means on {@code today}. */
    public LocalDate resolve(LocalDate today) {
        return date != null ? date : today.minusDays(daysBeforeToday);
    }

    /** The date as written on the wire: ISO for a calendar date, {@code today}, {@code yesterday} or {@code today-N}. */
    @JsonValue
    public String text() {
        if (date != null) {
            return date.toString();
        }
        return switch (daysBeforeToday) {
            case 0 -> "today";
            case 1 -> "yesterday";
            default -> "today-" + daysBeforeToday;
        };
    }

    @Override
    public String toString() {
        return text();
    }
}
