-- Test model of freshness-catalog.json (FreshnessEndToEndTest).
-- Grain: one row per game date. Source: raw.feed of the date.
SELECT
    CAST(@game_date AS DATE) AS game_date,
    COUNT(*) AS readings,
    COALESCE(SUM(v), 0) AS total
FROM raw.feed
WHERE game_date = @game_date
