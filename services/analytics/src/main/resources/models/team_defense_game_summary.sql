-- team_defense_game_summary: what each team allowed in one game.
--
-- Grain: one row per team per scheduled game on @game_date, partitioned by game_date.
-- Sources: analytics.team_offense_game_summary of @game_date (same-date dependency: the
-- opponent's offense is this team's defense allowed, so the opponent's totals, their
-- reconstruction from player box scores included, are read from there rather than rebuilt);
-- raw.shot_events of @game_date for the shot zones allowed.
--
-- Formulas:
--   defensive_rating = 100 * points_allowed / opp_possessions (Basketball-Reference's team DRtg:
--                      points allowed per 100 possessions). opp_possessions is the opponent's
--                      possessions in team_offense_game_summary: Basketball-Reference's estimate
--                      from both teams' box scores, the same number as this team's own possessions,
--                      so a team's defensive rating is its opponent's offensive rating.
--   dreb_pct         = DREB / (DREB + opponent OREB), the share of available defensive rebounds.
--   opp_efg_pct      = (opponent FGM + 0.5 * opponent 3PM) / opponent FGA.
--   Shot zones allowed are the opponent's field-goal attempts and makes by zone in
--   raw.shot_events. They are NULL (and has_shot_zones FALSE) when the game has no play-by-play:
--   a whole date may be missing from that source, and then so is each of its games.
WITH team_offense AS (
    SELECT game_id, game_date, season, season_type, team, opponent, is_home, minutes,
           points, fgm, fga, fg3m, fg3a, ftm, fta, oreb, dreb, ast, stl, blk, tov, pf,
           possessions, team_source
    FROM analytics.team_offense_game_summary
    WHERE game_date = @game_date
),

games_with_play_by_play AS (
    SELECT DISTINCT game_id
    FROM raw.shot_events
    WHERE game_date = @game_date
),

shot_zones_by_team AS (
    SELECT game_id, team,
           COUNT(CASE WHEN zone = 'paint' THEN 1 END) AS paint_attempts,
           COUNT(CASE WHEN zone = 'paint' AND made THEN 1 END) AS paint_makes,
           COUNT(CASE WHEN zone = 'mid_range' THEN 1 END) AS mid_range_attempts,
           COUNT(CASE WHEN zone = 'mid_range' AND made THEN 1 END) AS mid_range_makes,
           COUNT(CASE WHEN zone = 'three' THEN 1 END) AS three_attempts,
           COUNT(CASE WHEN zone = 'three' AND made THEN 1 END) AS three_makes
    FROM raw.shot_events
    WHERE game_date = @game_date
    GROUP BY game_id, team
),

opponent_shot_zones AS (
    SELECT o.game_id, o.team,
           p.game_id IS NOT NULL AS has_shot_zones,
           CASE WHEN p.game_id IS NOT NULL THEN COALESCE(z.paint_attempts, 0) END AS opp_paint_attempts,
           CASE WHEN p.game_id IS NOT NULL THEN COALESCE(z.paint_makes, 0) END AS opp_paint_makes,
           CASE WHEN p.game_id IS NOT NULL THEN COALESCE(z.mid_range_attempts, 0) END AS opp_mid_range_attempts,
           CASE WHEN p.game_id IS NOT NULL THEN COALESCE(z.mid_range_makes, 0) END AS opp_mid_range_makes,
           CASE WHEN p.game_id IS NOT NULL THEN COALESCE(z.three_attempts, 0) END AS opp_three_attempts,
           CASE WHEN p.game_id IS NOT NULL THEN COALESCE(z.three_makes, 0) END AS opp_three_makes
    FROM team_offense AS o
    LEFT JOIN games_with_play_by_play AS p ON p.game_id = o.game_id
    LEFT JOIN shot_zones_by_team AS z ON z.game_id = o.game_id AND z.team = o.opponent
)

SELECT
    d.game_id,
    d.game_date,
    d.season,
    d.season_type,
    d.team,
    d.opponent,
    d.is_home,
    d.minutes,
    opp.points AS points_allowed,
    opp.fgm AS opp_fgm,
    opp.fga AS opp_fga,
    opp.fg3m AS opp_fg3m,
    opp.fg3a AS opp_fg3a,
    opp.ftm AS opp_ftm,
    opp.fta AS opp_fta,
    opp.oreb AS opp_oreb,
    opp.ast AS opp_ast,
    opp.tov AS opp_tov,
    opp.possessions AS opp_possessions,
    ops.safe_div(100 * opp.points, opp.possessions) AS defensive_rating,
    ops.safe_div(opp.fgm, opp.fga) AS opp_fg_pct,
    ops.safe_div(opp.fg3m, opp.fg3a) AS opp_fg3_pct,
    ops.safe_div(2 * opp.fgm + opp.fg3m, 2 * opp.fga) AS opp_efg_pct,
    d.dreb,
    ops.safe_div(d.dreb, d.dreb + opp.oreb) AS dreb_pct,
    d.stl,
    d.blk,
    z.opp_paint_attempts,
    z.opp_paint_makes,
    z.opp_mid_range_attempts,
    z.opp_mid_range_makes,
    z.opp_three_attempts,
    z.opp_three_makes,
    z.has_shot_zones,
    d.team_source,
    COALESCE(opp.team_source, 'missing') AS opponent_source
FROM team_offense AS d
LEFT JOIN team_offense AS opp ON opp.game_id = d.game_id AND opp.team = d.opponent
LEFT JOIN opponent_shot_zones AS z ON z.game_id = d.game_id AND z.team = d.team
