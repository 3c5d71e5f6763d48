package fullcourt.engine.catalog;

import fullcourt.engine.warehouse.Warehouse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Game dates by season, from {@code raw.schedule}: what season-bound date domains and windows
 * ("previous N game dates", "season to date") are measured in.
 */
public final class SeasonCalendar {

    /** One season's span and its game dates. */
    public record Season(String label, LocalDate first, LocalDate last, NavigableSet<LocalDate> gameDates) {
    }

    public static final SeasonCalendar EMPTY = new SeasonCalendar(List.of());

    static final String SCHEDULE_DATES = "SELECT DISTINCT season, game_date FROM raw.schedule ORDER BY game_date";

    private final TreeMap<LocalDate, Season> byFirstDate = new TreeMap<>();

    public SeasonCalendar(Collection<Season> seasons) {
        seasons.forEach(s -> byFirstDate.put(s.first(), s));
    }

    /** Reads the schedule; an empty calendar when there is none yet. */
    public static SeasonCalendar load(Warehouse warehouse) {
        if (!warehouse.tableExists("raw.schedule")) {
            return EMPTY;
        }
        Map<String, NavigableSet<LocalDate>> dates = new java.util.HashMap<>();
        for (Map<String, Object> row : warehouse.query(SCHEDULE_DATES, Map.of())) {
            dates.computeIfAbsent((String) row.get("season"), s -> new TreeSet<>()).add((LocalDate) row.get("game_date"));
        }
        List<Season> seasons = new ArrayList<>();
        dates.forEach((label, set) -> seasons.add(new Season(label, set.first(), set.last(), set)));
        return new SeasonCalendar(seasons);
    }

    /** The season whose span (first to last game date) contains {@code date}. */
    public Optional<Season> seasonOf(LocalDate date) {
        Map.Entry<LocalDate, Season> e = byFirstDate.floorEntry(date);
        return e == null || date.isAfter(e.getValue().last()) ? Optional.empty() : Optional.of(e.getValue());
    }

    public boolean isGameDate(LocalDate date) {
        return seasonOf(date).map(s -> s.gameDates().contains(date)).orElse(false);
    }

    public Collection<Season> seasons() {
        return byFirstDate.values();
    }
}
