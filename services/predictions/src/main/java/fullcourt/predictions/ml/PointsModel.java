package fullcourt.predictions.ml;

import fullcourt.engine.processor.PermanentFailure;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Gradient-boosted regression trees (XGBoost) predicting a player's points from his 21 features.
 * Training is deterministic: one thread, a fixed seed, rows in a fixed order, so the same
 * training set gives the same model after any restart.
 */
public final class PointsModel implements AutoCloseable {

    /** Hyperparameters; part of the model version. */
    static final Map<String, Object> PARAMS = Map.of(
            "objective", "reg:squarederror",
            "tree_method", "hist",
            "max_depth", 4,
            "eta", 0.05,
            "min_child_weight", 20,
            "subsample", 1.0,
            "nthread", 1,
            "seed", 42);
    static final int ROUNDS = 200;
    static final String FAMILY = "xgb-v1";

    private final Booster booster;
    private final String version;
    private final LocalDate trainingFrom;
    private final LocalDate trainingTo;
    private final int trainingRows;

    private PointsModel(Booster booster, TrainingSet set) {
        this.booster = booster;
        this.version = FAMILY + "-" + set.cutoff() + "-" + set.fingerprint();
        this.trainingFrom = set.from();
        this.trainingTo = set.lastDate();
        this.trainingRows = set.size();
    }

    public static PointsModel train(TrainingSet set) {
        if (set.size() == 0) {
            throw new IllegalArgumentException("cannot train on an empty training set");
        }
        try {
            DMatrix matrix = new DMatrix(set.features(), set.size(), FeatureVector.SIZE, Float.NaN);
            try {
                matrix.setLabel(set.labels());
                Booster booster = XGBoost.train(matrix, new HashMap<>(PARAMS), ROUNDS, Map.of(), null, null);
                return new PointsModel(booster, set);
            } finally {
                matrix.dispose();
            }
        } catch (XGBoostError e) {
            throw new PermanentFailure("XGBoost training failed on " + set.size() + " rows: " + e.getMessage(), e);
        }
    }

    /** Predicted points for each row of a row-major feature matrix. */
    public synchronized float[] predict(float[] features, int rows) {
        if (rows == 0) {
            return new float[0];
        }
        try {
            DMatrix matrix = new DMatrix(features, rows, FeatureVector.SIZE, Float.NaN);
            try {
                float[][] out = booster.predict(matrix);
                float[] points = new float[rows];
                for (int i = 0; i < rows; i++) {
                    points[i] = out[i][0];
                }
                return points;
            } finally {
                matrix.dispose();
            }
        } catch (XGBoostError e) {
            throw new PermanentFailure("XGBoost prediction failed: " + e.getMessage(), e);
        }
    }

    /** {@code xgb-v1-<cutoff>-<training data fingerprint>}. */
    public String version() {
        return version;
    }

    public LocalDate trainingFrom() {
        return trainingFrom;
    }

    /** The last date of the training rows (the day before the cutoff at the latest). */
    public LocalDate trainingTo() {
        return trainingTo;
    }

    public int trainingRows() {
        return trainingRows;
    }

    @Override
    public synchronized void close() {
        booster.dispose();
    }
}
