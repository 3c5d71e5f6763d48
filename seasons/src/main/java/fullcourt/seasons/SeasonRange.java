package fullcourt.seasons;

import java.util.ArrayList;
import java.util.List;

/** Parses the seasons a user asks for: one season ({@code 2022-23}) or a range ({@code 2021-22..2024-25}). */
public final class SeasonRange {

    private static final String EXPECTED = "expected a season like 2022-23 or a range like 2021-22..2024-25";

    private SeasonRange() {
    }

    /** The seasons named by {@code text}, oldest first. */
    public static List<Season> parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("seasons: " + EXPECTED + ", got nothing");
        }
        String trimmed = text.trim();
        int dots = trimmed.indexOf("..");
        if (dots < 0) {
            return List.of(seasonOf(trimmed, text));
        }
        Season first = seasonOf(trimmed.substring(0, dots).trim(), text);
        Season last = seasonOf(trimmed.substring(dots + 2).trim(), text);
        if (last.startYear() < first.startYear()) {
            throw new IllegalArgumentException("seasons '" + text + "': the range runs backwards, "
                    + EXPECTED + " (oldest first)");
        }
        List<Season> seasons = new ArrayList<>();
        for (int year = first.startYear(); year <= last.startYear(); year++) {
            seasons.add(Season.of(year + "-" + String.format("%02d", (year + 1) % 100)));
        }
        return List.copyOf(seasons);
    }

    private static Season seasonOf(String label, String whole) {
        try {
            return Season.of(label);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("seasons '" + whole + "': " + EXPECTED + "; " + e.getMessage(), e);
        }
    }
}
