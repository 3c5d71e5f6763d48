-- Test model gate of freshness-catalog.json (SkipReasonEndToEndTest): a date without raw.odds has nothing to work from.
SELECT 'no rows in raw.odds' AS missing
FROM (SELECT COUNT(*) AS n FROM raw.odds WHERE game_date = @game_date) AS odds
WHERE odds.n = 0
