-- Test model of freshness-catalog.json (FreshnessEndToEndTest).
-- Grain: one row per game date. Source: raw.odds of the date.
SELECT
    CAST(@game_date AS DATE) AS game_date,
    COUNT(*) AS lines,
    COALESCE(SUM(line), 0) AS line_total
FROM raw.odds
WHERE game_date = @game_date
