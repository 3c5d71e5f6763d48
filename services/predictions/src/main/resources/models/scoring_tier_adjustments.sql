-- scoring_tier_adjustments: the bias of each prediction system per scoring tier over the last 30
-- days, to be added to its future predictions of that tier (Phase 5C, ML feedback).
--
-- Grain: one row per (system_id, scoring_tier) with at least one graded prediction in the window;
-- partitioned by game_date (the date the adjustments were computed on, @game_date). Tiers without
-- data have no row (no adjustment).
-- Sources: predictions.prediction_accuracy of @game_date (same-date dependency: the season of the
-- date) and of the earlier dates of the same season (season-to-date dependency: the window).
--
-- Definitions:
--   window            = graded predictions dated @game_date - 29 .. @game_date (30 calendar days,
--                       both ends included) of @game_date's season: rows of an earlier season are
--                       never read, even within 30 days. The season is that of @game_date's
--                       graded predictions, so a date without any graded prediction has no rows.
--   window_start      = @game_date - 29, the window's first date (written out for readers of the table).
--   scoring_tier      = prediction_accuracy's tier of the predicted points: '0-9' (< 10), '10-19'
--                       (< 20), '20-29' (< 30), '30+'.
--   predictions_graded = n, the graded predictions of the system and tier in the window.
--   bias              = AVG(actual - predicted): the raw correction to add to a prediction of the
--                       tier (positive: the system predicts too few points there). mae = AVG(|error|).
--   suggested_adjustment = bias * n / (n + 20): the bias shrunk toward 0 for small samples, as an
--                       empirical-Bayes mean with a prior of 0 worth 20 predictions. At n = 20 it is
--                       half the bias; at n = 180, 90% of it. The 20 is a tuning choice, not a
--                       measured constant.
WITH season_of_date AS (
    SELECT DISTINCT game_date, season
    FROM predictions.prediction_accuracy
    WHERE game_date = @game_date
),

last_30_days AS (
    SELECT d.game_date, d.season, pa.system_id, pa.scoring_tier, pa.error, pa.absolute_error
    FROM predictions.prediction_accuracy AS pa
    JOIN season_of_date AS d ON d.season = pa.season
    WHERE pa.game_date >= ops.add_days(@game_date, -29)
      AND pa.game_date <= @game_date
),

per_tier AS (
    SELECT game_date, season, system_id, scoring_tier,
           COUNT(*) AS predictions_graded,
           AVG(error) AS bias,
           AVG(absolute_error) AS mae
    FROM last_30_days
    GROUP BY game_date, season, system_id, scoring_tier
)

SELECT
    game_date,
    season,
    ops.add_days(game_date, -29) AS window_start,
    system_id,
    scoring_tier,
    CAST(predictions_graded AS INT64) AS predictions_graded,
    bias,
    mae,
    bias * predictions_graded / (predictions_graded + 20) AS suggested_adjustment
FROM per_tier
