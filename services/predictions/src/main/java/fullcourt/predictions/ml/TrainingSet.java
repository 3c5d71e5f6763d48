package fullcourt.predictions.ml;

import fullcourt.engine.processor.PermanentFailure;
import fullcourt.engine.warehouse.Warehouse;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The rows a model is trained on: feature rows of {@code [from, cutoff)} whose player played,
 * labelled with the points he scored. Nothing of the cutoff date or later is read, so a model
 * trained on it cannot have seen the games it predicts. The fingerprint (SHA-256 of the values
 * trained on) names the model in its version; {@link TrainingWindow} tells, without reading the
 * rows, whether they changed.
 */
public record TrainingSet(LocalDate from, LocalDate cutoff, float[] features, float[] labels, LocalDate lastDate,
                          String fingerprint) {

    /** The training rows' FROM and WHERE clauses, parameters {@code @from} and {@code @cutoff}. */
    static final String ROWS = " FROM precompute.ml_feature_store_v2 AS f"
            + " JOIN analytics.player_game_summary AS p ON p.game_id = f.game_id AND p.player_id = f.player_id"
            + " WHERE f.game_date >= @from AND f.game_date < @cutoff AND p.minutes > 0 AND p.points IS NOT NULL";

    static final String QUERY = "SELECT f.game_date, " + FeatureVector.selectList("f") + ", p.points AS label" + ROWS
            + " ORDER BY f.game_date, f.game_id, f.player_id";

    /** Reads the rows of {@code window}, in a fixed order. */
    static TrainingSet load(Warehouse warehouse, TrainingWindow window) {
        Rows rows = Rows.read(warehouse, window.from(), window.cutoff());
        LocalDate last = rows.dates().length == 0 ? null : rows.dates()[rows.dates().length - 1];
        return new TrainingSet(window.from(), window.cutoff(), rows.x(), rows.y(), last, fingerprint(rows.x(), rows.y()));
    }

    /** Training rows as {@link #QUERY} gives them: features (row-major), labels, and each row's date. */
    record Rows(float[] x, float[] y, LocalDate[] dates) {

        /** The rows of {@code [from, cutoff)}, in {@link #QUERY}'s order (by date, game, player). */
        static Rows read(Warehouse warehouse, LocalDate from, LocalDate cutoff) {
            List<Map<String, Object>> rows = warehouse.query(QUERY, Map.of("from", from, "cutoff", cutoff));
            float[] x = new float[rows.size() * FeatureVector.SIZE];
            float[] y = new float[rows.size()];
            LocalDate[] dates = new LocalDate[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                Map<String, Object> row = rows.get(i);
                FeatureVector.copy(row, x, i);
                y[i] = ((Number) row.get("label")).floatValue();
                dates[i] = (LocalDate) row.get("game_date");
            }
            return new Rows(x, y, dates);
        }
    }

    public int size() {
        return labels.length;
    }

    /** Floats digested at a time: the values' bytes go through a small buffer, not a copy of the whole set. */
    private static final int CHUNK = 16 * 1024;

    /**
     * The first 10 hex digits of the SHA-256 of {@code x}'s then {@code y}'s values as big-endian IEEE 754 bytes. A
     * year's set is about 2 MB of floats: a copy of it in one buffer was a humongous allocation for G1 at every
     * training, which started a concurrent cycle of its own with a bounded heap (bench/REPORT.md, section 6, eighth
     * session).
     */
    static String fingerprint(float[] x, float[] y) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            ByteBuffer buffer = ByteBuffer.allocate(4 * CHUNK);
            for (float[] values : List.of(x, y)) {
                for (int from = 0; from < values.length; from += CHUNK) {
                    int n = Math.min(CHUNK, values.length - from);
                    buffer.clear();
                    buffer.asFloatBuffer().put(values, from, n);
                    digest.update(buffer.array(), 0, 4 * n);
                }
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new PermanentFailure("SHA-256 unavailable", e);
        }
    }
}
