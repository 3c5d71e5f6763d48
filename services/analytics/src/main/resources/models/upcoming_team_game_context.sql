-- upcoming_team_game_context: the situation each team is in before a game (rest, home/away
-- pattern, recent form), from information available before tip-off.
--
-- Grain: one row per team per scheduled game on @game_date, partitioned by game_date.
-- Sources: raw.schedule of the season up to @game_date; analytics.team_offense_game_summary of
-- the EARLIER dates of the season (season-to-date dependency; @game_date itself is not read).
-- The season is the schedule's season of the date's games; playoffs count in the same season.
--
-- Definitions:
--   days_rest            = days since the team's previous game in the season (NULL for its
--                          first); is_back_to_back = days_rest = 1; opponent_days_rest is
--                          the opponent's days_rest, for the rest advantage.
--   home_streak          = consecutive home games ending with this one (0 for an away game);
--                          away_streak likewise. Computed as the game's number in the season
--                          minus the number of the team's last game of the other kind.
--   games_in_last_7_days = the team's games in the 7 days before @game_date (D-7 .. D-1).
--   season_game_number   = 1 for the team's first game of the season.
--   *_avg_last_10        = averages over the team's last 10 games of the season before
--                          @game_date that have results (team_source not 'missing'): fewer
--                          when fewer were played, NULL when none; form_games counts them.
--                          The rates are the window's, not plain means of per-game rates:
--                          offensive_rating_avg_last_10 = 100 * SUM(points) / SUM(possessions) and
--                          pace_avg_last_10 = 48 * SUM(possessions) / SUM(minutes / 5), over the
--                          games with possessions (team_offense_game_summary's, Basketball-Reference's
--                          estimate): each game weighs by its possessions, an overtime game by its
--                          longer minutes.
WITH date_games AS (
    SELECT game_id, game_date, season, season_type, home_team, away_team
    FROM raw.schedule
    WHERE game_date = @game_date
),

date_teams AS (
    SELECT game_id, game_date, season, season_type, home_team AS team, away_team AS opponent, TRUE AS is_home
    FROM date_games
    UNION ALL
    SELECT game_id, game_date, season, season_type, away_team AS team, home_team AS opponent, FALSE AS is_home
    FROM date_games
),

season_games AS (
    SELECT s.game_id, s.game_date, s.season, s.home_team, s.away_team
    FROM raw.schedule AS s
    WHERE s.game_date <= @game_date
      AND s.season IN (SELECT season FROM date_games)
),

-- the date's teams only: every window below is per team, and only theirs are kept
team_season_games AS (
    SELECT game_id, game_date, season, home_team AS team, TRUE AS is_home FROM season_games
    WHERE home_team IN (SELECT team FROM date_teams)
    UNION ALL
    SELECT game_id, game_date, season, away_team AS team, FALSE AS is_home FROM season_games
    WHERE away_team IN (SELECT team FROM date_teams)
),

numbered_team_games AS (
    SELECT game_id, game_date, season, team, is_home,
           ROW_NUMBER() OVER (PARTITION BY season, team ORDER BY game_date, game_id) AS season_game_number,
           LAG(game_date) OVER (PARTITION BY season, team ORDER BY game_date, game_id) AS previous_game_date
    FROM team_season_games
),

home_away_streaks AS (
    SELECT game_id, team, season_game_number, previous_game_date, is_home,
           MAX(CASE WHEN NOT is_home THEN season_game_number END) OVER (
               PARTITION BY season, team ORDER BY season_game_number
               ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS last_away_game_number,
           MAX(CASE WHEN is_home THEN season_game_number END) OVER (
               PARTITION BY season, team ORDER BY season_game_number
               ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS last_home_game_number
    FROM numbered_team_games
),

date_team_schedule AS (
    SELECT game_id, team, season_game_number, previous_game_date,
           ops.days_between(@game_date, previous_game_date) AS days_rest,
           CASE WHEN is_home THEN season_game_number - COALESCE(last_away_game_number, 0) ELSE 0 END
               AS home_streak,
           CASE WHEN is_home THEN 0 ELSE season_game_number - COALESCE(last_home_game_number, 0) END
               AS away_streak
    FROM home_away_streaks
    WHERE game_id IN (SELECT game_id FROM date_games)
),

games_last_7_days AS (
    SELECT t.team, COUNT(*) AS games_in_last_7_days
    FROM team_season_games AS t
    WHERE t.game_date >= ops.add_days(@game_date, -7)
      AND t.game_date < @game_date
    GROUP BY t.team
),

earlier_team_games AS (
    SELECT team, points, possessions, minutes,
           ROW_NUMBER() OVER (PARTITION BY team ORDER BY game_date DESC, game_id DESC) AS games_ago
    FROM analytics.team_offense_game_summary
    WHERE game_date < @game_date
      AND season IN (SELECT season FROM date_games)
      AND points IS NOT NULL
      AND team IN (SELECT team FROM date_teams)
),

last_10_games AS (
    SELECT team,
           COUNT(*) AS form_games,
           AVG(points) AS points_avg_last_10,
           ops.safe_div(100 * SUM(CASE WHEN possessions IS NOT NULL THEN points END), SUM(possessions))
               AS offensive_rating_avg_last_10,
           ops.safe_div(48 * SUM(possessions), SUM(CASE WHEN possessions IS NOT NULL THEN minutes END) / 5)
               AS pace_avg_last_10
    FROM earlier_team_games
    WHERE games_ago <= 10
    GROUP BY team
)

SELECT
    dt.game_id,
    dt.game_date,
    dt.season,
    dt.season_type,
    dt.team,
    dt.opponent,
    dt.is_home,
    ts.season_game_number,
    ts.previous_game_date,
    ts.days_rest,
    COALESCE(ts.days_rest = 1, FALSE) AS is_back_to_back,
    ots.days_rest AS opponent_days_rest,
    ts.home_streak,
    ts.away_streak,
    COALESCE(g7.games_in_last_7_days, 0) AS games_in_last_7_days,
    COALESCE(l10.form_games, 0) AS form_games,
    l10.points_avg_last_10,
    l10.offensive_rating_avg_last_10,
    l10.pace_avg_last_10
FROM date_teams AS dt
LEFT JOIN date_team_schedule AS ts ON ts.game_id = dt.game_id AND ts.team = dt.team
LEFT JOIN date_team_schedule AS ots ON ots.game_id = dt.game_id AND ots.team = dt.opponent
LEFT JOIN games_last_7_days AS g7 ON g7.team = dt.team
LEFT JOIN last_10_games AS l10 ON l10.team = dt.team
