package fullcourt.coordinator.validation;

import fullcourt.engine.warehouse.Warehouse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One of the runbooks' field checks over a date range: a share of rows that must reach a
 * threshold ({@code share >= threshold}), or a count of bad items that must be 0 (threshold 1.0
 * of items good). {@code checked} is the number of rows or items looked at.
 */
public record FieldCheck(String name, String table, long checked, long good, double threshold, String meaning,
                         String notApplicable) {

    /** A check that applies to the data. */
    public FieldCheck(String name, String table, long checked, long good, double threshold, String meaning) {
        this(name, table, checked, good, threshold, meaning, null);
    }

    /** Phase 3 player fields over {@code @from..@to}. */
    static final String PLAYER_FIELDS = """
            SELECT COUNT(CASE WHEN minutes > 0 THEN 1 END) AS played,
                   COUNT(CASE WHEN minutes >= 1 THEN 1 END) AS played_a_minute,
                   COUNT(CASE WHEN minutes >= 1 AND usage_rate IS NOT NULL THEN 1 END) AS with_usage,
                   COUNT(CASE WHEN minutes > 0 AND has_shot_zones THEN 1 END) AS with_shot_events,
                   COUNT(CASE WHEN minutes > 0 AND paint_attempts IS NOT NULL AND mid_range_attempts IS NOT NULL
                               AND assisted_makes IS NOT NULL THEN 1 END) AS with_zones,
                   COUNT(CASE WHEN dnp_reason IS NULL THEN 1 END) AS listed_as_playing,
                   COUNT(CASE WHEN dnp_reason IS NULL AND minutes IS NOT NULL THEN 1 END) AS with_minutes,
                   COUNT(*) AS rows_total,
                   COUNT(CASE WHEN LENGTH(game_id) = 16
                               AND SUBSTR(game_id, 1, 8) = REPLACE(CAST(game_date AS STRING), '-', '')
                               AND SUBSTR(game_id, 9, 1) = '_' AND SUBSTR(game_id, 13, 1) = '_'
                               AND SUBSTR(game_id, 10, 3) = CASE WHEN is_home THEN opponent ELSE team END
                               AND SUBSTR(game_id, 14, 3) = CASE WHEN is_home THEN team ELSE opponent END
                              THEN 1 END) AS valid_ids
            FROM analytics.player_game_summary
            WHERE game_date BETWEEN @from AND @to""";

    /** Feature rows of {@code @from..@to} and those whose zone features took the league-average fallback. */
    static final String ZONE_FALLBACKS = """
            SELECT COUNT(*) AS feature_rows,
                   COUNT(CASE WHEN zone_features_imputed THEN 1 END) AS imputed
            FROM precompute.ml_feature_store_v2
            WHERE game_date BETWEEN @from AND @to""";

    /** Dates of {@code @from..@to} whose team rows are two per scheduled game. */
    static final String TEAMS_PER_DATE = """
            WITH scheduled AS (
                SELECT game_date, 2 * COUNT(*) AS teams FROM raw.schedule
                WHERE game_date BETWEEN @from AND @to GROUP BY game_date
            ),
            written AS (
                SELECT game_date, COUNT(*) AS teams FROM analytics.team_offense_game_summary
                WHERE game_date BETWEEN @from AND @to GROUP BY game_date
            )
            SELECT COUNT(*) AS dates,
                   COUNT(CASE WHEN w.teams = s.teams THEN 1 END) AS consistent
            FROM scheduled AS s
            LEFT JOIN written AS w ON w.game_date = s.game_date""";

    /** Phase 3 checks from the runbooks, over {@code [from, to]}; absent tables give no checks. */
    static List<FieldCheck> phase3(Warehouse warehouse, LocalDate from, LocalDate to) {
        List<FieldCheck> out = new java.util.ArrayList<>();
        Map<String, Object> range = Map.of("from", from, "to", to);
        if (warehouse.tableExists("analytics.player_game_summary")) {
            Map<String, Object> p = warehouse.query(PLAYER_FIELDS, range).get(0);
            String table = "analytics.player_game_summary";
            out.add(new FieldCheck("usage_rate present", table, n(p, "played_a_minute"), n(p, "with_usage"), 0.95,
                    "player-games of 1 minute or more that have a usage_rate (under a minute it is NULL by rule)"));
            String zones = "player-games with minutes > 0 that have paint, mid-range attempts and assisted makes";
            if (n(p, "played") > 0 && n(p, "with_shot_events") == 0) {
                // no play-by-play at all (e.g. a user's own box scores): the zone fields cannot exist, and the
                // feature store's documented league-average fallback stands in for them
                out.add(new FieldCheck("shot-zone fields present", table, n(p, "played"), n(p, "with_zones"), 0.90,
                        zones, "no shot events: " + zoneFallbacks(warehouse, range)));
            } else {
                out.add(new FieldCheck("shot-zone fields present", table, n(p, "played"), n(p, "with_zones"), 0.90,
                        zones));
            }
            out.add(new FieldCheck("minutes present", table, n(p, "listed_as_playing"), n(p, "with_minutes"), 0.95,
                    "rows without a DNP reason that have minutes (null rate <= 5%)"));
            out.add(new FieldCheck("game_id format", table, n(p, "rows_total"), n(p, "valid_ids"), 1.0,
                    "ids YYYYMMDD_AWAY_HOME matching the row's date and teams"));
        }
        if (warehouse.tableExists("analytics.team_offense_game_summary")) {
            Map<String, Object> t = warehouse.query(TEAMS_PER_DATE, range).get(0);
            out.add(new FieldCheck("teams per date match the schedule", "analytics.team_offense_game_summary",
                    n(t, "dates"), n(t, "consistent"), 1.0, "game dates whose team rows are two per scheduled game"));
        }
        return out;
    }

    private static String zoneFallbacks(Warehouse warehouse, Map<String, Object> range) {
        if (!warehouse.tableExists("precompute.ml_feature_store_v2")) {
            return "the zone features use the league-average fallback";
        }
        Map<String, Object> f = warehouse.query(ZONE_FALLBACKS, range).get(0);
        return String.format("%,d of %,d feature rows used the league-average fallback", n(f, "imputed"),
                n(f, "feature_rows"));
    }

    private static long n(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v == null ? 0 : ((Number) v).longValue();
    }

    public double share() {
        return checked == 0 ? 1.0 : (double) good / checked;
    }

    public boolean passed() {
        return notApplicable != null || share() >= threshold;
    }

    public String render() {
        if (notApplicable != null) {
            return String.format("  %-36s not applicable (%s)  ok  [%s]", name, notApplicable, meaning);
        }
        return String.format("  %-36s %6.2f%% of %,d (needs >= %.0f%%)%s  [%s]", name, 100 * share(), checked,
                100 * threshold, passed() ? "  ok" : "  FAILED", meaning);
    }
}
