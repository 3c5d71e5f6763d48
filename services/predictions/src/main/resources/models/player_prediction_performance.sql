-- player_prediction_performance: how well each prediction system has predicted each player lately
-- (his last 10 graded games) and over the season so far.
--
-- Grain: one row per (player, system_id) graded on @game_date, i.e. per row of
-- predictions.prediction_accuracy of @game_date; partitioned by game_date. A player who did not
-- play on @game_date, or whom the system did not predict, has no row that day.
-- Sources: predictions.prediction_accuracy of @game_date (same-date dependency: who is graded
-- today, and today's grades) and of the earlier dates of the same season (season-to-date
-- dependency: the windows).
--
-- Definitions:
--   graded games     = the player's rows of prediction_accuracy for THIS system in @game_date's
--                      season, dated up to and including @game_date (later partitions, present
--                      on a rerun, are never read). A game the player did not play, or that the
--                      system did not predict, is not graded and does not use up a slot; each
--                      system has its own window. Windows never reach into the previous season.
--   last 10          = the 10 most recent graded games, @game_date's included (ordered by
--                      game_date, then game_id); fewer early in the season. games_graded_last_10
--                      counts them: the 11th most recent graded game is outside.
--   mae_last_10      = AVG(|error|), bias_last_10 = AVG(error), error = actual - predicted.
--   recommendations_last_10 = calls with a result (is_correct NOT NULL: 'OVER' / 'UNDER' calls
--                      on a line that did not push); correct_last_10 = those right;
--                      hit_rate_last_10 = correct / recommendations, NULL when there were none.
--   games_graded_season_to_date, mae_season_to_date: the same over every graded game of the season
--                      up to and including @game_date.
WITH graded_today AS (
    SELECT game_id, game_date, season, season_type, team, opponent, is_home, player_id, player_name, system_id
    FROM predictions.prediction_accuracy
    WHERE game_date = @game_date
),

graded_season_to_date AS (
    SELECT pa.player_id, pa.system_id, pa.error, pa.absolute_error, pa.is_correct,
           ROW_NUMBER() OVER (PARTITION BY pa.player_id, pa.system_id
                              ORDER BY pa.game_date DESC, pa.game_id DESC) AS graded_games_ago
    FROM predictions.prediction_accuracy AS pa
    JOIN graded_today AS t
      ON t.player_id = pa.player_id AND t.system_id = pa.system_id AND t.season = pa.season
    WHERE pa.game_date <= @game_date
),

last_10_graded AS (
    SELECT player_id, system_id,
           COUNT(*) AS games_graded,
           AVG(absolute_error) AS mae,
           AVG(error) AS bias,
           COUNT(CASE WHEN is_correct IS NOT NULL THEN 1 END) AS recommendations,
           COUNT(CASE WHEN is_correct THEN 1 END) AS correct
    FROM graded_season_to_date
    WHERE graded_games_ago <= 10
    GROUP BY player_id, system_id
),

season_so_far AS (
    SELECT player_id, system_id,
           COUNT(*) AS games_graded,
           AVG(absolute_error) AS mae
    FROM graded_season_to_date
    GROUP BY player_id, system_id
)

SELECT
    t.game_id,
    t.game_date,
    t.season,
    t.season_type,
    t.team,
    t.opponent,
    t.is_home,
    t.player_id,
    t.player_name,
    t.system_id,
    CAST(l10.games_graded AS INT64) AS games_graded_last_10,
    l10.mae AS mae_last_10,
    l10.bias AS bias_last_10,
    CAST(l10.recommendations AS INT64) AS recommendations_last_10,
    CAST(l10.correct AS INT64) AS correct_last_10,
    ops.safe_div(l10.correct, l10.recommendations) AS hit_rate_last_10,
    CAST(s.games_graded AS INT64) AS games_graded_season_to_date,
    s.mae AS mae_season_to_date
FROM graded_today AS t
JOIN last_10_graded AS l10 ON l10.player_id = t.player_id AND l10.system_id = t.system_id
JOIN season_so_far AS s ON s.player_id = t.player_id AND s.system_id = t.system_id
