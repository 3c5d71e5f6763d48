-- Output checks of team_offense_game_summary for @game_date: the per-date gate. One row per
-- problem, none when the partition is sound; a problem fails the task, so nothing downstream runs
-- on the date until the input is fixed and the task replayed. From the runbooks' validation:
--   teams:   two rows per game of raw.schedule on the date (teams per date match the schedule);
--   game_id: every id is YYYYMMDD_AWAY_HOME with the date's own YYYYMMDD and the row's teams.
WITH expected AS (
    SELECT 2 * COUNT(*) AS teams
    FROM raw.schedule
    WHERE game_date = @game_date
),

written AS (
    SELECT COUNT(*) AS teams,
           COUNT(CASE
                     WHEN LENGTH(game_id) = 16
                      AND SUBSTR(game_id, 1, 8) = REPLACE(CAST(game_date AS STRING), '-', '')
                      AND SUBSTR(game_id, 9, 1) = '_'
                      AND SUBSTR(game_id, 13, 1) = '_'
                      AND SUBSTR(game_id, 10, 3) = CASE WHEN is_home THEN opponent ELSE team END
                      AND SUBSTR(game_id, 14, 3) = CASE WHEN is_home THEN team ELSE opponent END
                     THEN NULL ELSE 1
                 END) AS bad_ids
    FROM analytics.team_offense_game_summary
    WHERE game_date = @game_date
)

SELECT 'teams: ' || CAST(w.teams AS STRING) || ' rows for ' || CAST(e.teams AS STRING)
       || ' scheduled teams' AS problem
FROM expected AS e
CROSS JOIN written AS w
WHERE w.teams <> e.teams
UNION ALL
SELECT 'game_id: ' || CAST(bad_ids AS STRING) || ' rows whose id is not YYYYMMDD_AWAY_HOME of the date' AS problem
FROM written
WHERE bad_ids > 0
