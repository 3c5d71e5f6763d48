package fullcourt.predictions.ml;

import fullcourt.engine.warehouse.Warehouse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The models trained lately, by {@link TrainingWindow#key()}: the dates of one week share a window,
 * so a week's model is trained once, and its rows are read only then ({@link TrainingRows}: under lineage,
 * only the dates not read for an earlier window). A window of fewer than
 * {@code minRows} rows has no model, kept as such too. Training holds the cache's lock, so two dates
 * of a week never train the same model side by side; the oldest models are released past a few.
 */
final class ModelCache {

    private final int capacity;
    private final long minRows;
    /** Key -> model, or empty: too few rows. */
    private final Map<String, Optional<PointsModel>> models = new LinkedHashMap<>(16, 0.75f, true);
    private final TrainingRows trainingRows = new TrainingRows();
    private int trained;

    ModelCache(int capacity, long minRows) {
        this.capacity = capacity;
        this.minRows = minRows;
    }

    /**
     * The model of {@code window}'s rows, reading them from {@code warehouse} and training it when it is not cached;
     * empty when the window has fewer than the minimum rows.
     */
    synchronized Optional<PointsModel> modelFor(Warehouse warehouse, TrainingWindow window) {
        if (window.rows() != TrainingWindow.UNCOUNTED && window.rows() < minRows) {
            return Optional.empty(); // counted already: nothing to read
        }
        Optional<PointsModel> model = models.get(window.key());
        if (model == null) {
            TrainingSet rows = trainingRows.load(warehouse, window);
            model = rows.size() < minRows ? Optional.empty() : Optional.of(PointsModel.train(rows));
            trained += model.isPresent() ? 1 : 0;
            models.put(window.key(), model);
            if (models.size() > capacity) {
                String eldest = models.keySet().iterator().next();
                models.remove(eldest).ifPresent(PointsModel::close);
            }
        }
        return model;
    }

    /** How many models this cache trained, each after reading its rows (the rest were reused). */
    synchronized int trained() {
        return trained;
    }

    /** How many dates' training rows were read from the warehouse (under lineage, a kept date is not read again). */
    synchronized long trainingDatesRead() {
        return trainingRows.datesRead();
    }
}
