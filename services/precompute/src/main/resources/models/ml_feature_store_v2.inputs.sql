-- ml_feature_store_v2's inputs gate (SqlModelProcessor): one row per input with nothing of @game_date.
-- The model writes one row per roster row of upcoming_player_game_context: without one, it has nothing to work from,
-- and the task ends SKIPPED with this reason instead of SUCCEEDED with 0 rows. Every other source is LEFT JOINed
-- (a player without history takes the features' defaults), so only the roster decides.
SELECT 'no rows in analytics.upcoming_player_game_context (no roster)' AS missing
FROM (
    SELECT COUNT(*) AS roster_rows
    FROM analytics.upcoming_player_game_context
    WHERE game_date = @game_date
) AS roster
WHERE roster.roster_rows = 0
