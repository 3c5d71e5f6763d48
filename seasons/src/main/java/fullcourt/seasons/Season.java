package fullcourt.seasons;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One NBA season's calendar: regular season, All-Star break (no games) and playoff window. */
public record Season(
        String label,
        LocalDate regularStart,
        LocalDate regularEnd,
        LocalDate allStarBreakStart,
        LocalDate allStarBreakEnd,
        LocalDate playoffsStart,
        LocalDate playoffsEnd) {

    /** 2019-20 and 2020-21 were played on pandemic calendars that no rule reproduces. */
    public static final int FIRST_START_YEAR = 2021;
    public static final int LAST_START_YEAR = 2098;

    private static final Pattern LABEL = Pattern.compile("(\\d{4})-(\\d{2})");

    public Season {
        Objects.requireNonNull(label, "label");
        if (!(regularStart.isBefore(allStarBreakStart)
                && !allStarBreakEnd.isBefore(allStarBreakStart)
                && allStarBreakEnd.isBefore(regularEnd)
                && regularEnd.isBefore(playoffsStart)
                && playoffsStart.isBefore(playoffsEnd))) {
            throw new IllegalArgumentException("season " + label + ": dates out of order");
        }
    }

    /**
     * The season labelled like {@code 2022-23}. Dates follow the league's recent pattern: opening
     * night on the Tuesday between Oct 18 and 24 (2021-10-19, 2022-10-18, 2023-10-24, 2024-10-22),
     * 174 regular-season days ending on a Sunday in mid-April, the All-Star game on the Sunday
     * between Feb 15 and 21 with no games from the Friday before to the Tuesday after, and the
     * playoffs from the Saturday six days after the regular season to mid-June (61 days).
     */
    public static Season of(String label) {
        int startYear = startYear(label);
        LocalDate regularStart = LocalDate.of(startYear, 10, 18)
                .with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
        LocalDate regularEnd = regularStart.plusDays(173);
        LocalDate allStarSunday = LocalDate.of(startYear + 1, 2, 15)
                .with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        LocalDate playoffsStart = regularEnd.plusDays(6);
        return new Season(label, regularStart, regularEnd,
                allStarSunday.minusDays(2), allStarSunday.plusDays(2),
                playoffsStart, playoffsStart.plusDays(60));
    }

    /** The year the season starts in: 2022 for "2022-23". */
    public int startYear() {
        return regularStart.getYear();
    }

    /** The first day of the season (opening night). */
    public LocalDate firstDay() {
        return regularStart;
    }

    /** The last day a game of this season may be played (end of the playoff window). */
    public LocalDate lastDay() {
        return playoffsEnd;
    }

    public boolean inAllStarBreak(LocalDate date) {
        return !date.isBefore(allStarBreakStart) && !date.isAfter(allStarBreakEnd);
    }

    @Override
    public String toString() {
        return label;
    }

    static int startYear(String label) {
        if (label == null) {
            throw new IllegalArgumentException("season: expected a label like 2022-23, got nothing");
        }
        Matcher m = LABEL.matcher(label.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "season: expected a label like 2022-23 (start year, dash, two-digit end year), got '" + label + "'");
        }
        int start = Integer.parseInt(m.group(1));
        int end = Integer.parseInt(m.group(2));
        if ((start + 1) % 100 != end) {
            throw new IllegalArgumentException("season '" + label + "': the end year must follow the start year, expected "
                    + start + "-" + String.format("%02d", (start + 1) % 100));
        }
        if (start < FIRST_START_YEAR || start > LAST_START_YEAR) {
            throw new IllegalArgumentException("season '" + label + "': expected a season from "
                    + FIRST_START_YEAR + "-" + (FIRST_START_YEAR + 1) % 100 + " to "
                    + LAST_START_YEAR + "-" + (LAST_START_YEAR + 1) % 100
                    + " (earlier seasons had irregular calendars)");
        }
        return start;
    }
}
