-- team_defense_zone_analysis: how each team playing on @game_date has defended each shot zone
-- over its last 15 games of the season, and how that compares with the league.
--
-- Grain: one row per team per scheduled game on @game_date (from raw.schedule of @game_date),
-- partitioned by game_date.
-- Sources: raw.schedule of @game_date (who plays, the season of the date);
-- analytics.team_defense_game_summary of the EARLIER dates of the same season (season-to-date
-- dependency; @game_date itself is not read, so nothing of the game being predicted leaks in).
--
-- Definitions:
--   window            = the team's last 15 games with a result (points_allowed NOT NULL) before
--                       @game_date in @game_date's season, whichever the opponent; fewer early in
--                       the season. Windows never reach into the previous season.
--   games_in_window   = games in the window (0 to 15).
--   games_with_zone_data = games of the window with play-by-play (has_shot_zones); only those
--                       feed the zone columns.
--   defensive_rating_avg = 100 * SUM(points_allowed) / SUM(opp_possessions) over the window's games
--                       with a defensive_rating (points allowed per 100 possessions, possessions as
--                       in team_defense_game_summary): the per-game ratings weighted by possessions,
--                       not their plain mean, so a slow game counts for the possessions it had.
--   <zone>_attempts_allowed_per_game, <zone>_makes_allowed_per_game = opponent attempts / makes
--                       in the zone ('paint', 'mid_range', 'three') per game with zone data.
--   <zone>_fg_pct_allowed = SUM(zone makes) / SUM(zone attempts) over the games with zone data
--                       (pooled, so a game with more attempts weighs more); NULL without attempts.
--   <zone>_rate_allowed = SUM(zone attempts) / SUM(attempts in all three zones): where opponents
--                       shoot against this team.
--   league_<zone>_fg_pct_allowed = the same pooled FG% over every team of the league, each over
--                       its own last-15 window before @game_date (the same window definition).
--   <zone>_fg_pct_allowed_vs_league = <zone>_fg_pct_allowed - league_<zone>_fg_pct_allowed
--                       (negative: the team defends the zone better than the league).
--   has_zone_data     = games_with_zone_data > 0; zone columns are NULL otherwise.
WITH teams_playing AS (
    SELECT game_id, game_date, season, season_type, home_team AS team, away_team AS opponent,
           TRUE AS is_home
    FROM raw.schedule
    WHERE game_date = @game_date
    UNION ALL
    SELECT game_id, game_date, season, season_type, away_team AS team, home_team AS opponent,
           FALSE AS is_home
    FROM raw.schedule
    WHERE game_date = @game_date
),

earlier_games_defended AS (
    SELECT team, defensive_rating, points_allowed, opp_possessions, has_shot_zones,
           opp_paint_attempts, opp_paint_makes,
           opp_mid_range_attempts, opp_mid_range_makes,
           opp_three_attempts, opp_three_makes,
           ROW_NUMBER() OVER (PARTITION BY team ORDER BY game_date DESC, game_id DESC) AS games_ago
    FROM analytics.team_defense_game_summary
    WHERE game_date < @game_date
      AND season IN (SELECT season FROM teams_playing)
      AND points_allowed IS NOT NULL
),

last_15_games AS (
    SELECT team, defensive_rating, points_allowed, opp_possessions, has_shot_zones,
           opp_paint_attempts, opp_paint_makes,
           opp_mid_range_attempts, opp_mid_range_makes,
           opp_three_attempts, opp_three_makes
    FROM earlier_games_defended
    WHERE games_ago <= 15
),

team_window AS (
    SELECT team,
           COUNT(*) AS games_in_window,
           COUNT(CASE WHEN has_shot_zones THEN 1 END) AS games_with_zone_data,
           ops.safe_div(100 * SUM(CASE WHEN defensive_rating IS NOT NULL THEN points_allowed END),
                        SUM(CASE WHEN defensive_rating IS NOT NULL THEN opp_possessions END)) AS defensive_rating_avg,
           CAST(SUM(CASE WHEN has_shot_zones THEN opp_paint_attempts END) AS INT64) AS paint_attempts,
           CAST(SUM(CASE WHEN has_shot_zones THEN opp_paint_makes END) AS INT64) AS paint_makes,
           CAST(SUM(CASE WHEN has_shot_zones THEN opp_mid_range_attempts END) AS INT64) AS mid_range_attempts,
           CAST(SUM(CASE WHEN has_shot_zones THEN opp_mid_range_makes END) AS INT64) AS mid_range_makes,
           CAST(SUM(CASE WHEN has_shot_zones THEN opp_three_attempts END) AS INT64) AS three_attempts,
           CAST(SUM(CASE WHEN has_shot_zones THEN opp_three_makes END) AS INT64) AS three_makes
    FROM last_15_games
    GROUP BY team
),

league_window AS (
    SELECT ops.safe_div(SUM(CASE WHEN has_shot_zones THEN opp_paint_makes END),
                        SUM(CASE WHEN has_shot_zones THEN opp_paint_attempts END)) AS paint_fg_pct,
           ops.safe_div(SUM(CASE WHEN has_shot_zones THEN opp_mid_range_makes END),
                        SUM(CASE WHEN has_shot_zones THEN opp_mid_range_attempts END)) AS mid_range_fg_pct,
           ops.safe_div(SUM(CASE WHEN has_shot_zones THEN opp_three_makes END),
                        SUM(CASE WHEN has_shot_zones THEN opp_three_attempts END)) AS three_fg_pct
    FROM last_15_games
),

team_zones AS (
    SELECT team, games_in_window, games_with_zone_data, defensive_rating_avg,
           paint_attempts, paint_makes, mid_range_attempts, mid_range_makes, three_attempts, three_makes,
           paint_attempts + mid_range_attempts + three_attempts AS zone_attempts,
           ops.safe_div(paint_makes, paint_attempts) AS paint_fg_pct,
           ops.safe_div(mid_range_makes, mid_range_attempts) AS mid_range_fg_pct,
           ops.safe_div(three_makes, three_attempts) AS three_fg_pct
    FROM team_window
)

SELECT
    t.game_id,
    t.game_date,
    t.season,
    t.season_type,
    t.team,
    t.opponent,
    t.is_home,
    CAST(COALESCE(z.games_in_window, 0) AS INT64) AS games_in_window,
    CAST(COALESCE(z.games_with_zone_data, 0) AS INT64) AS games_with_zone_data,
    z.defensive_rating_avg,
    ops.safe_div(z.paint_attempts, z.games_with_zone_data) AS paint_attempts_allowed_per_game,
    ops.safe_div(z.paint_makes, z.games_with_zone_data) AS paint_makes_allowed_per_game,
    ops.safe_div(z.mid_range_attempts, z.games_with_zone_data) AS mid_range_attempts_allowed_per_game,
    ops.safe_div(z.mid_range_makes, z.games_with_zone_data) AS mid_range_makes_allowed_per_game,
    ops.safe_div(z.three_attempts, z.games_with_zone_data) AS three_attempts_allowed_per_game,
    ops.safe_div(z.three_makes, z.games_with_zone_data) AS three_makes_allowed_per_game,
    z.paint_fg_pct AS paint_fg_pct_allowed,
    z.mid_range_fg_pct AS mid_range_fg_pct_allowed,
    z.three_fg_pct AS three_fg_pct_allowed,
    ops.safe_div(z.paint_attempts, z.zone_attempts) AS paint_rate_allowed,
    ops.safe_div(z.mid_range_attempts, z.zone_attempts) AS mid_range_rate_allowed,
    ops.safe_div(z.three_attempts, z.zone_attempts) AS three_rate_allowed,
    l.paint_fg_pct AS league_paint_fg_pct_allowed,
    l.mid_range_fg_pct AS league_mid_range_fg_pct_allowed,
    l.three_fg_pct AS league_three_fg_pct_allowed,
    z.paint_fg_pct - l.paint_fg_pct AS paint_fg_pct_allowed_vs_league,
    z.mid_range_fg_pct - l.mid_range_fg_pct AS mid_range_fg_pct_allowed_vs_league,
    z.three_fg_pct - l.three_fg_pct AS three_fg_pct_allowed_vs_league,
    COALESCE(z.games_with_zone_data, 0) > 0 AS has_zone_data
FROM teams_playing AS t
LEFT JOIN team_zones AS z ON z.team = t.team
CROSS JOIN league_window AS l
