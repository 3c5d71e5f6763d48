package fullcourt.publishing.predictions;

import fullcourt.engine.warehouse.Warehouse;
import fullcourt.publishing.export.Rows;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The date's rows of predictions.player_prop_predictions, as the predictions and best-bets exports read them. */
public final class PredictionRows {

    public static final String SQL = "SELECT game_id, team, opponent, is_home, player_id, player_name, system_id,"
            + " system_version, predicted_points, points_line, has_prop_line, edge, recommendation, confidence,"
            + " model_version, training_from, training_to, training_rows"
            + " FROM predictions.player_prop_predictions WHERE game_date = @game_date";

    /** One row: one system's prediction for one player-game. */
    public record Prediction(String gameId, String team, String opponent, boolean isHome, String playerId,
                             String playerName, String systemId, String systemVersion, Double predictedPoints,
                             Double pointsLine, boolean hasPropLine, Double edge, String recommendation,
                             Double confidence, String modelVersion, String trainingFrom, String trainingTo,
                             Long trainingRows) {

        public PredictionsDocument.SystemVersion version() {
            return new PredictionsDocument.SystemVersion(systemId, systemVersion, modelVersion, trainingFrom, trainingTo,
                    trainingRows);
        }
    }

    /** Player-game, then system: the order of every list the exports build from these rows. */
    public static final Comparator<Prediction> ORDER = Comparator.comparing(Prediction::gameId)
            .thenComparing(Prediction::team).thenComparing(Prediction::playerId).thenComparing(Prediction::systemId);

    /** Versions by system id, model version, then training window: their order in {@code generatedFrom}. */
    public static final Comparator<PredictionsDocument.SystemVersion> VERSION_ORDER = Comparator
            .comparing(PredictionsDocument.SystemVersion::systemId)
            .thenComparing(PredictionsDocument.SystemVersion::systemVersion, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(PredictionsDocument.SystemVersion::modelVersion, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(PredictionsDocument.SystemVersion::trainingFrom, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(PredictionsDocument.SystemVersion::trainingTo, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(PredictionsDocument.SystemVersion::trainingRows, Comparator.nullsFirst(Comparator.naturalOrder()));

    private PredictionRows() {
    }

    /** The date's predictions in {@link #ORDER}. */
    public static List<Prediction> read(Warehouse warehouse, LocalDate date) {
        return warehouse.query(SQL, Map.of("game_date", date)).stream().map(PredictionRows::prediction).sorted(ORDER)
                .toList();
    }

    /** The distinct system versions among {@code predictions}, in {@link #VERSION_ORDER}. */
    public static List<PredictionsDocument.SystemVersion> versions(List<Prediction> predictions) {
        return predictions.stream().map(Prediction::version).distinct().sorted(VERSION_ORDER).toList();
    }

    private static Prediction prediction(Map<String, Object> row) {
        return new Prediction(Rows.text(row, "game_id"), Rows.text(row, "team"), Rows.text(row, "opponent"),
                Boolean.TRUE.equals(Rows.flag(row, "is_home")), Rows.text(row, "player_id"),
                Rows.text(row, "player_name"), Rows.text(row, "system_id"), Rows.text(row, "system_version"),
                Rows.decimal(row, "predicted_points"), Rows.decimal(row, "points_line"),
                Boolean.TRUE.equals(Rows.flag(row, "has_prop_line")), Rows.decimal(row, "edge"),
                Rows.text(row, "recommendation"), Rows.decimal(row, "confidence"), Rows.text(row, "model_version"),
                Rows.date(row, "training_from"), Rows.date(row, "training_to"), Rows.integer(row, "training_rows"));
    }
}
