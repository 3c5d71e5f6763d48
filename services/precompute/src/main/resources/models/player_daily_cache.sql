-- player_daily_cache: each rostered player's season-to-date scoring numbers and his four composite
-- scores of the day, in one row per player-day for the feature store and the exporters.
--
-- Grain: one row per player on the roster of a game on @game_date, i.e. per row of
-- analytics.upcoming_player_game_context of @game_date, partitioned by game_date.
-- Sources: analytics.upcoming_player_game_context of @game_date (same-date: the roster only);
-- precompute.player_composite_factors of @game_date (same-date: the four scores, copied);
-- analytics.player_game_summary of the EARLIER dates of @game_date's season (season-to-date
-- dependency; @game_date's own games are never read).
--
-- Definitions:
--   games played        = earlier player_game_summary rows of @game_date's season with
--                          minutes > 0 (DNP rows do not count), for whichever team. Windows never
--                          reach into the previous season.
--   games_played_season = their number (0 when none).
--   last 5 / last 10    = the player's 5 / 10 most recent games played before @game_date (fewer
--                          when fewer were played).
--   *_avg_*             = AVG over the window; NULL when the player has no game played yet
--                          (a rookie, or a player's first game of the season).
--   usage_rate_avg_last_10 = SUM(usage_rate * minutes) / SUM(minutes) over the window's games
--                          with a usage_rate: per-game usage weighted by minutes played, not a plain
--                          mean of per-game rates. usage_rate * minutes is proportional to the plays
--                          the player used (player_game_summary's USG%), so this is his share of
--                          his team's plays over all his minutes of the window, and a 20-second
--                          cameo moves it by its 20 seconds' worth (a plain mean gave it the weight of
--                          a whole game). Games without a usage_rate (under 1 minute, no team
--                          totals) are left out of both sums; NULL when every game's is NULL.
--   ts_pct_avg_last_10  = SUM(points) / (2 * SUM(FGA + 0.44 * FTA)) over the window's games with a
--                          ts_pct: true shooting of all the window's attempts together, i.e. per-game
--                          ts_pct weighted by true-shooting attempts, not a plain mean (a 1-for-1
--                          game no longer counts as much as a 10-for-25 one).
--   points_std_last_10  = STDDEV_POP(points) over the last 10: the population standard deviation
--                          (divides by n, so one game gives 0, not NULL); NULL without games.
--   fatigue_score, shot_zone_mismatch_score, pace_score, usage_spike_score = copied from
--                          player_composite_factors of @game_date (never NULL there; defined there).
WITH roster AS (
    SELECT game_id, game_date, season, season_type, team, opponent, is_home, player_id, player_name
    FROM analytics.upcoming_player_game_context
    WHERE game_date = @game_date
),

earlier_games_played AS (
    SELECT player_id, points, minutes, usage_rate, ts_pct, fga, fta,
           ROW_NUMBER() OVER (PARTITION BY player_id ORDER BY game_date DESC, game_id DESC) AS games_ago
    FROM analytics.player_game_summary
    WHERE game_date < @game_date
      AND season IN (SELECT season FROM roster)
      AND minutes > 0
      AND player_id IN (SELECT player_id FROM roster)
),

season_to_date AS (
    SELECT player_id,
           COUNT(*) AS games_played_season,
           AVG(CASE WHEN games_ago <= 5 THEN points END) AS points_avg_last_5,
           AVG(CASE WHEN games_ago <= 10 THEN points END) AS points_avg_last_10,
           AVG(points) AS points_avg_season,
           STDDEV_POP(CASE WHEN games_ago <= 10 THEN points END) AS points_std_last_10,
           AVG(CASE WHEN games_ago <= 10 THEN minutes END) AS minutes_avg_last_10,
           ops.safe_div(SUM(CASE WHEN games_ago <= 10 THEN usage_rate * minutes END),
                        SUM(CASE WHEN games_ago <= 10 AND usage_rate IS NOT NULL THEN minutes END))
               AS usage_rate_avg_last_10,
           ops.safe_div(SUM(CASE WHEN games_ago <= 10 AND ts_pct IS NOT NULL THEN points END),
                        2 * SUM(CASE WHEN games_ago <= 10 AND ts_pct IS NOT NULL THEN fga + 44 * fta / 100 END))
               AS ts_pct_avg_last_10
    FROM earlier_games_played
    GROUP BY player_id
),

composite_scores AS (
    SELECT game_id, player_id, fatigue_score, shot_zone_mismatch_score, pace_score, usage_spike_score
    FROM precompute.player_composite_factors
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
    CAST(COALESCE(s.games_played_season, 0) AS INT64) AS games_played_season,
    s.points_avg_last_5,
    s.points_avg_last_10,
    s.points_avg_season,
    s.points_std_last_10,
    s.minutes_avg_last_10,
    s.usage_rate_avg_last_10,
    s.ts_pct_avg_last_10,
    c.fatigue_score,
    c.shot_zone_mismatch_score,
    c.pace_score,
    c.usage_spike_score
FROM roster AS r
LEFT JOIN season_to_date AS s ON s.player_id = r.player_id
LEFT JOIN composite_scores AS c ON c.game_id = r.game_id AND c.player_id = r.player_id
