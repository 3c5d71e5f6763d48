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
 * into which the scores are put as a parameterised table, so both warehouses write them the same
 * atomic way as every SQL model.
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

    /** A SELECT of one row per scored player-game (UNION ALL), its values as parameters. */
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
        for (int i = 0; i < rows.size(); i++) {
            params.put("g" + i, rows.get(i).get("game_id"));
            params.put("p" + i, rows.get(i).get("player_id"));
            params.put("s" + i, (double) points[i]);
        }
        return scoreRows(rows.size());
    }

    /**
     * The score table of {@code n} player-games: row i is {@code @g<i>} (game_id), {@code @p<i>} (player_id) and
     * {@code @s<i>} (ml_points), one UNION ALL branch each, with the model's {@code @model_version},
     * {@code @training_from}, {@code @training_to} and {@code @training_rows} added once to all of them (not once per
     * branch: planning the statement costs the engine per expression, and it is planned at each execution).
     */
    static String scoreRows(int n) {
        StringBuilder sql = new StringBuilder("SELECT s.game_id, s.player_id, s.ml_points,"
                + " @model_version AS model_version, @training_from AS training_from, @training_to AS training_to,"
                + " CAST(@training_rows AS INT64) AS training_rows\n    FROM (");
        for (int i = 0; i < n; i++) {
            sql.append(i == 0
                    ? "SELECT @g0 AS game_id, @p0 AS player_id, @s0 AS ml_points"
                    : "\n        UNION ALL SELECT @g" + i + ", @p" + i + ", @s" + i);
        }
        return sql.append(") AS s").toString();
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
