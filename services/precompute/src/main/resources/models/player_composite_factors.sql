-- player_composite_factors: four pre-game composite scores per rostered player (fatigue, shot-zone
-- mismatch against the opponent, expected game pace, usage spike), with the inputs each is
-- computed from so that every score can be checked by hand.
--
-- Grain: one row per player on the roster of a game on @game_date, i.e. per row of
-- analytics.upcoming_player_game_context of @game_date, partitioned by game_date.
-- Sources (all of @game_date, same-date dependencies, unless said):
--   analytics.upcoming_player_game_context  the roster, the team's rest, the player's minutes;
--   analytics.upcoming_team_game_context    pace_avg_last_10 of the player's team and opponent,
--                                           and of every team playing on @game_date;
--   precompute.player_shot_zone_analysis    the player's zone attempt shares over his last 10;
--   precompute.team_defense_zone_analysis   the OPPONENT's zone FG% allowed vs the league;
--   analytics.player_game_summary           EARLIER dates of @game_date's season only
--                                           (season-to-date dependency) for the usage windows;
--                                           @game_date's own games are never read.
--
-- Every score is FLOAT64 and never NULL. When a score lacks an input it is the neutral value 0 and
-- its has_<score>_inputs flag is FALSE; otherwise the flag is TRUE. Scores are wrapped in
-- ops.safe_div(x, 1), the dialect's portable way to a FLOAT64 (there is no float cast both run).
--
-- fatigue_score, 0..100, higher = more tired; the sum of three bounded parts:
--   rest part      40 when days_rest <= 1 (back-to-back), 20 when days_rest = 2, 0 otherwise
--                  (3+ days, or days_rest NULL: the team's first game of the season, rested);
--   schedule part  10 * LEAST(games_in_last_7_days, 4): the team's games in D-7 .. D-1; 4 is the
--                  most an NBA schedule fits in 7 days, so more (a fixture) counts as 4;
--   minutes part   20 * LEAST(minutes_avg_last_5, 40) / 40: the player's recent minutes load.
--   days_rest, is_back_to_back and games_in_last_7_days are the TEAM's (from
--   upcoming_team_game_context via the player context); minutes_avg_last_5 is the player's.
--   Inputs: games_in_last_7_days (the team context exists) and minutes_avg_last_5 (at least one
--   game played this season).
-- shot_zone_mismatch_score = 100 * SUM over zones z in (paint, mid_range, three) of
--                  <z>_rate_last_10 (player) * <z>_fg_pct_allowed_vs_league (opponent).
--   The player's share of attempts in each zone, weighted by how much more (positive) or less
--   (negative) than the league the opponent lets shooters make there, in percentage points.
--   Positive = favourable to the player. Inputs: the three rates and the three comparisons.
-- pace_score = (team_pace_avg_last_10 + opponent_pace_avg_last_10) / 2 - pace_avg_teams_playing,
--   the expected pace of the game (possessions per 48 minutes, the mean of both teams' last-10
--   pace) against pace_avg_teams_playing = AVG(pace_avg_last_10) over every team playing on
--   @game_date that has one. The date's teams stand for the league: the league's own window is not
--   an upstream of this model; on a one-game date the score is 0. Positive = a faster game than
--   the slate's. Inputs: both teams' pace_avg_last_10.
-- usage_spike_score = usage_rate_avg_last_5 - usage_rate_avg_season, in usage-rate points
--   (usage_rate as defined in player_game_summary: Basketball-Reference's USG%).
--   games played = earlier player_game_summary rows of the season with minutes > 0 (DNP rows do
--   not count); last 5 = his 5 most recent games played before @game_date (fewer when fewer);
--   season = all of them. Both averages weight each game's usage_rate by its minutes:
--   SUM(usage_rate * minutes) / SUM(minutes), the player's share of his team's plays over all
--   his minutes of the window, not a plain mean of per-game rates (a cameo of seconds counts for its
--   seconds, not as a whole game). Games without a usage_rate (under 1 minute, no team totals) are
--   left out of both sums. Positive = a bigger role lately. Inputs: both averages.
WITH roster AS (
    SELECT game_id, game_date, season, season_type, team, opponent, is_home, player_id, player_name,
           days_rest, is_back_to_back, games_in_last_7_days, minutes_avg_last_5
    FROM analytics.upcoming_player_game_context
    WHERE game_date = @game_date
),

player_zones AS (
    SELECT game_id, player_id, paint_rate_last_10, mid_range_rate_last_10, three_rate_last_10
    FROM precompute.player_shot_zone_analysis
    WHERE game_date = @game_date
),

team_zone_defense AS (
    SELECT game_id, team, paint_fg_pct_allowed_vs_league, mid_range_fg_pct_allowed_vs_league,
           three_fg_pct_allowed_vs_league
    FROM precompute.team_defense_zone_analysis
    WHERE game_date = @game_date
),

team_pace AS (
    SELECT game_id, team, pace_avg_last_10
    FROM analytics.upcoming_team_game_context
    WHERE game_date = @game_date
),

pace_of_teams_playing AS (
    SELECT AVG(pace_avg_last_10) AS pace_avg_teams_playing
    FROM team_pace
),

earlier_games_played AS (
    SELECT player_id, usage_rate, minutes,
           ROW_NUMBER() OVER (PARTITION BY player_id ORDER BY game_date DESC, game_id DESC) AS games_ago
    FROM analytics.player_game_summary
    WHERE game_date < @game_date
      AND season IN (SELECT season FROM roster)
      AND minutes > 0
      AND player_id IN (SELECT player_id FROM roster)
),

player_usage AS (
    SELECT player_id,
           ops.safe_div(SUM(CASE WHEN games_ago <= 5 THEN usage_rate * minutes END),
                        SUM(CASE WHEN games_ago <= 5 AND usage_rate IS NOT NULL THEN minutes END))
               AS usage_rate_avg_last_5,
           ops.safe_div(SUM(usage_rate * minutes), SUM(CASE WHEN usage_rate IS NOT NULL THEN minutes END))
               AS usage_rate_avg_season
    FROM earlier_games_played
    GROUP BY player_id
),

factor_inputs AS (
    SELECT r.game_id, r.game_date, r.season, r.season_type, r.team, r.opponent, r.is_home,
           r.player_id, r.player_name,
           CAST(r.days_rest AS INT64) AS days_rest,
           r.is_back_to_back,
           CAST(r.games_in_last_7_days AS INT64) AS games_in_last_7_days,
           r.minutes_avg_last_5,
           pz.paint_rate_last_10, pz.mid_range_rate_last_10, pz.three_rate_last_10,
           od.paint_fg_pct_allowed_vs_league AS opponent_paint_fg_pct_allowed_vs_league,
           od.mid_range_fg_pct_allowed_vs_league AS opponent_mid_range_fg_pct_allowed_vs_league,
           od.three_fg_pct_allowed_vs_league AS opponent_three_fg_pct_allowed_vs_league,
           tp.pace_avg_last_10 AS team_pace_avg_last_10,
           op.pace_avg_last_10 AS opponent_pace_avg_last_10,
           dp.pace_avg_teams_playing,
           pu.usage_rate_avg_last_5,
           pu.usage_rate_avg_season,
           r.games_in_last_7_days IS NOT NULL AND r.minutes_avg_last_5 IS NOT NULL AS has_fatigue_inputs,
           pz.paint_rate_last_10 IS NOT NULL AND pz.mid_range_rate_last_10 IS NOT NULL
               AND pz.three_rate_last_10 IS NOT NULL
               AND od.paint_fg_pct_allowed_vs_league IS NOT NULL
               AND od.mid_range_fg_pct_allowed_vs_league IS NOT NULL
               AND od.three_fg_pct_allowed_vs_league IS NOT NULL AS has_shot_zone_mismatch_inputs,
           tp.pace_avg_last_10 IS NOT NULL AND op.pace_avg_last_10 IS NOT NULL AS has_pace_inputs,
           pu.usage_rate_avg_last_5 IS NOT NULL AND pu.usage_rate_avg_season IS NOT NULL AS has_usage_spike_inputs
    FROM roster AS r
    LEFT JOIN player_zones AS pz ON pz.game_id = r.game_id AND pz.player_id = r.player_id
    LEFT JOIN team_zone_defense AS od ON od.game_id = r.game_id AND od.team = r.opponent
    LEFT JOIN team_pace AS tp ON tp.game_id = r.game_id AND tp.team = r.team
    LEFT JOIN team_pace AS op ON op.game_id = r.game_id AND op.team = r.opponent
    CROSS JOIN pace_of_teams_playing AS dp
    LEFT JOIN player_usage AS pu ON pu.player_id = r.player_id
)

SELECT
    i.game_id,
    i.game_date,
    i.season,
    i.season_type,
    i.team,
    i.opponent,
    i.is_home,
    i.player_id,
    i.player_name,
    i.days_rest,
    i.is_back_to_back,
    i.games_in_last_7_days,
    i.minutes_avg_last_5,
    i.paint_rate_last_10,
    i.mid_range_rate_last_10,
    i.three_rate_last_10,
    i.opponent_paint_fg_pct_allowed_vs_league,
    i.opponent_mid_range_fg_pct_allowed_vs_league,
    i.opponent_three_fg_pct_allowed_vs_league,
    i.team_pace_avg_last_10,
    i.opponent_pace_avg_last_10,
    i.pace_avg_teams_playing,
    i.usage_rate_avg_last_5,
    i.usage_rate_avg_season,
    ops.safe_div(CASE WHEN i.has_fatigue_inputs
                      THEN CASE WHEN i.days_rest IS NULL THEN 0
                                WHEN i.days_rest <= 1 THEN 40
                                WHEN i.days_rest = 2 THEN 20
                                ELSE 0 END
                           + 10 * LEAST(i.games_in_last_7_days, 4)
                           + 20 * LEAST(i.minutes_avg_last_5, 40) / 40
                      ELSE 0 END, 1) AS fatigue_score,
    i.has_fatigue_inputs,
    ops.safe_div(CASE WHEN i.has_shot_zone_mismatch_inputs
                      THEN 100 * (i.paint_rate_last_10 * i.opponent_paint_fg_pct_allowed_vs_league
                                  + i.mid_range_rate_last_10 * i.opponent_mid_range_fg_pct_allowed_vs_league
                                  + i.three_rate_last_10 * i.opponent_three_fg_pct_allowed_vs_league)
                      ELSE 0 END, 1) AS shot_zone_mismatch_score,
    i.has_shot_zone_mismatch_inputs,
    ops.safe_div(CASE WHEN i.has_pace_inputs
                      THEN (i.team_pace_avg_last_10 + i.opponent_pace_avg_last_10) / 2 - i.pace_avg_teams_playing
                      ELSE 0 END, 1) AS pace_score,
    i.has_pace_inputs,
    ops.safe_div(CASE WHEN i.has_usage_spike_inputs
                      THEN i.usage_rate_avg_last_5 - i.usage_rate_avg_season
                      ELSE 0 END, 1) AS usage_spike_score,
    i.has_usage_spike_inputs
FROM factor_inputs AS i
