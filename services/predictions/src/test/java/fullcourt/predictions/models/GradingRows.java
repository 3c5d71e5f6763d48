package fullcourt.predictions.models;

import fullcourt.engine.testing.models.ModelRow;
import fullcourt.engine.testing.models.ModelRunner;
import fullcourt.engine.testing.models.RawRows;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes fixture rows into the two inputs of the grading models: predictions.player_prop_predictions
 * (written by the prediction systems' Java code, so the tests create it) and the columns of
 * analytics.player_game_summary that grading reads. A game is named by its id, {@code YYYYMMDD_AWAY_HOME};
 * its date, the opponent and home court follow from it, and the season from the date (a season
 * starts in August and is named like {@code 2023-24}).
 */
final class GradingRows {

    static final String MOVING_AVERAGE = "moving_average";
    static final String XGBOOST = "xgboost";
    static final String ENSEMBLE = "ensemble";

    /** The grading models, upstream first. */
    static final List<String> GRADING_MODELS = List.of(
            "prediction_accuracy",
            "system_daily_performance",
            "player_prediction_performance",
            "scoring_tier_adjustments");

    private final ModelRunner runner;

    private GradingRows(ModelRunner runner) {
        this.runner = runner;
    }

    /** A fresh in-memory warehouse with both input tables, empty. */
    static GradingRows inEmptyWarehouse() {
        ModelRunner runner = ModelRunner.withRawTables();
        runner.execute("CREATE SCHEMA IF NOT EXISTS predictions");
        runner.execute("""
                CREATE OR REPLACE TABLE predictions.player_prop_predictions (
                    game_id STRING, game_date DATE, season STRING, season_type STRING, team STRING,
                    opponent STRING, is_home BOOL, player_id STRING, player_name STRING, system_id STRING,
                    system_version STRING, predicted_points DOUBLE, points_line DOUBLE, has_prop_line BOOL,
                    edge DOUBLE, recommendation STRING, confidence DOUBLE, model_version STRING,
                    training_from DATE, training_to DATE, training_rows INT64)""");
        runner.execute("CREATE SCHEMA IF NOT EXISTS analytics");
        runner.execute("""
                CREATE OR REPLACE TABLE analytics.player_game_summary (
                    game_id STRING, game_date DATE, season STRING, team STRING, opponent STRING,
                    player_id STRING, player_name STRING, minutes DOUBLE, points INT64, dnp_reason STRING)""");
        return new GradingRows(runner);
    }

    ModelRunner runner() {
        return runner;
    }

    /** The box-score summary of a player who was on the floor ({@code minutes} may be 0). */
    GradingRows played(String gameId, String team, String playerId, double minutes, int points) {
        return summary(gameId, team, playerId, String.valueOf(minutes), String.valueOf(points), "NULL");
    }

    /** The box-score summary of a player who did not play: no minutes, no points, a reason. */
    GradingRows didNotPlay(String gameId, String team, String playerId) {
        return summary(gameId, team, playerId, "NULL", "NULL", text("coach's decision"));
    }

    /**
     * One system's prediction for a player: {@code predicted} NULL when the system had no model yet
     * (then {@code confidence} is NULL too), {@code line} NULL without a prop line (then
     * {@code recommendation} is NULL too).
     */
    GradingRows prediction(String gameId, String team, String playerId, String system, Double predicted,
                           Double line, String recommendation, Double confidence) {
        boolean trained = system.equals(XGBOOST);
        String edge = predicted == null || line == null ? "NULL" : String.valueOf(predicted - line);
        runner.execute("INSERT INTO predictions.player_prop_predictions VALUES (" + String.join(", ",
                identity(gameId, team, playerId), text(system), text(system + "-v1"), number(predicted),
                number(line), String.valueOf(line != null), edge, text(recommendation), number(confidence),
                trained ? text("xgboost-test-model") : "NULL", "NULL", "NULL", "NULL") + ")");
        return this;
    }

    /** Runs prediction_accuracy on each date, oldest first, as the engine would before the downstream models. */
    GradingRows gradeEach(List<LocalDate> dates) {
        dates.stream().sorted().forEach(date -> runner.run("prediction_accuracy", date));
        return this;
    }

    /** The one row of {@code model} on {@code date} for the player and system. */
    ModelRow row(String model, LocalDate date, String playerId, String system) {
        return rowWhere(model, date, Map.of("player_id", playerId, "system_id", system));
    }

    /** The one row of {@code model} on {@code date} whose columns hold the given values. */
    ModelRow rowWhere(String model, LocalDate date, Map<String, String> values) {
        List<ModelRow> found = runner.rows(model, date).stream()
                .filter(r -> values.entrySet().stream().allMatch(v -> Objects.equals(r.get(v.getKey()), v.getValue())))
                .map(ModelRow::new)
                .toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one row of " + model + " on " + date + " with " + values + ", found "
                    + found.size());
        }
        return found.get(0);
    }

    static String seasonOf(LocalDate date) {
        int startYear = date.getMonthValue() >= 8 ? date.getYear() : date.getYear() - 1;
        return String.format("%d-%02d", startYear, (startYear + 1) % 100);
    }

    private GradingRows summary(String gameId, String team, String playerId, String minutes, String points,
                                String dnpReason) {
        LocalDate date = RawRows.dateOf(gameId);
        runner.execute("INSERT INTO analytics.player_game_summary VALUES (" + String.join(", ",
                text(gameId), "DATE '" + date + "'", text(seasonOf(date)), text(team), text(opponent(gameId, team)),
                text(playerId), text("Player " + playerId), minutes, points, dnpReason) + ")");
        return this;
    }

    /** game_id .. player_name of a prediction row. */
    private static String identity(String gameId, String team, String playerId) {
        LocalDate date = RawRows.dateOf(gameId);
        boolean home = team.equals(gameId.split("_")[2]);
        return String.join(", ", text(gameId), "DATE '" + date + "'", text(seasonOf(date)), text("regular"),
                text(team), text(opponent(gameId, team)), String.valueOf(home), text(playerId),
                text("Player " + playerId));
    }

    private static String opponent(String gameId, String team) {
        String[] parts = gameId.split("_");
        if (!team.equals(parts[1]) && !team.equals(parts[2])) {
            throw new IllegalArgumentException(team + " does not play in " + gameId);
        }
        return team.equals(parts[2]) ? parts[1] : parts[2];
    }

    private static String number(Double value) {
        return value == null ? "NULL" : String.valueOf(value);
    }

    private static String text(String s) {
        return s == null ? "NULL" : "'" + s.replace("'", "''") + "'";
    }
}
