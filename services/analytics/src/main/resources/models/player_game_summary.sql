-- player_game_summary: each player's box score of one game, with efficiency, usage and shot zones.
--
-- Grain: one row per player per game on @game_date, as listed in raw.player_box_scores; DNP rows
-- included (minutes NULL, dnp_reason kept, rates NULL). Partitioned by game_date.
-- Sources: raw.player_box_scores, raw.schedule and raw.shot_events of @game_date;
-- analytics.team_offense_game_summary of @game_date (same-date dependency) for the team totals
-- usage_rate needs (the runbooks: usage_rate was present for 47.7% of player-games before team
-- totals were rebuilt from player box scores, which that table does).
--
-- Formulas:
--   ts_pct     = points / (2 * (FGA + 0.44 * FTA)), true shooting (Basketball-Reference glossary).
--   usage_rate = 100 * ((FGA + 0.44 * FTA + TOV) * (team_minutes / 5))
--                    / (minutes * (team_FGA + 0.44 * team_FTA + team_TOV)),
--                the share of team plays a player used while on the floor, in percent, as defined
--                in Basketball-Reference's glossary (USG%, https://www.basketball-reference.com/about/glossary.html;
--                the published figures it is tested against are Basketball-Reference's: NBA.com's own
--                USG% counts team plays from play-by-play while the player is on the floor, which box
--                scores cannot reproduce). team_TOV is the turnovers credited
--                to the team's players: team_offense_game_summary's tov minus its team_turnovers
--                (shot-clock and other team turnovers are plays no player used; Basketball-Reference
--                leaves them out here, e.g. Milwaukee on 2018-01-01: 14 credited of 15, see
--                RealBoxScoresTest). NULL without minutes or team totals.
--                Tiny minutes: the estimate scales the player's plays by the team's plays per
--                player-minute, so seconds on the floor blow it up (20 seconds with 2 FGA is over
--                1,000%). usage_rate is NULL below 1 minute played (no estimate from under a
--                minute; Basketball-Reference publishes one, it is not comparable), and never above
--                100: a player cannot use more than all of his team's plays while he is on the
--                floor, so an estimate above 100 (a player who shoots at every chance in a couple
--                of minutes) is 100. Phase 4 weights per-game usage by minutes, so such games count
--                for their few minutes only.
--   Box-score counts are cast to INT64: raw INTEGER is 32-bit on DuckDB, 64-bit on BigQuery.
--   0.44 * FTA is written 44 * fta / 100 so that the result is floating point on both engines
--   (a 0.44 literal is DECIMAL on DuckDB).
--   Shot zones count the player's field-goal attempts and makes per zone ('paint', 'mid_range',
--   'three') and the assisted / unassisted makes in raw.shot_events. When the game has no
--   play-by-play (a whole date may be missing from that source) they are NULL and
--   has_shot_zones is FALSE; otherwise a player without attempts, DNP included, has zeros.
--   paint_rate, mid_range_rate, three_rate = zone attempts / all zone attempts;
--   assisted_rate = assisted makes / makes (NULL when the denominator is 0).
WITH player_games AS (
    SELECT b.game_id, b.game_date, s.season, s.season_type, b.team, b.opponent,
           s.home_team = b.team AS is_home,
           b.player_id, b.player_name, b.starter, b.minutes, b.dnp_reason,
           CAST(b.points AS INT64) AS points,
           CAST(b.fgm AS INT64) AS fgm,
           CAST(b.fga AS INT64) AS fga,
           CAST(b.fg3m AS INT64) AS fg3m,
           CAST(b.fg3a AS INT64) AS fg3a,
           CAST(b.ftm AS INT64) AS ftm,
           CAST(b.fta AS INT64) AS fta,
           CAST(b.oreb AS INT64) AS oreb,
           CAST(b.dreb AS INT64) AS dreb,
           CAST(b.ast AS INT64) AS ast,
           CAST(b.stl AS INT64) AS stl,
           CAST(b.blk AS INT64) AS blk,
           CAST(b.tov AS INT64) AS tov,
           CAST(b.pf AS INT64) AS pf,
           CAST(b.plus_minus AS INT64) AS plus_minus
    FROM raw.player_box_scores AS b
    LEFT JOIN raw.schedule AS s ON s.game_id = b.game_id AND s.game_date = @game_date
    WHERE b.game_date = @game_date
),

team_totals AS (
    SELECT game_id, team, minutes AS team_minutes, fga AS team_fga, fta AS team_fta,
           tov - COALESCE(team_turnovers, 0) AS team_player_tov
    FROM analytics.team_offense_game_summary
    WHERE game_date = @game_date
),

usage_estimates AS (
    SELECT pg.game_id, pg.player_id,
           ops.safe_div(
               100 * (pg.fga + 44 * pg.fta / 100 + pg.tov) * (tt.team_minutes / 5),
               pg.minutes * (tt.team_fga + 44 * tt.team_fta / 100 + tt.team_player_tov)) AS usage_estimate
    FROM player_games AS pg
    JOIN team_totals AS tt ON tt.game_id = pg.game_id AND tt.team = pg.team
    WHERE pg.minutes >= 1
),

games_with_play_by_play AS (
    SELECT DISTINCT game_id
    FROM raw.shot_events
    WHERE game_date = @game_date
),

shot_zones_by_player AS (
    SELECT game_id, player_id,
           COUNT(CASE WHEN zone = 'paint' THEN 1 END) AS paint_attempts,
           COUNT(CASE WHEN zone = 'paint' AND made THEN 1 END) AS paint_makes,
           COUNT(CASE WHEN zone = 'mid_range' THEN 1 END) AS mid_range_attempts,
           COUNT(CASE WHEN zone = 'mid_range' AND made THEN 1 END) AS mid_range_makes,
           COUNT(CASE WHEN zone = 'three' THEN 1 END) AS three_attempts,
           COUNT(CASE WHEN zone = 'three' AND made THEN 1 END) AS three_makes,
           COUNT(CASE WHEN made AND assisted THEN 1 END) AS assisted_makes,
           COUNT(CASE WHEN made AND NOT assisted THEN 1 END) AS unassisted_makes
    FROM raw.shot_events
    WHERE game_date = @game_date
    GROUP BY game_id, player_id
),

player_shot_zones AS (
    SELECT pg.game_id, pg.player_id,
           p.game_id IS NOT NULL AS has_shot_zones,
           CASE WHEN p.game_id IS NOT NULL THEN COALESCE(z.paint_attempts, 0) END AS paint_attempts,
           CASE WHEN p.game_id IS NOT NULL THEN COALESCE(z.paint_makes, 0) END AS paint_makes,
           CASE WHEN p.game_id IS NOT NULL THEN COALESCE(z.mid_range_attempts, 0) END AS mid_range_attempts,
           CASE WHEN p.game_id IS NOT NULL THEN COALESCE(z.mid_range_makes, 0) END AS mid_range_makes,
           CASE WHEN p.game_id IS NOT NULL THEN COALESCE(z.three_attempts, 0) END AS three_attempts,
           CASE WHEN p.game_id IS NOT NULL THEN COALESCE(z.three_makes, 0) END AS three_makes,
           CASE WHEN p.game_id IS NOT NULL THEN COALESCE(z.assisted_makes, 0) END AS assisted_makes,
           CASE WHEN p.game_id IS NOT NULL THEN COALESCE(z.unassisted_makes, 0) END AS unassisted_makes
    FROM player_games AS pg
    LEFT JOIN games_with_play_by_play AS p ON p.game_id = pg.game_id
    LEFT JOIN shot_zones_by_player AS z ON z.game_id = pg.game_id AND z.player_id = pg.player_id
)

SELECT
    pg.game_id,
    pg.game_date,
    pg.season,
    pg.season_type,
    pg.team,
    pg.opponent,
    pg.is_home,
    pg.player_id,
    pg.player_name,
    pg.starter,
    pg.minutes,
    pg.dnp_reason,
    pg.points,
    pg.fgm,
    pg.fga,
    pg.fg3m,
    pg.fg3a,
    pg.ftm,
    pg.fta,
    pg.oreb,
    pg.dreb,
    pg.oreb + pg.dreb AS reb,
    pg.ast,
    pg.stl,
    pg.blk,
    pg.tov,
    pg.pf,
    pg.plus_minus,
    ops.safe_div(pg.points, 2 * (pg.fga + 44 * pg.fta / 100)) AS ts_pct,
    ops.safe_div(2 * pg.fgm + pg.fg3m, 2 * pg.fga) AS efg_pct,
    CASE WHEN ue.usage_estimate > 100 THEN ops.safe_div(100, 1) ELSE ue.usage_estimate END AS usage_rate,
    tt.team_minutes,
    zs.paint_attempts,
    zs.paint_makes,
    zs.mid_range_attempts,
    zs.mid_range_makes,
    zs.three_attempts,
    zs.three_makes,
    zs.assisted_makes,
    zs.unassisted_makes,
    ops.safe_div(zs.paint_attempts, zs.paint_attempts + zs.mid_range_attempts + zs.three_attempts) AS paint_rate,
    ops.safe_div(zs.mid_range_attempts, zs.paint_attempts + zs.mid_range_attempts + zs.three_attempts)
        AS mid_range_rate,
    ops.safe_div(zs.three_attempts, zs.paint_attempts + zs.mid_range_attempts + zs.three_attempts) AS three_rate,
    ops.safe_div(zs.assisted_makes, zs.assisted_makes + zs.unassisted_makes) AS assisted_rate,
    zs.has_shot_zones
FROM player_games AS pg
LEFT JOIN team_totals AS tt ON tt.game_id = pg.game_id AND tt.team = pg.team
LEFT JOIN usage_estimates AS ue ON ue.game_id = pg.game_id AND ue.player_id = pg.player_id
LEFT JOIN player_shot_zones AS zs ON zs.game_id = pg.game_id AND zs.player_id = pg.player_id
