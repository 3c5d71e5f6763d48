-- team_offense_game_summary: what each team did with the ball in one game.
--
-- Grain: one row per team per scheduled game on @game_date (both teams of every game in
-- raw.schedule), partitioned by game_date.
-- Sources: raw.schedule, raw.team_box_scores, raw.player_box_scores (all of @game_date only).
--
-- team_source says where the totals come from:
--   'team_box_scores'  the team source has the team's row for the game;
--   'reconstructed'    it does not, so the totals are sums of raw.player_box_scores (the runbooks
--                      found 99.7% of team totals rebuilt this way); team minutes are then
--                      240 + 25 * overtime_periods, overtime_periods being the summed player
--                      minutes beyond 240 rounded to the nearest 25-minute period (5 players x 5);
--   'missing'          neither source has the team: the row is kept, its totals are NULL.
--
-- Formulas:
--   possessions      = FGA - OREB + TOV + 0.44 * FTA, the usual simplified single-team estimate;
--                      0.44 is the share of free-throw attempts taken to end a possession, the
--                      factor Basketball-Reference also uses in TS% and USG%. 0.44 * FTA is
--                      written 44 * fta / 100: / is floating division on DuckDB and BigQuery
--                      alike, whereas a 0.44 literal is DECIMAL on DuckDB and FLOAT64 on BigQuery.
--   offensive_rating = 100 * points / possessions (points per 100 possessions).
--   pace             = 48 * possessions / (minutes / 5): possessions per 48 minutes, team minutes
--                      being five players' minutes (265 after one overtime). This is the team's
--                      own pace; Basketball-Reference's game pace averages both teams' possessions.
--   efg_pct          = (FGM + 0.5 * 3PM) / FGA; ts_pct = points / (2 * (FGA + 0.44 * FTA)).
WITH scheduled_games AS (
    SELECT game_id, game_date, season, season_type, home_team, away_team
    FROM raw.schedule
    WHERE game_date = @game_date
),

scheduled_teams AS (
    SELECT game_id, game_date, season, season_type, home_team AS team, away_team AS opponent, TRUE AS is_home
    FROM scheduled_games
    UNION ALL
    SELECT game_id, game_date, season, season_type, away_team AS team, home_team AS opponent, FALSE AS is_home
    FROM scheduled_games
),

reported_totals AS (
    SELECT game_id, team, minutes, overtime_periods, points, fgm, fga, fg3m, fg3a, ftm, fta,
           oreb, dreb, ast, stl, blk, tov, pf
    FROM raw.team_box_scores
    WHERE game_date = @game_date
),

player_box_sums AS (
    SELECT game_id, team,
           SUM(minutes) AS player_minutes,
           CAST(SUM(points) AS INT64) AS points,
           CAST(SUM(fgm) AS INT64) AS fgm,
           CAST(SUM(fga) AS INT64) AS fga,
           CAST(SUM(fg3m) AS INT64) AS fg3m,
           CAST(SUM(fg3a) AS INT64) AS fg3a,
           CAST(SUM(ftm) AS INT64) AS ftm,
           CAST(SUM(fta) AS INT64) AS fta,
           CAST(SUM(oreb) AS INT64) AS oreb,
           CAST(SUM(dreb) AS INT64) AS dreb,
           CAST(SUM(ast) AS INT64) AS ast,
           CAST(SUM(stl) AS INT64) AS stl,
           CAST(SUM(blk) AS INT64) AS blk,
           CAST(SUM(tov) AS INT64) AS tov,
           CAST(SUM(pf) AS INT64) AS pf
    FROM raw.player_box_scores
    WHERE game_date = @game_date
    GROUP BY game_id, team
),

reconstructed_totals AS (
    SELECT s.game_id, s.team,
           CASE WHEN ROUND((s.player_minutes - 240) / 25) > 0
                THEN CAST(ROUND((s.player_minutes - 240) / 25) AS INT64)
                ELSE 0 END AS overtime_periods,
           s.points, s.fgm, s.fga, s.fg3m, s.fg3a, s.ftm, s.fta, s.oreb, s.dreb, s.ast, s.stl, s.blk, s.tov, s.pf
    FROM player_box_sums AS s
    LEFT JOIN reported_totals AS r ON r.game_id = s.game_id AND r.team = s.team
    WHERE r.team IS NULL
),

team_totals AS (
    SELECT game_id, team, minutes, overtime_periods, points, fgm, fga, fg3m, fg3a, ftm, fta,
           oreb, dreb, ast, stl, blk, tov, pf, 'team_box_scores' AS team_source
    FROM reported_totals
    UNION ALL
    SELECT game_id, team, 240 + 25 * overtime_periods AS minutes, overtime_periods, points, fgm, fga,
           fg3m, fg3a, ftm, fta, oreb, dreb, ast, stl, blk, tov, pf, 'reconstructed' AS team_source
    FROM reconstructed_totals
),

team_possessions AS (
    SELECT game_id, team, fga - oreb + tov + 44 * fta / 100 AS possessions
    FROM team_totals
)

SELECT
    st.game_id,
    st.game_date,
    st.season,
    st.season_type,
    st.team,
    st.opponent,
    st.is_home,
    tt.minutes,
    tt.overtime_periods,
    tt.points,
    tt.fgm,
    tt.fga,
    tt.fg3m,
    tt.fg3a,
    tt.ftm,
    tt.fta,
    tt.oreb,
    tt.dreb,
    tt.oreb + tt.dreb AS reb,
    tt.ast,
    tt.stl,
    tt.blk,
    tt.tov,
    tt.pf,
    ops.safe_div(tt.fgm, tt.fga) AS fg_pct,
    ops.safe_div(tt.fg3m, tt.fg3a) AS fg3_pct,
    ops.safe_div(tt.ftm, tt.fta) AS ft_pct,
    ops.safe_div(2 * tt.fgm + tt.fg3m, 2 * tt.fga) AS efg_pct,
    ops.safe_div(tt.points, 2 * (tt.fga + 44 * tt.fta / 100)) AS ts_pct,
    tp.possessions,
    ops.safe_div(100 * tt.points, tp.possessions) AS offensive_rating,
    ops.safe_div(48 * tp.possessions, tt.minutes / 5) AS pace,
    COALESCE(tt.team_source, 'missing') AS team_source
FROM scheduled_teams AS st
LEFT JOIN team_totals AS tt ON tt.game_id = st.game_id AND tt.team = st.team
LEFT JOIN team_possessions AS tp ON tp.game_id = st.game_id AND tp.team = st.team
