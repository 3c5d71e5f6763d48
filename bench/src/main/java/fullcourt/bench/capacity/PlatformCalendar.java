package fullcourt.bench.capacity;

import fullcourt.engine.catalog.SeasonCalendar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * The platform's backfill calendar (PLATFORM-FACTS.md, "Scope and calendar"): 2021-10-19 to
 * 2026-01-03, 918 game dates in five seasons. The runbooks give the range and the count, not each
 * date, so the seasons span their real first game to the end of the finals, the All-Star break
 * (Feb 16-20) has no games, and seeded off days are taken out until 918 game dates remain.
 * Days inside a season without games are still tasks (season-days domain) that skip.
 */
public final class PlatformCalendar {

    public static final LocalDate FIRST = LocalDate.of(2021, 10, 19);
    public static final LocalDate LAST = LocalDate.of(2026, 1, 3);
    public static final int GAME_DATES = 918;

    private PlatformCalendar() {
    }

    public static SeasonCalendar build(long seed) {
        LocalDate[][] spans = {
                {LocalDate.of(2021, 10, 19), LocalDate.of(2022, 6, 16)},
                {LocalDate.of(2022, 10, 18), LocalDate.of(2023, 6, 12)},
                {LocalDate.of(2023, 10, 24), LocalDate.of(2024, 6, 17)},
                {LocalDate.of(2024, 10, 22), LocalDate.of(2025, 6, 22)},
                {LocalDate.of(2025, 10, 21), LAST}};
        List<TreeSet<LocalDate>> dates = new ArrayList<>();
        List<LocalDate> removable = new ArrayList<>();
        for (LocalDate[] span : spans) {
            TreeSet<LocalDate> set = new TreeSet<>();
            for (LocalDate d = span[0]; !d.isAfter(span[1]); d = d.plusDays(1)) {
                boolean allStar = d.getMonthValue() == 2 && d.getDayOfMonth() >= 16 && d.getDayOfMonth() <= 20;
                if (!allStar) {
                    set.add(d);
                    // a season's first and last game dates stay: they fix its span
                    if (!d.equals(span[0]) && !d.equals(span[1])) {
                        removable.add(d);
                    }
                }
            }
            dates.add(set);
        }
        int total = dates.stream().mapToInt(TreeSet::size).sum();
        Random random = new Random(seed);
        while (total > GAME_DATES) {
            LocalDate off = removable.remove(random.nextInt(removable.size()));
            dates.stream().filter(s -> s.contains(off)).findFirst().orElseThrow().remove(off);
            total--;
        }
        List<SeasonCalendar.Season> seasons = new ArrayList<>();
        for (TreeSet<LocalDate> set : dates) {
            int start = set.first().getYear();
            String label = start + "-" + String.format("%02d", (start + 1) % 100);
            seasons.add(new SeasonCalendar.Season(label, set.first(), set.last(), set));
        }
        return new SeasonCalendar(seasons);
    }
}
