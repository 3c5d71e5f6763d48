-- The test model's inputs gate: one row per input with nothing of @game_date (SqlModelProcessorGateTest).
SELECT 'no rows in test_input.scores' AS missing
FROM (SELECT COUNT(*) AS n FROM test_input.scores WHERE game_date = @game_date) AS scores
WHERE scores.n = 0
