package fullcourt.publishing.performance;

import fullcourt.engine.warehouse.Warehouse;
import fullcourt.publishing.export.ExportJson;
import fullcourt.publishing.export.Rows;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Each prediction system's season-to-date totals from predictions.system_daily_performance: the
 * days of the date's season up to a date, summed. The MAE is the days' MAEs weighted by their
 * graded predictions (so it equals the MAE over every graded prediction); the hit rate is correct
 * calls over calls with a result, the daily table's own definition, NULL without any call.
 */
public final class SeasonToDate {

    static final String TABLE = "predictions.system_daily_performance";

    public static final String SEASON_SQL = "SELECT DISTINCT season FROM raw.schedule WHERE game_date = @game_date";

    public static final String TOTALS_SQL = "SELECT system_id,"
            + " COUNT(*) AS dates,"
            + " CAST(SUM(predictions_graded) AS INT64) AS predictions_graded,"
            + " ops.safe_div(SUM(mae * predictions_graded), SUM(CASE WHEN mae IS NOT NULL THEN predictions_graded END)) AS mae,"
            + " CAST(SUM(recommendations) AS INT64) AS recommendations,"
            + " CAST(SUM(correct) AS INT64) AS correct,"
            + " ops.safe_div(SUM(correct), SUM(recommendations)) AS hit_rate"
            + " FROM " + TABLE
            + " WHERE season = @season AND game_date < @before"
            + " GROUP BY system_id";

    /** One system's totals over {@code dates} days; mae and hitRate rounded to 4 decimals. */
    public record SystemTotals(String systemId, long dates, long predictionsGraded, Double mae, long recommendations,
                               long correct, Double hitRate) {
    }

    private SeasonToDate() {
    }

    /** The season (label in raw.schedule) of a game date. */
    public static String seasonOf(Warehouse warehouse, LocalDate date) {
        List<Map<String, Object>> rows = warehouse.query(SEASON_SQL, Map.of("game_date", date));
        if (rows.size() != 1) {
            throw new IllegalStateException("expected one season for the games of " + date + " in raw.schedule, found "
                    + rows.size());
        }
        return Rows.text(rows.get(0), "season");
    }

    /**
     * Totals by system id over the season's days before {@code before} (exclusive); none when no
     * day was graded yet, so the table does not exist (the first date after a first bootstrap).
     */
    public static Map<String, SystemTotals> before(Warehouse warehouse, String season, LocalDate before) {
        Map<String, SystemTotals> out = new java.util.TreeMap<>();
        if (!warehouse.tableExists(TABLE)) {
            return out;
        }
        for (Map<String, Object> row : warehouse.query(TOTALS_SQL, Map.of("season", season, "before", before))) {
            SystemTotals t = new SystemTotals(Rows.text(row, "system_id"), Rows.integer(row, "dates"),
                    orZero(Rows.integer(row, "predictions_graded")), ExportJson.rounded(Rows.decimal(row, "mae")),
                    orZero(Rows.integer(row, "recommendations")), orZero(Rows.integer(row, "correct")),
                    ExportJson.rounded(Rows.decimal(row, "hit_rate")));
            out.put(t.systemId(), t);
        }
        return out;
    }

    /** Totals by system id over the season's days up to and including {@code date}. */
    public static Map<String, SystemTotals> through(Warehouse warehouse, String season, LocalDate date) {
        return before(warehouse, season, date.plusDays(1));
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
