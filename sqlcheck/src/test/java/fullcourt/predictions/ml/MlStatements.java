package fullcourt.predictions.ml;

import fullcourt.sqlcheck.SqlStatement;
import fullcourt.sqlcheck.StatementKind;
import java.time.LocalDate;
import java.util.List;

/** The SQL of player_prop_predictions: its write (without a model, and with scores) and its training and scoring reads. */
public final class MlStatements {

    static final String TEMPLATE = "services/predictions/src/main/resources/ml/player_prop_predictions.sql";
    static final LocalDate DATE = LocalDate.of(2024, 1, 15);

    private MlStatements() {
    }

    /** The partition write before a model exists: the template as it is. */
    public static SqlStatement writeWithoutModel() {
        return SqlStatement.of(StatementKind.JAVA_WRITER, TEMPLATE + " (no model)", PlayerPropPredictions.template(),
                "game_date", DATE);
    }

    /** The partition write with two scored player-games, parameters typed as {@code scores(...)} puts them. */
    public static SqlStatement writeWithScores() {
        String sql = PlayerPropPredictions.withScores(PlayerPropPredictions.template(), PlayerPropPredictions.SCORES);
        return SqlStatement.of(StatementKind.JAVA_WRITER, TEMPLATE + " (two scored rows)", sql,
                "game_date", DATE, "model_version", "xgb-v1-abc", "training_from", DATE.minusDays(365),
                "training_to", DATE.minusDays(1), "training_rows", 2500L,
                "scores", "20240115_BOS_MIA\u001fp1\u001f21.5\u001e20240115_BOS_MIA\u001fp2\u001f9.25");
    }

    public static List<SqlStatement> reads() {
        String java = "services/predictions/src/main/java/fullcourt/predictions/ml/";
        return List.of(
                SqlStatement.of(StatementKind.TRAINING_SCORING, java + "PlayerPropPredictions.FEATURES_OF_DATE",
                        PlayerPropPredictions.FEATURES_OF_DATE, "d", DATE),
                SqlStatement.of(StatementKind.TRAINING_SCORING, java + "TrainingWindow.QUERY", TrainingWindow.QUERY,
                        "from", DATE.minusDays(365), "cutoff", DATE),
                SqlStatement.of(StatementKind.TRAINING_SCORING, java + "TrainingSet.QUERY", TrainingSet.QUERY,
                        "from", DATE.minusDays(365), "cutoff", DATE));
    }
}
