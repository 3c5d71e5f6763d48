-- Test model of freshness-catalog.json (FreshnessEndToEndTest).
-- Grain: one row per game date. Source: feed_daily of the date and the two days before (same-date + previous:2).
SELECT
    CAST(@game_date AS DATE) AS game_date,
    COALESCE(SUM(total), 0) AS trend_total
FROM analytics.feed_daily
WHERE game_date BETWEEN CAST(@game_date AS DATE) - INTERVAL 2 DAY AND CAST(@game_date AS DATE)
