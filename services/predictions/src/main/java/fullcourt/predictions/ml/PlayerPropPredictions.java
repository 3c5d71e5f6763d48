package fullcourt.predictions.ml;

import fullcourt.engine.catalog.ProcessorDeclaration;
import fullcourt.engine.processor.Outcome;
import fullcourt.engine.processor.PermanentFailure;
import fullcourt.engine.processor.Processor;
import fullcourt.engine.processor.SqlModelProcessor;
import fullcourt.engine.processor.TaskContext;
import fullcourt.engine.warehouse.Warehouse;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Phase 5A: three prediction systems per player-game of a date, from its feature-store rows.
 *
 * <ul>
 *   <li>{@code moving_average}: the player's points over his last 10 games (the baseline);</li>
 *   <li>{@code xgboost}: gradient-boosted trees trained on feature rows of the 365 days before the
 *   week's cutoff (the Monday on or before the date), labelled with the points scored. Strictly
 *   before the date predicted: no row of that date or later is ever read for training. Retrained
 *   each week (and whenever its training rows change); its version, training window and row
 *   count are recorded on each prediction. Without {@value #MIN_TRAINING_ROWS} training rows
 *   (the first weeks of the first season) it has no model and predicts nothing;</li>
 *   <li>{@code ensemble}: a fixed blend of the two.</li>
 * </ul>
 *
 * A date without feature rows has no player to predict: the task ends SKIPPED with that reason rather than
 * SUCCEEDED with 0 rows. Without a model (too few training rows) the baseline and the ensemble still predict, so
 * that date is written, its xgboost rows empty, as before.
 *
 * Training and scoring are Java; the rows are written by {@code ml/player_prop_predictions.sql},
 * into which the scores are put as a table read from one parameter ({@code ops.score_rows(@scores)}), so both
 * warehouses write them the same atomic way as every SQL model.
 */
@ApplicationScoped
public class PlayerPropPredictions implements Processor {

    static final String NAME = "player_prop_predictions";
    static final int MIN_TRAINING_ROWS = 2000;
    static final int TRAINING_DAYS = 365;
    static final String BEGIN = "-- ML_SCORES_BEGIN";
    static final String END = "-- ML_SCORES_END";
    static final String FEATURES_OF_DATE = "SELECT f.game_date, f.game_id, f.player_id, "
            + FeatureVector.selectList("f") + " FROM precompute.ml_feature_store_v2 AS f WHERE f.game_date = @d"
            + " ORDER BY f.game_id, f.player_id";

    private final String template = template();
    private final String version = PointsModel.FAMILY + "+" + SqlModelProcessor.hash(template);
    private final ModelCache models = new ModelCache(4, MIN_TRAINING_ROWS);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version(ProcessorDeclaration declaration) {
        return version;
    }

    /** How many models this processor trained since it started (a week's dates share one). */
    int modelsTrained() {
        return models.trained();
    }

    /** How many dates' training rows this processor read since it started. */
    long trainingDatesRead() {
        return models.trainingDatesRead();
    }

    /** The Monday on or before {@code date}: rows from this day on never train the model used for {@code date}. */
    public static LocalDate cutoff(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    @Override
    public Outcome process(TaskContext task) {
        Warehouse warehouse = task.warehouse();
        LocalDate date = task.date();
        String skip = SqlModelProcessor.skipReason(task);
        if (skip != null) {
            return Outcome.skipped(skip);
        }
        List<Map<String, Object>> features = warehouse.query(FEATURES_OF_DATE, Map.of("d", date));
        if (features.isEmpty()) {
            return Outcome.skipped(SqlModelProcessor.nothingToWorkFrom(date,
                    List.of("no rows in precompute.ml_feature_store_v2 (no player to predict)")));
        }
        LocalDate cutoff = cutoff(date);
        TrainingWindow training = TrainingWindow.of(task, cutoff.minusDays(TRAINING_DAYS), cutoff);
        Map<String, Object> params = new HashMap<>();
        params.put("game_date", date);
        String scores = null;
        Optional<PointsModel> model = models.modelFor(warehouse, training);
        if (model.isPresent()) {
            task.cancellation().check();
            scores = scores(model.get(), features, params);
        }
        task.cancellation().check();
        return Outcome.written(warehouse.replacePartition(task.declaration().table(), task.declaration().partitionColumn(),
                date, withScores(template, scores), params, task.cancellation()));
    }

    /** Separates a scored player-game's fields in {@code @scores}, and its rows ({@code ops.score_rows}). */
    static final char FIELD = '\u001f';
    static final char ROW = '\u001e';

    /**
     * The score table of {@code rows}, scored by {@code model}: {@link #SCORES}, its rows in one {@code @scores} text
     * that {@code ops.score_rows} splits (game_id, player_id, ml_points), with the model's {@code @model_version},
     * {@code @training_from}, {@code @training_to} and {@code @training_rows}. One parameter, not three per row: a
     * UNION ALL branch per player-game cost DuckDB about 50 us to plan each, at each execution (8 ms of a date's 12).
     */
    static String scores(PointsModel model, List<Map<String, Object>> rows, Map<String, Object> params) {
        if (rows.isEmpty()) {
            return null;
        }
        float[] x = new float[rows.size() * FeatureVector.SIZE];
        for (int i = 0; i < rows.size(); i++) {
            FeatureVector.copy(rows.get(i), x, i);
        }
        float[] points = model.predict(x, rows.size());
        params.put("model_version", model.version());
        params.put("training_from", model.trainingFrom());
        params.put("training_to", model.trainingTo());
        params.put("training_rows", (long) model.trainingRows());
        StringBuilder scores = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            scores.append(i == 0 ? "" : String.valueOf(ROW))
                    .append(field(rows.get(i), "game_id")).append(FIELD)
                    .append(field(rows.get(i), "player_id")).append(FIELD)
                    // Java's text of the double reads back as exactly that double, on both engines (correctly rounded parsers)
                    .append(Double.toString(points[i]));
        }
        params.put("scores", scores.toString());
        return SCORES;
    }

    /** The score table's SELECT, reading the rows of {@code @scores}. */
    static final String SCORES = "SELECT s.game_id, s.player_id, s.ml_points,"
            + " @model_version AS model_version, @training_from AS training_from, @training_to AS training_to,"
            + " CAST(@training_rows AS INT64) AS training_rows\n    FROM ops.score_rows(@scores) AS s";

    /** A key of a feature row as the score table carries it: text without the separators. */
    private static String field(Map<String, Object> row, String column) {
        String value = String.valueOf(row.get(column));
        if (value.indexOf(FIELD) >= 0 || value.indexOf(ROW) >= 0) {
            throw new PermanentFailure("precompute.ml_feature_store_v2 has a " + column + " with a control character"
                    + " (U+001E or U+001F), which the scores cannot carry: " + value.replace(FIELD, '?').replace(ROW, '?')
                    + "; fix that id in the raw data and rebuild");
        }
        return value;
    }

    /** The template with its empty score table replaced by {@code scores} (unchanged when null: no model). */
    static String withScores(String template, String scores) {
        if (scores == null) {
            return template;
        }
        int begin = template.indexOf(BEGIN);
        int end = template.indexOf(END);
        return template.substring(0, begin) + scores + "\n" + template.substring(end);
    }

    static String template() {
        try (InputStream in = PlayerPropPredictions.class.getClassLoader().getResourceAsStream("ml/player_prop_predictions.sql")) {
            if (in == null) {
                throw new PermanentFailure("ml/player_prop_predictions.sql is not on the classpath");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!text.contains(BEGIN) || text.indexOf(END) < text.indexOf(BEGIN)) {
                throw new PermanentFailure("ml/player_prop_predictions.sql lacks its " + BEGIN + " / " + END + " markers");
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
