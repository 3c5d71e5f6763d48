-- The test model's gate: no negative points.
SELECT 'points: ' || CAST(COUNT(*) AS STRING) || ' negative' AS problem
FROM analytics.gated_scores
WHERE game_date = @game_date AND points < 0
HAVING COUNT(*) > 0
