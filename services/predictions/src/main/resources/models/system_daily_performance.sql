-- system_daily_performance: how each prediction system did on @game_date, over all its graded
-- predictions of the date.
--
-- Grain: one row per system_id with at least one graded prediction on @game_date (a row of
-- predictions.prediction_accuracy of @game_date), partitioned by game_date. A system whose
-- predictions of the date were all ungraded (no model yet, players who did not play) has no row.
-- Source: predictions.prediction_accuracy of @game_date (same-date dependency).
--
-- Definitions (error = actual - predicted, per prediction_accuracy):
--   predictions_graded = graded predictions of the system on the date.
--   mae   = AVG(|error|); bias = AVG(error) (positive: the system predicts too few points);
--   rmse  = SQRT(AVG(error * error)).
--   over_calls, under_calls = graded predictions with recommendation 'OVER' / 'UNDER', pushes
--                      included; pushes = those calls whose line pushed (is_correct NULL).
--   recommendations    = calls with a result (is_correct NOT NULL)
--                      = over_calls + under_calls - pushes; 'PASS' and line-less predictions
--                      are never calls.
--   correct            = calls with is_correct TRUE; hit_rate = correct / recommendations, NULL
--                      when the system made no call with a result.
--   avg_confidence     = AVG(confidence) over the graded predictions (NULL confidences skipped).
WITH graded AS (
    SELECT game_date, season, system_id, error, absolute_error, recommendation, actual_result, is_correct, confidence
    FROM predictions.prediction_accuracy
    WHERE game_date = @game_date
),

per_system AS (
    SELECT game_date, season, system_id,
           COUNT(*) AS predictions_graded,
           AVG(absolute_error) AS mae,
           AVG(error) AS bias,
           SQRT(AVG(error * error)) AS rmse,
           COUNT(CASE WHEN is_correct IS NOT NULL THEN 1 END) AS recommendations,
           COUNT(CASE WHEN is_correct THEN 1 END) AS correct,
           COUNT(CASE WHEN recommendation = 'OVER' THEN 1 END) AS over_calls,
           COUNT(CASE WHEN recommendation = 'UNDER' THEN 1 END) AS under_calls,
           COUNT(CASE WHEN recommendation IN ('OVER', 'UNDER') AND actual_result = 'PUSH' THEN 1 END) AS pushes,
           AVG(confidence) AS avg_confidence
    FROM graded
    GROUP BY game_date, season, system_id
)

SELECT
    game_date,
    season,
    system_id,
    CAST(predictions_graded AS INT64) AS predictions_graded,
    mae,
    bias,
    rmse,
    CAST(recommendations AS INT64) AS recommendations,
    CAST(correct AS INT64) AS correct,
    ops.safe_div(correct, recommendations) AS hit_rate,
    CAST(over_calls AS INT64) AS over_calls,
    CAST(under_calls AS INT64) AS under_calls,
    CAST(pushes AS INT64) AS pushes,
    avg_confidence
FROM per_system
