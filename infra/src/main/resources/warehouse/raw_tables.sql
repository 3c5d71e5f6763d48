-- Raw input tables (phases 1-2 are outside Fullcourt: scrapers fill these in production, the
-- deterministic season generator fills them locally). One statement per table; types are the
-- subset both engines understand once mapped (VARCHAR -> STRING, DOUBLE -> FLOAT64,
-- INTEGER -> INT64, BOOLEAN -> BOOL). Every table has game_date, its partition column.

-- One row per scheduled game. game_id is YYYYMMDD_AWAY_HOME (e.g. 20211019_BKN_MIL).
CREATE TABLE IF NOT EXISTS raw.schedule (
    game_id VARCHAR NOT NULL,
    game_date DATE NOT NULL,
    season VARCHAR NOT NULL,            -- '2021-22'
    season_type VARCHAR NOT NULL,       -- 'regular' or 'playoffs'
    home_team VARCHAR NOT NULL,         -- three-letter code
    away_team VARCHAR NOT NULL
);

-- One row per player per game, DNP rows included (minutes NULL and dnp_reason set).
CREATE TABLE IF NOT EXISTS raw.player_box_scores (
    game_id VARCHAR NOT NULL,
    game_date DATE NOT NULL,
    team VARCHAR NOT NULL,
    opponent VARCHAR NOT NULL,
    player_id VARCHAR NOT NULL,
    player_name VARCHAR NOT NULL,
    starter BOOLEAN NOT NULL,
    minutes DOUBLE,                     -- NULL when the player did not play
    points INTEGER,
    fgm INTEGER,
    fga INTEGER,
    fg3m INTEGER,
    fg3a INTEGER,
    ftm INTEGER,
    fta INTEGER,
    oreb INTEGER,
    dreb INTEGER,
    ast INTEGER,
    stl INTEGER,
    blk INTEGER,
    tov INTEGER,
    pf INTEGER,
    plus_minus INTEGER,
    dnp_reason VARCHAR                  -- e.g. 'Coach''s decision', 'Injury: ankle'; NULL when played
);

-- One row per team per game, as the team source reports it. A game may be missing here (a
-- source gap): Phase 3 then reconstructs the team's totals from player box scores.
CREATE TABLE IF NOT EXISTS raw.team_box_scores (
    game_id VARCHAR NOT NULL,
    game_date DATE NOT NULL,
    team VARCHAR NOT NULL,
    opponent VARCHAR NOT NULL,
    is_home BOOLEAN NOT NULL,
    minutes INTEGER NOT NULL,           -- 240, plus 25 per overtime period
    overtime_periods INTEGER NOT NULL,
    points INTEGER NOT NULL,
    fgm INTEGER NOT NULL,
    fga INTEGER NOT NULL,
    fg3m INTEGER NOT NULL,
    fg3a INTEGER NOT NULL,
    ftm INTEGER NOT NULL,
    fta INTEGER NOT NULL,
    oreb INTEGER NOT NULL,
    dreb INTEGER NOT NULL,
    ast INTEGER NOT NULL,
    stl INTEGER NOT NULL,
    blk INTEGER NOT NULL,
    tov INTEGER NOT NULL,
    pf INTEGER NOT NULL
);

-- One row per field-goal attempt from play-by-play, consistent with the box scores:
-- per player and game, count = fga, made count = fgm, zone 'three' count = fg3a.
-- A date may be missing entirely (a source gap).
CREATE TABLE IF NOT EXISTS raw.shot_events (
    game_id VARCHAR NOT NULL,
    game_date DATE NOT NULL,
    event_id INTEGER NOT NULL,          -- order within the game
    period INTEGER NOT NULL,            -- 1-4, 5+ for overtime
    team VARCHAR NOT NULL,
    player_id VARCHAR NOT NULL,
    zone VARCHAR NOT NULL,              -- 'paint', 'mid_range' or 'three'
    made BOOLEAN NOT NULL,
    assisted BOOLEAN NOT NULL           -- only ever true when made
);

-- Points prop lines captured before tip-off; missing for older dates (the odds source keeps
-- only recent lines), as in the platform's history.
CREATE TABLE IF NOT EXISTS raw.prop_lines (
    game_id VARCHAR NOT NULL,
    game_date DATE NOT NULL,
    player_id VARCHAR NOT NULL,
    points_line DOUBLE NOT NULL,        -- e.g. 24.5
    over_odds INTEGER NOT NULL,         -- American odds, e.g. -110
    under_odds INTEGER NOT NULL,
    captured_at TIMESTAMP NOT NULL
);
