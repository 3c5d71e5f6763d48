-- upcoming_player_game_context: each rostered player's situation before a game: the team's rest,
-- the player's recent form and the points prop line when the odds source has one.
--
-- Grain: one row per player on the roster of a game on @game_date, partitioned by game_date.
-- This is a backfill, so the roster is the game's raw.player_box_scores rows, DNP included; only
-- membership is taken from them, never the game's own stats.
-- Sources: raw.player_box_scores, raw.schedule and raw.prop_lines of @game_date;
-- analytics.upcoming_team_game_context of @game_date (same-date dependency) for the team's rest;
-- analytics.player_game_summary of the EARLIER dates of the season (season-to-date dependency;
-- @game_date itself is not read).
--
-- Definitions:
--   games played        = earlier player_game_summary rows of the season with minutes > 0 (DNP
--                          rows do not count), for whichever team; games_played_season counts them.
--   *_avg_last_5/10     = averages over the player's last 5 / 10 games played (fewer when fewer
--                          were played; NULL when none).
--   minutes_trend       = minutes_avg_last_5 - minutes_avg_last_10 (positive: a growing role).
--   points_line, odds   = the latest capture before tip-off in raw.prop_lines for the player and
--                          game; NULL, and has_prop_line FALSE, when the source has none (older
--                          dates: the odds source keeps only recent lines). captured_at is only
--                          ordered, never converted: a TIMESTAMP means an instant on BigQuery and a
--                          zone-less time on DuckDB, and both order one source's captures alike.
WITH roster AS (
    SELECT b.game_id, b.game_date, s.season, s.season_type, b.team, b.opponent,
           s.home_team = b.team AS is_home, b.player_id, b.player_name
    FROM raw.player_box_scores AS b
    LEFT JOIN raw.schedule AS s ON s.game_id = b.game_id AND s.game_date = @game_date
    WHERE b.game_date = @game_date
),

team_rest AS (
    SELECT game_id, team, days_rest, is_back_to_back, games_in_last_7_days
    FROM analytics.upcoming_team_game_context
    WHERE game_date = @game_date
),

earlier_games_played AS (
    SELECT player_id, points, minutes,
           ROW_NUMBER() OVER (PARTITION BY player_id ORDER BY game_date DESC, game_id DESC) AS games_ago
    FROM analytics.player_game_summary
    WHERE game_date < @game_date
      AND season IN (SELECT season FROM roster)
      AND minutes > 0
      AND player_id IN (SELECT player_id FROM roster)
),

player_form AS (
    SELECT player_id,
           COUNT(*) AS games_played_season,
           AVG(points) AS points_avg_season,
           AVG(CASE WHEN games_ago <= 5 THEN points END) AS points_avg_last_5,
           AVG(CASE WHEN games_ago <= 10 THEN points END) AS points_avg_last_10,
           AVG(CASE WHEN games_ago <= 5 THEN minutes END) AS minutes_avg_last_5,
           AVG(CASE WHEN games_ago <= 10 THEN minutes END) AS minutes_avg_last_10
    FROM earlier_games_played
    GROUP BY player_id
),

latest_prop_lines AS (
    SELECT game_id, player_id, points_line,
           CAST(over_odds AS INT64) AS over_odds,
           CAST(under_odds AS INT64) AS under_odds,
           ROW_NUMBER() OVER (PARTITION BY game_id, player_id ORDER BY captured_at DESC, points_line DESC, over_odds DESC, under_odds DESC)
               AS capture_rank
    FROM raw.prop_lines
    WHERE game_date = @game_date
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
    tr.days_rest,
    COALESCE(tr.is_back_to_back, FALSE) AS is_back_to_back,
    tr.games_in_last_7_days,
    COALESCE(pf.games_played_season, 0) AS games_played_season,
    pf.points_avg_season,
    pf.points_avg_last_5,
    pf.points_avg_last_10,
    pf.minutes_avg_last_5,
    pf.minutes_avg_last_10,
    pf.minutes_avg_last_5 - pf.minutes_avg_last_10 AS minutes_trend,
    pl.points_line,
    pl.over_odds,
    pl.under_odds,
    pl.points_line IS NOT NULL AS has_prop_line
FROM roster AS r
LEFT JOIN team_rest AS tr ON tr.game_id = r.game_id AND tr.team = r.team
LEFT JOIN player_form AS pf ON pf.player_id = r.player_id
LEFT JOIN latest_prop_lines AS pl ON pl.game_id = r.game_id AND pl.player_id = r.player_id AND pl.capture_rank = 1
