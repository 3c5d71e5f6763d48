-- prediction_accuracy: each prediction of @game_date graded against what the player scored.
--
-- Grain: one row per (player, prediction system) of @game_date whose prediction was made
-- (predicted_points NOT NULL) and whose player played (minutes > 0 in the box score), i.e. per
-- graded row of predictions.player_prop_predictions of @game_date. Partitioned by game_date.
-- Not graded, so absent: predictions of systems that had no model yet (predicted_points NULL), and
-- players who did not play (minutes NULL or 0, DNP or inactive) or are missing from the box score.
-- Sources: predictions.player_prop_predictions of @game_date (same-date dependency) and
-- analytics.player_game_summary of @game_date (same-date dependency: the actual points).
--
-- Definitions:
--   error          = actual_points - predicted_points (positive: the system predicted too few);
--                    absolute_error = |error|.
--   actual_result  = the game's result against the prop line: 'OVER' when actual_points >
--                    points_line, 'UNDER' when <, 'PUSH' when equal; NULL without a line.
--   is_correct     = recommendation = actual_result for an 'OVER' or 'UNDER' call whose result is
--                    'OVER' or 'UNDER'; NULL when there is no call (recommendation NULL or 'PASS')
--                    or the line pushed (a push is refunded: neither right nor wrong).
--   scoring_tier   = the tier of the PREDICTED points (what a future prediction can be binned
--                    by): '0-9' when predicted_points < 10, '10-19' when < 20, '20-29' when < 30,
--                    '30+' otherwise; a negative prediction falls in '0-9'.
WITH predictions_made AS (
    SELECT game_id, game_date, season, season_type, team, opponent, is_home, player_id, player_name,
           system_id, system_version, model_version, predicted_points, points_line, recommendation,
           confidence
    FROM predictions.player_prop_predictions
    WHERE game_date = @game_date
      AND predicted_points IS NOT NULL
),

players_who_played AS (
    SELECT game_id, player_id, CAST(points AS INT64) AS actual_points
    FROM analytics.player_game_summary
    WHERE game_date = @game_date
      AND minutes > 0
      AND points IS NOT NULL
),

graded AS (
    SELECT pm.game_id, pm.game_date, pm.season, pm.season_type, pm.team, pm.opponent, pm.is_home,
           pm.player_id, pm.player_name, pm.system_id, pm.system_version, pm.model_version,
           pm.predicted_points, pm.points_line, pm.recommendation, pm.confidence,
           pl.actual_points,
           pl.actual_points - pm.predicted_points AS error,
           CASE
               WHEN pm.points_line IS NULL THEN NULL
               WHEN pl.actual_points > pm.points_line THEN 'OVER'
               WHEN pl.actual_points < pm.points_line THEN 'UNDER'
               ELSE 'PUSH'
           END AS actual_result
    FROM predictions_made AS pm
    JOIN players_who_played AS pl ON pl.game_id = pm.game_id AND pl.player_id = pm.player_id
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
    model_version,
    predicted_points,
    points_line,
    recommendation,
    confidence,
    actual_points,
    error,
    ABS(error) AS absolute_error,
    actual_result,
    CASE
        WHEN recommendation IN ('OVER', 'UNDER') AND actual_result IN ('OVER', 'UNDER')
            THEN recommendation = actual_result
    END AS is_correct,
    CASE
        WHEN predicted_points < 10 THEN '0-9'
        WHEN predicted_points < 20 THEN '10-19'
        WHEN predicted_points < 30 THEN '20-29'
        ELSE '30+'
    END AS scoring_tier
FROM graded
