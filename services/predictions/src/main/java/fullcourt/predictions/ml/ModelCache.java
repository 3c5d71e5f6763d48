package fullcourt.predictions.ml;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The models trained lately, by version (cutoff + data fingerprint): the dates of one week share
 * a cutoff, so a week's model is trained once. Training holds the cache's lock, so two dates of a
 * week never train the same model side by side; the oldest models are released past a few.
 */
final class ModelCache {

    private final int capacity;
    private final Map<String, PointsModel> models = new LinkedHashMap<>(16, 0.75f, true);
    private int trained;

    ModelCache(int capacity) {
        this.capacity = capacity;
    }

    synchronized PointsModel modelFor(TrainingSet set) {
        String key = set.cutoff() + "-" + set.fingerprint();
        PointsModel model = models.get(key);
        if (model == null) {
            model = PointsModel.train(set);
            trained++;
            models.put(key, model);
            if (models.size() > capacity) {
                String eldest = models.keySet().iterator().next();
                models.remove(eldest).close();
            }
        }
        return model;
    }

    /** How many models this cache trained (the rest were reused). */
    synchronized int trained() {
        return trained;
    }
}
