package fullcourt.predictions.ml;

import fullcourt.engine.warehouse.Warehouse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The models trained lately, by {@link TrainingWindow#key()} (cutoff, row count and checksum of
 * the training rows): the dates of one week share a window, so a week's model is trained once,
 * and its rows are read only then. Training holds the cache's lock, so two dates of a week never
 * train the same model side by side; the oldest models are released past a few.
 */
final class ModelCache {

    private final int capacity;
    private final Map<String, PointsModel> models = new LinkedHashMap<>(16, 0.75f, true);
    private int trained;

    ModelCache(int capacity) {
        this.capacity = capacity;
    }

    /** The model of {@code window}'s rows, reading them from {@code warehouse} and training it when it is not cached. */
    synchronized PointsModel modelFor(Warehouse warehouse, TrainingWindow window) {
        PointsModel model = models.get(window.key());
        if (model == null) {
            model = PointsModel.train(TrainingSet.load(warehouse, window));
            trained++;
            models.put(window.key(), model);
            if (models.size() > capacity) {
                String eldest = models.keySet().iterator().next();
                models.remove(eldest).close();
            }
        }
        return model;
    }

    /** How many models this cache trained, each after reading its rows (the rest were reused). */
    synchronized int trained() {
        return trained;
    }
}
