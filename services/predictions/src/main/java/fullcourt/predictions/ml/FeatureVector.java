package fullcourt.predictions.ml;

import fullcourt.engine.catalog.FeatureStore;
import fullcourt.engine.processor.PermanentFailure;
import java.util.List;
import java.util.Map;

/**
 * The feature store's rows as the model's input: the 21 features of {@link FeatureStore#FEATURES}, in their index
 * order (the contract between the feature store and the trained model).
 */
public final class FeatureVector {

    public static final List<String> NAMES = FeatureStore.FEATURES;

    public static final int SIZE = NAMES.size();

    private FeatureVector() {
    }

    /**
     * Copies the features of {@code row} into row {@code index} of a row-major matrix.
     *
     * @throws PermanentFailure when a feature is missing: the feature store fills every one
     */
    static void copy(Map<String, Object> row, float[] matrix, int index) {
        for (int j = 0; j < SIZE; j++) {
            Object value = row.get(NAMES.get(j));
            if (!(value instanceof Number number)) {
                throw new PermanentFailure("ml_feature_store_v2 row of " + row.get("game_date") + " has no value for feature "
                        + j + " (" + NAMES.get(j) + "): the feature store must fill all " + SIZE + " features");
            }
            matrix[index * SIZE + j] = number.floatValue();
        }
    }

    /** {@code f.a, f.b, ...}: the features as a SELECT list over alias {@code f}. */
    static String selectList(String alias) {
        return String.join(", ", NAMES.stream().map(n -> alias + "." + n).toList());
    }
}
