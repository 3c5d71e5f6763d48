-- Output tables of the processors, one per catalog entry (services/engine's fullcourt-catalog.json), in the
-- catalog's dependency order. Declared once here and used by:
--   * DuckDB: DuckDbWarehouse creates every table when it opens a database, so the first tasks on a fresh
--     warehouse never race to create them (the processors' writes insert BY NAME into these columns);
--   * BigQuery: `fullcourt provision` creates them day-partitioned on game_date before any task runs;
--   * the BigQuery analyzer test (sqlcheck OutputSchemasTest): every model's or Java writer's result columns and
--     types, as ZetaSQL resolves them, must equal the table's declaration here, in order.
-- Same conventions as raw_tables.sql: one column per line; VARCHAR -> STRING, DOUBLE -> FLOAT64,
-- BIGINT -> INT64, BOOLEAN -> BOOL, DATE. Every table has game_date, its partition column. A column the writer
-- changes is changed here in the same commit (the test prints the declaration it expects).

-- team_offense_game_summary (phase 3)
CREATE TABLE IF NOT EXISTS analytics.team_offense_game_summary (
    game_id VARCHAR,
    game_date DATE,
    season VARCHAR,
    season_type VARCHAR,
    team VARCHAR,
    opponent VARCHAR,
    is_home BOOLEAN,
    minutes BIGINT,
    overtime_periods BIGINT,
    points BIGINT,
    fgm BIGINT,
    fga BIGINT,
    fg3m BIGINT,
    fg3a BIGINT,
    ftm BIGINT,
    fta BIGINT,
    oreb BIGINT,
    dreb BIGINT,
    reb BIGINT,
    ast BIGINT,
    stl BIGINT,
    blk BIGINT,
    tov BIGINT,
    team_turnovers BIGINT,
    pf BIGINT,
    fg_pct DOUBLE,
    fg3_pct DOUBLE,
    ft_pct DOUBLE,
    efg_pct DOUBLE,
    ts_pct DOUBLE,
    possessions DOUBLE,
    offensive_rating DOUBLE,
    pace DOUBLE,
    team_source VARCHAR
);

-- team_defense_game_summary (phase 3)
CREATE TABLE IF NOT EXISTS analytics.team_defense_game_summary (
    game_id VARCHAR,
    game_date DATE,
    season VARCHAR,
    season_type VARCHAR,
    team VARCHAR,
    opponent VARCHAR,
    is_home BOOLEAN,
    minutes BIGINT,
    points_allowed BIGINT,
    opp_fgm BIGINT,
    opp_fga BIGINT,
    opp_fg3m BIGINT,
    opp_fg3a BIGINT,
    opp_ftm BIGINT,
    opp_fta BIGINT,
    opp_oreb BIGINT,
    opp_ast BIGINT,
    opp_tov BIGINT,
    opp_possessions DOUBLE,
    defensive_rating DOUBLE,
    opp_fg_pct DOUBLE,
    opp_fg3_pct DOUBLE,
    opp_efg_pct DOUBLE,
    dreb BIGINT,
    dreb_pct DOUBLE,
    stl BIGINT,
    blk BIGINT,
    opp_paint_attempts BIGINT,
    opp_paint_makes BIGINT,
    opp_mid_range_attempts BIGINT,
    opp_mid_range_makes BIGINT,
    opp_three_attempts BIGINT,
    opp_three_makes BIGINT,
    has_shot_zones BOOLEAN,
    team_source VARCHAR,
    opponent_source VARCHAR
);

-- player_game_summary (phase 3)
CREATE TABLE IF NOT EXISTS analytics.player_game_summary (
    game_id VARCHAR,
    game_date DATE,
    season VARCHAR,
    season_type VARCHAR,
    team VARCHAR,
    opponent VARCHAR,
    is_home BOOLEAN,
    player_id VARCHAR,
    player_name VARCHAR,
    starter BOOLEAN,
    minutes DOUBLE,
    dnp_reason VARCHAR,
    points BIGINT,
    fgm BIGINT,
    fga BIGINT,
    fg3m BIGINT,
    fg3a BIGINT,
    ftm BIGINT,
    fta BIGINT,
    oreb BIGINT,
    dreb BIGINT,
    reb BIGINT,
    ast BIGINT,
    stl BIGINT,
    blk BIGINT,
    tov BIGINT,
    pf BIGINT,
    plus_minus BIGINT,
    ts_pct DOUBLE,
    efg_pct DOUBLE,
    usage_rate DOUBLE,
    team_minutes BIGINT,
    paint_attempts BIGINT,
    paint_makes BIGINT,
    mid_range_attempts BIGINT,
    mid_range_makes BIGINT,
    three_attempts BIGINT,
    three_makes BIGINT,
    assisted_makes BIGINT,
    unassisted_makes BIGINT,
    paint_rate DOUBLE,
    mid_range_rate DOUBLE,
    three_rate DOUBLE,
    assisted_rate DOUBLE,
    has_shot_zones BOOLEAN
);

-- upcoming_team_game_context (phase 3)
CREATE TABLE IF NOT EXISTS analytics.upcoming_team_game_context (
    game_id VARCHAR,
    game_date DATE,
    season VARCHAR,
    season_type VARCHAR,
    team VARCHAR,
    opponent VARCHAR,
    is_home BOOLEAN,
    season_game_number BIGINT,
    previous_game_date DATE,
    days_rest BIGINT,
    is_back_to_back BOOLEAN,
    opponent_days_rest BIGINT,
    home_streak BIGINT,
    away_streak BIGINT,
    games_in_last_7_days BIGINT,
    form_games BIGINT,
    points_avg_last_10 DOUBLE,
    offensive_rating_avg_last_10 DOUBLE,
    pace_avg_last_10 DOUBLE
);

-- upcoming_player_game_context (phase 3)
CREATE TABLE IF NOT EXISTS analytics.upcoming_player_game_context (
    game_id VARCHAR,
    game_date DATE,
    season VARCHAR,
    season_type VARCHAR,
    team VARCHAR,
    opponent VARCHAR,
    is_home BOOLEAN,
    player_id VARCHAR,
    player_name VARCHAR,
    days_rest BIGINT,
    is_back_to_back BOOLEAN,
    games_in_last_7_days BIGINT,
    games_played_season BIGINT,
    points_avg_season DOUBLE,
    points_avg_last_5 DOUBLE,
    points_avg_last_10 DOUBLE,
    minutes_avg_last_5 DOUBLE,
    minutes_avg_last_10 DOUBLE,
    minutes_trend DOUBLE,
    points_line DOUBLE,
    over_odds BIGINT,
    under_odds BIGINT,
    has_prop_line BOOLEAN
);

-- team_defense_zone_analysis (phase 4)
CREATE TABLE IF NOT EXISTS precompute.team_defense_zone_analysis (
    game_id VARCHAR,
    game_date DATE,
    season VARCHAR,
    season_type VARCHAR,
    team VARCHAR,
    opponent VARCHAR,
    is_home BOOLEAN,
    games_in_window BIGINT,
    games_with_zone_data BIGINT,
    defensive_rating_avg DOUBLE,
    paint_attempts_allowed_per_game DOUBLE,
    paint_makes_allowed_per_game DOUBLE,
    mid_range_attempts_allowed_per_game DOUBLE,
    mid_range_makes_allowed_per_game DOUBLE,
    three_attempts_allowed_per_game DOUBLE,
    three_makes_allowed_per_game DOUBLE,
    paint_fg_pct_allowed DOUBLE,
    mid_range_fg_pct_allowed DOUBLE,
    three_fg_pct_allowed DOUBLE,
    paint_rate_allowed DOUBLE,
    mid_range_rate_allowed DOUBLE,
    three_rate_allowed DOUBLE,
    league_paint_fg_pct_allowed DOUBLE,
    league_mid_range_fg_pct_allowed DOUBLE,
    league_three_fg_pct_allowed DOUBLE,
    paint_fg_pct_allowed_vs_league DOUBLE,
    mid_range_fg_pct_allowed_vs_league DOUBLE,
    three_fg_pct_allowed_vs_league DOUBLE,
    has_zone_data BOOLEAN
);

-- player_shot_zone_analysis (phase 4)
CREATE TABLE IF NOT EXISTS precompute.player_shot_zone_analysis (
    game_id VARCHAR,
    game_date DATE,
    season VARCHAR,
    season_type VARCHAR,
    team VARCHAR,
    opponent VARCHAR,
    is_home BOOLEAN,
    player_id VARCHAR,
    player_name VARCHAR,
    games_played_last_10 BIGINT,
    games_with_zone_data_last_10 BIGINT,
    paint_rate_last_10 DOUBLE,
    mid_range_rate_last_10 DOUBLE,
    three_rate_last_10 DOUBLE,
    assisted_rate_last_10 DOUBLE,
    games_played_last_20 BIGINT,
    games_with_zone_data_last_20 BIGINT,
    paint_rate_last_20 DOUBLE,
    mid_range_rate_last_20 DOUBLE,
    three_rate_last_20 DOUBLE,
    assisted_rate_last_20 DOUBLE,
    has_zone_data BOOLEAN
);

-- player_composite_factors (phase 4)
CREATE TABLE IF NOT EXISTS precompute.player_composite_factors (
    game_id VARCHAR,
    game_date DATE,
    season VARCHAR,
    season_type VARCHAR,
    team VARCHAR,
    opponent VARCHAR,
    is_home BOOLEAN,
    player_id VARCHAR,
    player_name VARCHAR,
    days_rest BIGINT,
    is_back_to_back BOOLEAN,
    games_in_last_7_days BIGINT,
    minutes_avg_last_5 DOUBLE,
    paint_rate_last_10 DOUBLE,
    mid_range_rate_last_10 DOUBLE,
    three_rate_last_10 DOUBLE,
    opponent_paint_fg_pct_allowed_vs_league DOUBLE,
    opponent_mid_range_fg_pct_allowed_vs_league DOUBLE,
    opponent_three_fg_pct_allowed_vs_league DOUBLE,
    team_pace_avg_last_10 DOUBLE,
    opponent_pace_avg_last_10 DOUBLE,
    pace_avg_teams_playing DOUBLE,
    usage_rate_avg_last_5 DOUBLE,
    usage_rate_avg_season DOUBLE,
    fatigue_score DOUBLE,
    has_fatigue_inputs BOOLEAN,
    shot_zone_mismatch_score DOUBLE,
    has_shot_zone_mismatch_inputs BOOLEAN,
    pace_score DOUBLE,
    has_pace_inputs BOOLEAN,
    usage_spike_score DOUBLE,
    has_usage_spike_inputs BOOLEAN
);

-- player_daily_cache (phase 4)
CREATE TABLE IF NOT EXISTS precompute.player_daily_cache (
    game_id VARCHAR,
    game_date DATE,
    season VARCHAR,
    season_type VARCHAR,
    team VARCHAR,
    opponent VARCHAR,
    is_home BOOLEAN,
    player_id VARCHAR,
    player_name VARCHAR,
    games_played_season BIGINT,
    points_avg_last_5 DOUBLE,
    points_avg_last_10 DOUBLE,
    points_avg_season DOUBLE,
    points_std_last_10 DOUBLE,
    minutes_avg_last_10 DOUBLE,
    usage_rate_avg_last_10 DOUBLE,
    ts_pct_avg_last_10 DOUBLE,
    fatigue_score DOUBLE,
    shot_zone_mismatch_score DOUBLE,
    pace_score DOUBLE,
    usage_spike_score DOUBLE
);

-- ml_feature_store_v2 (phase 4)
CREATE TABLE IF NOT EXISTS precompute.ml_feature_store_v2 (
    game_id VARCHAR,
    game_date DATE,
    season VARCHAR,
    season_type VARCHAR,
    team VARCHAR,
    opponent VARCHAR,
    is_home BOOLEAN,
    player_id VARCHAR,
    player_name VARCHAR,
    points_line DOUBLE,
    has_prop_line BOOLEAN,
    feature_version VARCHAR,
    feature_count BIGINT,
    zone_features_imputed BOOLEAN,
    points_avg_last_5 DOUBLE,
    points_avg_last_10 DOUBLE,
    points_avg_season DOUBLE,
    points_std_last_10 DOUBLE,
    minutes_avg_last_10 DOUBLE,
    usage_rate_avg_last_10 DOUBLE,
    fatigue_score DOUBLE,
    shot_zone_mismatch_score DOUBLE,
    pace_score DOUBLE,
    usage_spike_score DOUBLE,
    days_rest DOUBLE,
    is_back_to_back DOUBLE,
    is_home_game DOUBLE,
    games_played_season DOUBLE,
    paint_rate_last_10 DOUBLE,
    mid_range_rate_last_10 DOUBLE,
    three_rate_last_10 DOUBLE,
    assisted_rate_last_10 DOUBLE,
    opponent_defensive_rating DOUBLE,
    team_pace_avg_last_10 DOUBLE,
    ts_pct_avg_last_10 DOUBLE
);

-- player_prop_predictions (phase 5)
CREATE TABLE IF NOT EXISTS predictions.player_prop_predictions (
    game_id VARCHAR,
    game_date DATE,
    season VARCHAR,
    season_type VARCHAR,
    team VARCHAR,
    opponent VARCHAR,
    is_home BOOLEAN,
    player_id VARCHAR,
    player_name VARCHAR,
    system_id VARCHAR,
    system_version VARCHAR,
    predicted_points DOUBLE,
    points_line DOUBLE,
    has_prop_line BOOLEAN,
    edge DOUBLE,
    recommendation VARCHAR,
    confidence DOUBLE,
    model_version VARCHAR,
    training_from DATE,
    training_to DATE,
    training_rows BIGINT
);

-- prediction_accuracy (phase 5)
CREATE TABLE IF NOT EXISTS predictions.prediction_accuracy (
    game_id VARCHAR,
    game_date DATE,
    season VARCHAR,
    season_type VARCHAR,
    team VARCHAR,
    opponent VARCHAR,
    is_home BOOLEAN,
    player_id VARCHAR,
    player_name VARCHAR,
    system_id VARCHAR,
    system_version VARCHAR,
    model_version VARCHAR,
    predicted_points DOUBLE,
    points_line DOUBLE,
    recommendation VARCHAR,
    confidence DOUBLE,
    actual_points BIGINT,
    error DOUBLE,
    absolute_error DOUBLE,
    actual_result VARCHAR,
    is_correct BOOLEAN,
    scoring_tier VARCHAR
);

-- system_daily_performance (phase 5)
CREATE TABLE IF NOT EXISTS predictions.system_daily_performance (
    game_date DATE,
    season VARCHAR,
    system_id VARCHAR,
    predictions_graded BIGINT,
    mae DOUBLE,
    bias DOUBLE,
    rmse DOUBLE,
    recommendations BIGINT,
    correct BIGINT,
    hit_rate DOUBLE,
    over_calls BIGINT,
    under_calls BIGINT,
    pushes BIGINT,
    avg_confidence DOUBLE
);

-- player_prediction_performance (phase 5)
CREATE TABLE IF NOT EXISTS predictions.player_prediction_performance (
    game_id VARCHAR,
    game_date DATE,
    season VARCHAR,
    season_type VARCHAR,
    team VARCHAR,
    opponent VARCHAR,
    is_home BOOLEAN,
    player_id VARCHAR,
    player_name VARCHAR,
    system_id VARCHAR,
    games_graded_last_10 BIGINT,
    mae_last_10 DOUBLE,
    bias_last_10 DOUBLE,
    recommendations_last_10 BIGINT,
    correct_last_10 BIGINT,
    hit_rate_last_10 DOUBLE,
    games_graded_season_to_date BIGINT,
    mae_season_to_date DOUBLE
);

-- scoring_tier_adjustments (phase 5)
CREATE TABLE IF NOT EXISTS predictions.scoring_tier_adjustments (
    game_date DATE,
    season VARCHAR,
    window_start DATE,
    system_id VARCHAR,
    scoring_tier VARCHAR,
    predictions_graded BIGINT,
    bias DOUBLE,
    mae DOUBLE,
    suggested_adjustment DOUBLE
);

-- results_export (phase 6)
CREATE TABLE IF NOT EXISTS publishing.results_export (
    game_date DATE,
    object_path VARCHAR,
    record_count BIGINT,
    bytes BIGINT,
    sha256 VARCHAR
);

-- predictions_export (phase 6)
CREATE TABLE IF NOT EXISTS publishing.predictions_export (
    game_date DATE,
    object_path VARCHAR,
    record_count BIGINT,
    bytes BIGINT,
    sha256 VARCHAR
);

-- best_bets_export (phase 6)
CREATE TABLE IF NOT EXISTS publishing.best_bets_export (
    game_date DATE,
    object_path VARCHAR,
    record_count BIGINT,
    bytes BIGINT,
    sha256 VARCHAR
);

-- system_performance_export (phase 6)
CREATE TABLE IF NOT EXISTS publishing.system_performance_export (
    game_date DATE,
    object_path VARCHAR,
    record_count BIGINT,
    bytes BIGINT,
    sha256 VARCHAR
);

