package fullcourt.bench.pipeline;

import fullcourt.engine.warehouse.DuckDbWarehouse;
import fullcourt.engine.warehouse.Warehouse;
import fullcourt.seasons.Season;
import fullcourt.seasons.raw.RawTables;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Seasons in {@code raw.schedule} without the rest of the raw data: what the coordinator plans from (season-bound
 * date domains and windows), for processors that read nothing. Each season is the generator's calendar
 * ({@link Season#of}: opening night to the end of the playoff window, 240 days) with a game on every day but the
 * All-Star break, so that four of them make about the four generated seasons' 18,000 tasks.
 */
final class SyntheticSchedule {

    static final int FIRST_START_YEAR = Season.FIRST_START_YEAR;

    private SyntheticSchedule() {
    }

    static List<Season> seasons(int count) {
        List<Season> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int year = FIRST_START_YEAR + i;
            out.add(Season.of(year + "-" + String.format("%02d", (year + 1) % 100)));
        }
        return out;
    }

    /** Replaces the schedule with {@code seasons}' games, one per game date. */
    static void write(Warehouse warehouse, List<Season> seasons) {
        try (Connection c = ((DuckDbWarehouse) warehouse).connection()) {
            RawTables.create(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        warehouse.update("DELETE FROM raw.schedule", Map.of());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Season season : seasons) {
            for (LocalDate d = season.firstDay(); !d.isAfter(season.lastDay()); d = d.plusDays(1)) {
                if (season.inAllStarBreak(d)) {
                    continue;
                }
                Map<String, Object> row = new HashMap<>();
                row.put("game_id", d.toString().replace("-", "") + "_AWY_HOM");
                row.put("game_date", d);
                row.put("season", season.label());
                row.put("season_type", d.isAfter(season.regularEnd()) ? "playoffs" : "regular");
                row.put("home_team", "HOM");
                row.put("away_team", "AWY");
                rows.add(row);
            }
        }
        warehouse.updateBatch("INSERT INTO raw.schedule (game_id, game_date, season, season_type, home_team, away_team)"
                + " VALUES (@game_id, @game_date, @season, @season_type, @home_team, @away_team)", rows);
    }
}
