package fullcourt.loader.check;

import java.util.ArrayList;
import java.util.List;

/**
 * The checks each raw table's typed rows must pass, as DuckDB expressions giving a reason or NULL. A value that
 * failed its type check is NULL here, so one bad value gives one reason, not a cascade.
 */
final class RowRules {

    static final String GAME_ID = "[0-9]{8}_[A-Z]{3}_[A-Z]{3}";
    private static final String AWAY = "split_part(game_id, '_', 2)";
    private static final String HOME = "split_part(game_id, '_', 3)";
    private static final String WELL_FORMED = "regexp_full_match(game_id, '" + GAME_ID + "')";

    private static final List<String> BOX_COUNTS = List.of("points", "fgm", "fga", "fg3m", "fg3a", "ftm", "fta",
            "oreb", "dreb", "ast", "stl", "blk", "tov", "pf");

    private RowRules() {
    }

    static List<String> of(String table) {
        List<String> rules = new ArrayList<>(gameIdRules());
        switch (table) {
            case "schedule" -> rules.addAll(scheduleRules());
            case "player_box_scores" -> {
                rules.add(teamsOfTheGame());
                rules.add("CASE WHEN minutes < 0 OR minutes > 70 THEN 'minutes ' || minutes || ' outside 0..70' END");
                rules.addAll(boxTotals());
            }
            case "team_box_scores" -> {
                rules.add(teamsOfTheGame());
                rules.add("CASE WHEN " + WELL_FORMED + " AND is_home IS NOT NULL AND team IS NOT NULL"
                        + " AND is_home <> (team = " + HOME + ") THEN 'is_home ' || is_home || ' but the home team of '"
                        + " || game_id || ' is ' || " + HOME + " END");
                rules.add("CASE WHEN overtime_periods < 0 THEN 'overtime_periods is negative (' || overtime_periods || ')' END");
                rules.add("CASE WHEN overtime_periods >= 0 AND minutes <> 240 + 25 * overtime_periods THEN 'minutes '"
                        + " || minutes || ' <> 240 + 25 x overtime_periods = ' || (240 + 25 * overtime_periods) END");
                rules.addAll(boxTotals());
            }
            case "shot_events" -> {
                rules.add("CASE WHEN " + WELL_FORMED + " AND team NOT IN (" + AWAY + ", " + HOME + ") THEN 'team '"
                        + " || team || ' is not a team of game ' || game_id END");
                rules.add("CASE WHEN zone NOT IN ('paint', 'mid_range', 'three') THEN 'zone ' || zone"
                        + " || ' is not paint, mid_range or three' END");
                rules.add("CASE WHEN assisted AND NOT made THEN 'assisted is true on a missed shot' END");
                rules.add("CASE WHEN period < 1 THEN 'period ' || period || ' is below 1' END");
            }
            case "prop_lines" -> rules.add("CASE WHEN points_line <= 0 THEN 'points_line ' || points_line"
                    + " || ' is not positive' END");
            default -> {
                // a table added to the contract without rules of its own still gets the game-id checks
            }
        }
        return rules;
    }

    private static List<String> gameIdRules() {
        return List.of(
                "CASE WHEN game_id IS NOT NULL AND NOT " + WELL_FORMED + " THEN 'game_id ' || game_id"
                        + " || ' is not YYYYMMDD_AWAY_HOME with three-letter team codes (e.g. 20220105_BKN_MIL)' END",
                "CASE WHEN " + WELL_FORMED + " AND game_date IS NOT NULL AND substr(game_id, 1, 8)"
                        + " <> strftime(game_date, '%Y%m%d') THEN 'game_id ' || game_id || ' does not start with its"
                        + " game_date ' || game_date || ' as YYYYMMDD' END");
    }

    /** A season YYYY-YY holds the dates from 1 August YYYY to 31 July YYYY+1. */
    private static List<String> scheduleRules() {
        String labelOk = "(regexp_full_match(season, '[0-9]{4}-[0-9]{2}') AND CAST(substr(season, 6, 2) AS INTEGER)"
                + " = (CAST(substr(season, 1, 4) AS INTEGER) + 1) % 100)";
        String start = "make_date(CAST(substr(season, 1, 4) AS INTEGER), 8, 1)";
        String end = "make_date(CAST(substr(season, 1, 4) AS INTEGER) + 1, 7, 31)";
        return List.of(
                "CASE WHEN season IS NOT NULL AND NOT " + labelOk + " THEN 'season ' || season"
                        + " || ' is not YYYY-YY of two following years (e.g. 2021-22)' END",
                "CASE WHEN " + labelOk + " AND (game_date < " + start + " OR game_date > " + end + ") THEN 'game_date '"
                        + " || game_date || ' is outside season ' || season || ' (' || " + start + " || ' to ' || "
                        + end + " || ')' END",
                "CASE WHEN season_type NOT IN ('regular', 'playoffs') THEN 'season_type ' || season_type"
                        + " || ' is not regular or playoffs' END",
                "CASE WHEN NOT regexp_full_match(home_team, '[A-Z]{3}') THEN 'home_team ' || home_team"
                        + " || ' is not a three-letter code' END",
                "CASE WHEN NOT regexp_full_match(away_team, '[A-Z]{3}') THEN 'away_team ' || away_team"
                        + " || ' is not a three-letter code' END",
                "CASE WHEN home_team = away_team THEN 'home_team and away_team are both ' || home_team END",
                "CASE WHEN " + WELL_FORMED + " AND (" + AWAY + " <> away_team OR " + HOME + " <> home_team)"
                        + " THEN 'game_id ' || game_id || ' does not end with _' || away_team || '_' || home_team"
                        + " || ' (_AWAY_HOME)' END");
    }

    private static String teamsOfTheGame() {
        return "CASE WHEN " + WELL_FORMED + " AND team IS NOT NULL AND opponent IS NOT NULL AND NOT ((team = " + AWAY
                + " AND opponent = " + HOME + ") OR (team = " + HOME + " AND opponent = " + AWAY + ")) THEN 'team '"
                + " || team || ' and opponent ' || opponent || ' are not the two teams of game ' || game_id END";
    }

    /** Made never above attempted, no negative count, points = 2 x fgm + fg3m + ftm. */
    private static List<String> boxTotals() {
        List<String> rules = new ArrayList<>();
        for (String[] pair : new String[][] {{"fgm", "fga"}, {"fg3m", "fg3a"}, {"ftm", "fta"}, {"fg3m", "fgm"},
            {"fg3a", "fga"}}) {
            rules.add("CASE WHEN " + pair[0] + " > " + pair[1] + " THEN '" + pair[0] + " ' || " + pair[0] + " || ' > "
                    + pair[1] + " ' || " + pair[1] + " END");
        }
        for (String count : BOX_COUNTS) {
            rules.add("CASE WHEN " + count + " < 0 THEN '" + count + " is negative (' || " + count + " || ')' END");
        }
        rules.add("CASE WHEN points <> 2 * fgm + fg3m + ftm THEN 'points ' || points || ' <> 2 x fgm + fg3m + ftm = '"
                + " || (2 * fgm + fg3m + ftm) END");
        return rules;
    }
}
