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
-- Team turnovers: tov is the team's total as the team source reports it, team turnovers (shot
-- clock, 5- and 8-second violations, charged to no player) included. team_turnovers is that part:
-- tov minus the turnovers credited to the team's players in raw.player_box_scores. It is NULL when
-- the totals are 'reconstructed' (player box scores carry no team turnovers, so such a tov LACKS
-- them and the count is unknown) and when the team source has the team but no player has a row.
--
-- Formulas (Basketball-Reference glossary, https://www.basketball-reference.com/about/glossary.html,
-- checked against its published box scores in RealBoxScoresTest):
--   possessions      = 0.5 * ((Tm FGA + 0.4 * Tm FTA - 1.07 * (Tm ORB / (Tm ORB + Opp DRB))
--                               * (Tm FGA - Tm FG) + Tm TOV)
--                             + (Opp FGA + 0.4 * Opp FTA - 1.07 * (Opp ORB / (Opp ORB + Tm DRB))
--                               * (Opp FGA - Opp FG) + Opp TOV)),
--                      the game's possessions estimated from both teams' box scores, so both rows of
--                      a game carry the same value; TOV is the team total (team turnovers included,
--                      as Basketball-Reference counts them here). ORB / (ORB + Opp DRB) is 0 when
--                      neither team has such a rebound. NULL when either team's totals are missing.
--                      (This replaces the single-team estimate FGA - OREB + TOV + 0.44 * FTA, which
--                      ran about 2.4 possessions per 48 minutes off Basketball-Reference's figures; it
--                      is not kept: nothing downstream needs a second, disagreeing possession count.)
--   offensive_rating = 100 * points / possessions (points per 100 possessions, Basketball-Reference's
--                      team ORtg); the defensive rating (100 * opponent points / possessions) is
--                      team_defense_game_summary's.
--   pace             = 48 * ((Tm Poss + Opp Poss) / (2 * (Tm MP / 5))) = 48 * possessions / (minutes / 5):
--                      possessions per 48 minutes, team minutes being five players' minutes (265
--                      after one overtime); the same for both teams of a game.
--   efg_pct          = (FGM + 0.5 * 3PM) / FGA; ts_pct = points / (2 * (FGA + 0.44 * FTA)).
--   Decimal factors are written as integer fractions (0.4 * FTA as 4 * fta / 10, 1.07 as 107 / 100,
--   0.44 * FTA as 44 * fta / 100): / is floating division on DuckDB and BigQuery alike, whereas a
--   0.44 literal is DECIMAL on DuckDB and FLOAT64 on BigQuery.
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
    SELECT r.game_id, r.team, r.minutes, r.overtime_periods, r.points, r.fgm, r.fga, r.fg3m, r.fg3a, r.ftm,
           r.fta, r.oreb, r.dreb, r.ast, r.stl, r.blk, r.tov, r.tov - s.tov AS team_turnovers, r.pf,
           'team_box_scores' AS team_source
    FROM reported_totals AS r
    LEFT JOIN player_box_sums AS s ON s.game_id = r.game_id AND s.team = r.team
    UNION ALL
    SELECT game_id, team, 240 + 25 * overtime_periods AS minutes, overtime_periods, points, fgm, fga,
           fg3m, fg3a, ftm, fta, oreb, dreb, ast, stl, blk, tov, CAST(NULL AS INT64) AS team_turnovers, pf,
           'reconstructed' AS team_source
    FROM reconstructed_totals
),

game_possessions AS (
    SELECT st.game_id, st.team,
           (  tm.fga + 4 * tm.fta / 10
            - 107 * COALESCE(ops.safe_div(tm.oreb, tm.oreb + op.dreb), 0) * (tm.fga - tm.fgm) / 100 + tm.tov
            + op.fga + 4 * op.fta / 10
            - 107 * COALESCE(ops.safe_div(op.oreb, op.oreb + tm.dreb), 0) * (op.fga - op.fgm) / 100 + op.tov
           ) / 2 AS possessions
    FROM scheduled_teams AS st
    JOIN team_totals AS tm ON tm.game_id = st.game_id AND tm.team = st.team
    JOIN team_totals AS op ON op.game_id = st.game_id AND op.team = st.opponent
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
    tt.team_turnovers,
    tt.pf,
    ops.safe_div(tt.fgm, tt.fga) AS fg_pct,
    ops.safe_div(tt.fg3m, tt.fg3a) AS fg3_pct,
    ops.safe_div(tt.ftm, tt.fta) AS ft_pct,
    ops.safe_div(2 * tt.fgm + tt.fg3m, 2 * tt.fga) AS efg_pct,
    ops.safe_div(tt.points, 2 * (tt.fga + 44 * tt.fta / 100)) AS ts_pct,
    gp.possessions,
    ops.safe_div(100 * tt.points, gp.possessions) AS offensive_rating,
    ops.safe_div(48 * gp.possessions, tt.minutes / 5) AS pace,
    COALESCE(tt.team_source, 'missing') AS team_source
FROM scheduled_teams AS st
LEFT JOIN team_totals AS tt ON tt.game_id = st.game_id AND tt.team = st.team
LEFT JOIN game_possessions AS gp ON gp.game_id = st.game_id AND gp.team = st.team
