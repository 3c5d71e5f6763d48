-- A test model: copies the date's rows of test_input.scores (table created by SqlModelProcessorGateTest).
SELECT game_date, player_id, points
FROM test_input.scores
WHERE game_date = @game_date
