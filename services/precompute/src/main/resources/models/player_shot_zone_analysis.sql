-- player_shot_zone_analysis: where each rostered player has been taking his shots lately, and
-- how many of his makes were assisted, over his last 10 and last 20 games played of the season.
--
-- Grain: one row per player on the roster of a game on @game_date, i.e. per row of
-- analytics.player_game_summary of @game_date (DNP rows included: only membership is read, never
-- the game's own stats), partitioned by game_date.
-- Sources: analytics.player_game_summary of @game_date (same-date dependency: the roster) and of
-- the EARLIER dates of the same season (season-to-date dependency: the windows).
--
-- Definitions:
--   games played       = earlier player_game_summary rows of @game_date's season with minutes > 0
--                        (DNP rows do not count), for whichever team. Windows never reach into the
--                        previous season.
--   last 10 / last 20  = the player's 10 / 20 most recent games played before @game_date
--                        (fewer when fewer were played); games_played_last_N counts them.
--   games_with_zone_data_last_N = games of the window with play-by-play (has_shot_zones); only
--                        those feed the rates.
--   <zone>_rate_last_N = SUM(zone attempts) / SUM(attempts in the three zones) over the window's
--                        games with zone data: the share of his field-goal attempts taken in the
--                        zone ('paint', 'mid_range', 'three'), pooled over the games.
--   assisted_rate_last_N = SUM(assisted makes) / SUM(assisted + unassisted makes), pooled likewise.
--   has_zone_data      = games_with_zone_data_last_10 > 0. When FALSE every last-10 rate is NULL;
--                        the feature store applies league-average fallbacks later. A rate is also
--                        NULL when its denominator is 0 (zone data but no attempts / no makes).
WITH roster AS (
    SELECT game_id, game_date, season, season_type, team, opponent, is_home, player_id, player_name
    FROM analytics.player_game_summary
    WHERE game_date = @game_date
),

earlier_games_played AS (
    SELECT player_id, has_shot_zones,
           paint_attempts, mid_range_attempts, three_attempts, assisted_makes, unassisted_makes,
           ROW_NUMBER() OVER (PARTITION BY player_id ORDER BY game_date DESC, game_id DESC) AS games_ago
    FROM analytics.player_game_summary
    WHERE game_date < @game_date
      AND season IN (SELECT season FROM roster)
      AND minutes > 0
      AND player_id IN (SELECT player_id FROM roster)
),

last_10_games AS (
    SELECT player_id,
           COUNT(*) AS games_played,
           COUNT(CASE WHEN has_shot_zones THEN 1 END) AS games_with_zone_data,
           SUM(CASE WHEN has_shot_zones THEN paint_attempts END) AS paint_attempts,
           SUM(CASE WHEN has_shot_zones THEN mid_range_attempts END) AS mid_range_attempts,
           SUM(CASE WHEN has_shot_zones THEN three_attempts END) AS three_attempts,
           SUM(CASE WHEN has_shot_zones THEN assisted_makes END) AS assisted_makes,
           SUM(CASE WHEN has_shot_zones THEN unassisted_makes END) AS unassisted_makes
    FROM earlier_games_played
    WHERE games_ago <= 10
    GROUP BY player_id
),

last_20_games AS (
    SELECT player_id,
           COUNT(*) AS games_played,
           COUNT(CASE WHEN has_shot_zones THEN 1 END) AS games_with_zone_data,
           SUM(CASE WHEN has_shot_zones THEN paint_attempts END) AS paint_attempts,
           SUM(CASE WHEN has_shot_zones THEN mid_range_attempts END) AS mid_range_attempts,
           SUM(CASE WHEN has_shot_zones THEN three_attempts END) AS three_attempts,
           SUM(CASE WHEN has_shot_zones THEN assisted_makes END) AS assisted_makes,
           SUM(CASE WHEN has_shot_zones THEN unassisted_makes END) AS unassisted_makes
    FROM earlier_games_played
    WHERE games_ago <= 20
    GROUP BY player_id
)

SELECT
    r.game_id,
    r.game_date,
    r.season,
    r.season_type,
    r.team,
    r.opponent,
    r.is_home,
    r.player_id,
    r.player_name,
    CAST(COALESCE(l10.games_played, 0) AS INT64) AS games_played_last_10,
    CAST(COALESCE(l10.games_with_zone_data, 0) AS INT64) AS games_with_zone_data_last_10,
    ops.safe_div(l10.paint_attempts, l10.paint_attempts + l10.mid_range_attempts + l10.three_attempts)
        AS paint_rate_last_10,
    ops.safe_div(l10.mid_range_attempts, l10.paint_attempts + l10.mid_range_attempts + l10.three_attempts)
        AS mid_range_rate_last_10,
    ops.safe_div(l10.three_attempts, l10.paint_attempts + l10.mid_range_attempts + l10.three_attempts)
        AS three_rate_last_10,
    ops.safe_div(l10.assisted_makes, l10.assisted_makes + l10.unassisted_makes) AS assisted_rate_last_10,
    CAST(COALESCE(l20.games_played, 0) AS INT64) AS games_played_last_20,
    CAST(COALESCE(l20.games_with_zone_data, 0) AS INT64) AS games_with_zone_data_last_20,
    ops.safe_div(l20.paint_attempts, l20.paint_attempts + l20.mid_range_attempts + l20.three_attempts)
        AS paint_rate_last_20,
    ops.safe_div(l20.mid_range_attempts, l20.paint_attempts + l20.mid_range_attempts + l20.three_attempts)
        AS mid_range_rate_last_20,
    ops.safe_div(l20.three_attempts, l20.paint_attempts + l20.mid_range_attempts + l20.three_attempts)
        AS three_rate_last_20,
    ops.safe_div(l20.assisted_makes, l20.assisted_makes + l20.unassisted_makes) AS assisted_rate_last_20,
    COALESCE(l10.games_with_zone_data, 0) > 0 AS has_zone_data
FROM roster AS r
LEFT JOIN last_10_games AS l10 ON l10.player_id = r.player_id
LEFT JOIN last_20_games AS l20 ON l20.player_id = r.player_id
