-- Test model of freshness-catalog.json (FreshnessEndToEndTest).
-- Grain: one row per game date. Source: raw.feed of the two days before (every day of the test season has games,
-- so they are its two previous game dates, the catalog's window previous:2).
SELECT
    CAST(@game_date AS DATE) AS game_date,
    COALESCE(SUM(v), 0) AS recent_total
FROM raw.feed
WHERE game_date BETWEEN CAST(@game_date AS DATE) - INTERVAL 2 DAY AND CAST(@game_date AS DATE) - INTERVAL 1 DAY
