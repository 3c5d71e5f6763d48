-- player_prop_predictions: three prediction systems per player-game of @game_date.
--
-- Grain: one row per (row of precompute.ml_feature_store_v2 of @game_date, system), i.e. every
-- player on the roster of a game of the date, DNP included (nobody knows before tip-off), three
-- systems each. Partitioned by game_date.
-- Sources: precompute.ml_feature_store_v2 of @game_date; the xgboost scores, computed in Java by
-- PlayerPropPredictions and put in place of the ml_scores table below (as written, ml_scores is
-- empty: the days before the model has enough training rows).
--
-- Systems:
--   moving_average  predicted = points_avg_last_10 (the player's last 10 games played this
--                   season); NULL before his first game of the season.
--   xgboost         predicted = the trained model's score; model_version, training_from,
--                   training_to (last date of the training rows, before the week's cutoff) and
--                   training_rows record what it learned from. NULL without a model.
--   ensemble        65% xgboost + 35% moving_average when both exist, else whichever exists.
-- Calls against the points line (raw prop lines may be missing on older dates):
--   edge           = predicted_points - points_line (NULL without a line or a prediction).
--   recommendation = 'OVER' when edge >= 1, 'UNDER' when edge <= -1, else 'PASS'; NULL without a
--                    line or a prediction.
--   confidence     = with a line: LEAST(1, |edge| / (2 * sigma)); without one:
--                    predicted / (predicted + sigma), sigma = GREATEST(points_std_last_10, 4)
--                    (a player's spread, floored so that a few quiet games do not look certain).
--                    In [0, 1]; NULL without a prediction.
WITH ml_scores AS (
    -- ML_SCORES_BEGIN
    SELECT CAST(NULL AS STRING) AS game_id, CAST(NULL AS STRING) AS player_id,
           ops.safe_div(CAST(NULL AS INT64), 1) AS ml_points,
           CAST(NULL AS STRING) AS model_version, CAST(NULL AS DATE) AS training_from,
           CAST(NULL AS DATE) AS training_to, CAST(NULL AS INT64) AS training_rows
    FROM (SELECT 1 AS nothing) AS no_model
    WHERE FALSE
    -- ML_SCORES_END
),

features AS (
    SELECT f.game_id, f.game_date, f.season, f.season_type, f.team, f.opponent, f.is_home,
           f.player_id, f.player_name, f.points_line, f.has_prop_line,
           CASE WHEN f.games_played_season > 0 THEN f.points_avg_last_10 END AS moving_average_points,
           GREATEST(f.points_std_last_10, 4) AS sigma,
           m.ml_points, m.model_version, m.training_from, m.training_to, m.training_rows
    FROM precompute.ml_feature_store_v2 AS f
    LEFT JOIN ml_scores AS m ON m.game_id = f.game_id AND m.player_id = f.player_id
    WHERE f.game_date = @game_date
),

systems AS (
    SELECT game_id, game_date, season, season_type, team, opponent, is_home, player_id, player_name,
           points_line, has_prop_line, sigma,
           'moving_average' AS system_id, 'ma10-v1' AS system_version,
           moving_average_points AS predicted_points,
           CAST(NULL AS STRING) AS model_version, CAST(NULL AS DATE) AS training_from,
           CAST(NULL AS DATE) AS training_to, CAST(NULL AS INT64) AS training_rows
    FROM features
    UNION ALL
    SELECT game_id, game_date, season, season_type, team, opponent, is_home, player_id, player_name,
           points_line, has_prop_line, sigma,
           'xgboost', COALESCE(model_version, 'xgb-v1-untrained'),
           ml_points, model_version, training_from, training_to, training_rows
    FROM features
    UNION ALL
    SELECT game_id, game_date, season, season_type, team, opponent, is_home, player_id, player_name,
           points_line, has_prop_line, sigma,
           'ensemble', 'ens-v1',
           CASE
               WHEN ml_points IS NOT NULL AND moving_average_points IS NOT NULL
                   THEN (65 * ml_points + 35 * moving_average_points) / 100
               ELSE COALESCE(ml_points, moving_average_points)
           END,
           model_version, training_from, training_to, training_rows
    FROM features
)

SELECT
    game_id,
    game_date,
    season,
    season_type,
    team,
    opponent,
    is_home,
    player_id,
    player_name,
    system_id,
    system_version,
    predicted_points,
    points_line,
    has_prop_line,
    predicted_points - points_line AS edge,
    CASE
        WHEN predicted_points IS NULL OR points_line IS NULL THEN NULL
        WHEN predicted_points - points_line >= 1 THEN 'OVER'
        WHEN predicted_points - points_line <= -1 THEN 'UNDER'
        ELSE 'PASS'
    END AS recommendation,
    CASE
        WHEN predicted_points IS NULL THEN NULL
        WHEN points_line IS NOT NULL THEN LEAST(1, ABS(predicted_points - points_line) / (2 * sigma))
        ELSE GREATEST(predicted_points, 0) / (GREATEST(predicted_points, 0) + sigma)
    END AS confidence,
    model_version,
    training_from,
    training_to,
    training_rows
FROM systems
