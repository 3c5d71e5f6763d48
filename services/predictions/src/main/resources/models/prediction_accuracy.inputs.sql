-- prediction_accuracy's inputs gate (SqlModelProcessor): one row per input with nothing of @game_date.
-- Grading reads the date's predictions (predicted_points not NULL): without one, it has nothing to grade, and the task
-- ends SKIPPED with this reason instead of SUCCEEDED with 0 rows.
SELECT 'no rows in predictions.player_prop_predictions with a predicted_points (nothing to grade)' AS missing
FROM (
    SELECT COUNT(*) AS predictions_made
    FROM predictions.player_prop_predictions
    WHERE game_date = @game_date
      AND predicted_points IS NOT NULL
) AS made
WHERE made.predictions_made = 0
