-- Output checks of player_game_summary for @game_date: the per-date gate. One row per problem,
-- none when the partition is sound; a problem fails the task, so nothing downstream runs on the
-- date until the input is fixed and the task replayed. From the runbooks' validation:
--   usage_rate: present for >= 95% of player-games with at least 1 minute (it was 47.7% when
--               team totals were missing; below 1 minute usage_rate is NULL by definition, see the
--               model's header);
--   usage_rate: never above 100 (a player cannot use more than all of his team's plays; real box
--               scores have appearances of seconds, whose raw estimate ran over 1,000%);
--   game_id:    every id is YYYYMMDD_AWAY_HOME with the date's own YYYYMMDD.
WITH written AS (
    SELECT COUNT(CASE WHEN minutes >= 1 THEN 1 END) AS played,
           COUNT(CASE WHEN minutes >= 1 AND usage_rate IS NOT NULL THEN 1 END) AS with_usage,
           COUNT(CASE WHEN usage_rate > 100 THEN 1 END) AS usage_over_100,
           COUNT(CASE
                     WHEN LENGTH(game_id) = 16
                      AND SUBSTR(game_id, 1, 8) = REPLACE(CAST(game_date AS STRING), '-', '')
                      AND SUBSTR(game_id, 9, 1) = '_'
                      AND SUBSTR(game_id, 13, 1) = '_'
                     THEN NULL ELSE 1
                 END) AS bad_ids
    FROM analytics.player_game_summary
    WHERE game_date = @game_date
)

SELECT 'usage_rate: present for ' || CAST(with_usage AS STRING) || ' of ' || CAST(played AS STRING)
       || ' player-games with at least 1 minute (needs >= 95%)' AS problem
FROM written
WHERE played > 0 AND with_usage < 0.95 * played
UNION ALL
SELECT 'usage_rate: ' || CAST(usage_over_100 AS STRING) || ' player-games above 100' AS problem
FROM written
WHERE usage_over_100 > 0
UNION ALL
SELECT 'game_id: ' || CAST(bad_ids AS STRING) || ' rows whose id is not YYYYMMDD_AWAY_HOME of the date' AS problem
FROM written
WHERE bad_ids > 0
