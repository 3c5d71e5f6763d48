-- ml_feature_store_v2: the 21-feature vector per player-game that the Phase 5 prediction systems
-- read. The column names, their order and their types are a contract with that code.
--
-- Grain: one row per player on the roster of a game on @game_date, i.e. per row of
-- analytics.upcoming_player_game_context of @game_date, partitioned by game_date.
-- Sources (all same-date, all of @game_date): analytics.upcoming_player_game_context (roster,
-- rest, prop line), precompute.player_daily_cache (season-to-date numbers),
-- precompute.player_composite_factors (the four scores), precompute.player_shot_zone_analysis
-- (zone rates, last 10 games played), precompute.team_defense_zone_analysis (the OPPONENT's
-- defensive rating, last 15 games), analytics.upcoming_team_game_context (the team's pace).
-- Every window behind them ends before @game_date and stays in the season (see those models).
--
-- Not features: the identity columns game_id, game_date, season, season_type, team, opponent,
-- is_home (BOOL), player_id, player_name; points_line FLOAT64 (NULL when the odds source has no line)
-- and has_prop_line BOOL; feature_version STRING = 'v2'; feature_count INT64 = 21;
-- zone_features_imputed BOOL = TRUE when any of features 14-17 took its league-average fallback
-- (the player has no zone data in his last 10 games played, has_zone_data FALSE, or one of the
-- four rates is NULL, e.g. no makes for assisted_rate). The fallback is per feature: a player with
-- zone data keeps his own rates even when another one falls back.
--
-- Feature 12 is named is_home_game: the identity column is_home (BOOL, as in every other table)
-- already has the name is_home, and a duplicate column name is an error in BigQuery.
--
-- The features: every one FLOAT64, never NULL. Each is written ops.safe_div(x, 1), the dialect's
-- portable spelling of a cast to FLOAT64 (DOUBLE / FLOAT64 casts are each one engine's only);
-- booleans are 1.0 / 0.0. Default = the value when the input is NULL.
--   index name                      source                                            default
--   0     points_avg_last_5         player_daily_cache                                0
--   1     points_avg_last_10        player_daily_cache                                0
--   2     points_avg_season         player_daily_cache                                0
--   3     points_std_last_10        player_daily_cache (STDDEV_POP)                   0
--   4     minutes_avg_last_10       player_daily_cache                                0
--   5     usage_rate_avg_last_10    player_daily_cache                                0
--   6     fatigue_score             player_composite_factors (0 without inputs)       0
--   7     shot_zone_mismatch_score  player_composite_factors (0 without inputs)       0
--   8     pace_score                player_composite_factors (0 without inputs)       0
--   9     usage_spike_score         player_composite_factors (0 without inputs)       0
--   10    days_rest                 upcoming_player_game_context (the team's)         7
--   11    is_back_to_back           upcoming_player_game_context, 1.0 / 0.0           0.0
--   12    is_home_game              upcoming_player_game_context is_home, 1.0 / 0.0   0.0
--   13    games_played_season       player_daily_cache                                0
--   14    paint_rate_last_10        player_shot_zone_analysis                         0.30 (league)
--   15    mid_range_rate_last_10    player_shot_zone_analysis                         0.20 (league)
--   16    three_rate_last_10        player_shot_zone_analysis                         0.30 (league)
--   17    assisted_rate_last_10     player_shot_zone_analysis                         0.60 (league)
--   18    opponent_defensive_rating team_defense_zone_analysis.defensive_rating_avg  112.0
--                                   of the opponent (points allowed per 100 possessions)
--   19    team_pace_avg_last_10     upcoming_team_game_context (possessions per 48)   100.0
--   20    ts_pct_avg_last_10        player_daily_cache                                0
-- Why these defaults: a player without games played yet (a rookie, a first game of the season)
-- has no averages, and 0 says "nothing yet" (games_played_season = 0 tells the model so);
-- days_rest is NULL only for the team's first game of the season, which follows at least a week
-- off, hence 7; 14-17 are the platform's league averages (runbook rule; they do not sum to 1);
-- 18 and 19 fall back to about the league's average defensive rating and pace of the recent
-- seasons, for an opponent or team without a game with a result yet this season.
WITH roster AS (
    SELECT game_id, game_date, season, season_type, team, opponent, is_home, player_id, player_name,
           days_rest, is_back_to_back, points_line, has_prop_line
    FROM analytics.upcoming_player_game_context
    WHERE game_date = @game_date
),

daily_cache AS (
    SELECT game_id, player_id, games_played_season, points_avg_last_5, points_avg_last_10,
           points_avg_season, points_std_last_10, minutes_avg_last_10, usage_rate_avg_last_10,
           ts_pct_avg_last_10
    FROM precompute.player_daily_cache
    WHERE game_date = @game_date
),

composite_factors AS (
    SELECT game_id, player_id, fatigue_score, shot_zone_mismatch_score, pace_score, usage_spike_score
    FROM precompute.player_composite_factors
    WHERE game_date = @game_date
),

player_zones AS (
    SELECT game_id, player_id, has_zone_data, paint_rate_last_10, mid_range_rate_last_10,
           three_rate_last_10, assisted_rate_last_10
    FROM precompute.player_shot_zone_analysis
    WHERE game_date = @game_date
),

team_defense AS (
    SELECT game_id, team, defensive_rating_avg
    FROM precompute.team_defense_zone_analysis
    WHERE game_date = @game_date
),

team_pace AS (
    SELECT game_id, team, pace_avg_last_10
    FROM analytics.upcoming_team_game_context
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
    r.points_line,
    COALESCE(r.has_prop_line, FALSE) AS has_prop_line,
    'v2' AS feature_version,
    CAST(21 AS INT64) AS feature_count,
    NOT COALESCE(pz.has_zone_data, FALSE)
        OR pz.paint_rate_last_10 IS NULL OR pz.mid_range_rate_last_10 IS NULL
        OR pz.three_rate_last_10 IS NULL OR pz.assisted_rate_last_10 IS NULL AS zone_features_imputed,
    ops.safe_div(COALESCE(dc.points_avg_last_5, 0), 1) AS points_avg_last_5,
    ops.safe_div(COALESCE(dc.points_avg_last_10, 0), 1) AS points_avg_last_10,
    ops.safe_div(COALESCE(dc.points_avg_season, 0), 1) AS points_avg_season,
    ops.safe_div(COALESCE(dc.points_std_last_10, 0), 1) AS points_std_last_10,
    ops.safe_div(COALESCE(dc.minutes_avg_last_10, 0), 1) AS minutes_avg_last_10,
    ops.safe_div(COALESCE(dc.usage_rate_avg_last_10, 0), 1) AS usage_rate_avg_last_10,
    ops.safe_div(COALESCE(cf.fatigue_score, 0), 1) AS fatigue_score,
    ops.safe_div(COALESCE(cf.shot_zone_mismatch_score, 0), 1) AS shot_zone_mismatch_score,
    ops.safe_div(COALESCE(cf.pace_score, 0), 1) AS pace_score,
    ops.safe_div(COALESCE(cf.usage_spike_score, 0), 1) AS usage_spike_score,
    ops.safe_div(COALESCE(r.days_rest, 7), 1) AS days_rest,
    ops.safe_div(CASE WHEN r.is_back_to_back THEN 1 ELSE 0 END, 1) AS is_back_to_back,
    ops.safe_div(CASE WHEN r.is_home THEN 1 ELSE 0 END, 1) AS is_home_game,
    ops.safe_div(COALESCE(dc.games_played_season, 0), 1) AS games_played_season,
    ops.safe_div(COALESCE(pz.paint_rate_last_10, 0.30), 1) AS paint_rate_last_10,
    ops.safe_div(COALESCE(pz.mid_range_rate_last_10, 0.20), 1) AS mid_range_rate_last_10,
    ops.safe_div(COALESCE(pz.three_rate_last_10, 0.30), 1) AS three_rate_last_10,
    ops.safe_div(COALESCE(pz.assisted_rate_last_10, 0.60), 1) AS assisted_rate_last_10,
    ops.safe_div(COALESCE(od.defensive_rating_avg, 112.0), 1) AS opponent_defensive_rating,
    ops.safe_div(COALESCE(tp.pace_avg_last_10, 100.0), 1) AS team_pace_avg_last_10,
    ops.safe_div(COALESCE(dc.ts_pct_avg_last_10, 0), 1) AS ts_pct_avg_last_10
FROM roster AS r
LEFT JOIN daily_cache AS dc ON dc.game_id = r.game_id AND dc.player_id = r.player_id
LEFT JOIN composite_factors AS cf ON cf.game_id = r.game_id AND cf.player_id = r.player_id
LEFT JOIN player_zones AS pz ON pz.game_id = r.game_id AND pz.player_id = r.player_id
LEFT JOIN team_defense AS od ON od.game_id = r.game_id AND od.team = r.opponent
LEFT JOIN team_pace AS tp ON tp.game_id = r.game_id AND tp.team = r.team
