package fullcourt.predictions.ml;

import fullcourt.engine.warehouse.Warehouse;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the training rows of {@code [from, cutoff)} are, without reading them: their count and an
 * order-independent checksum of every value a model learns from, both computed by one aggregate
 * query in the warehouse. A cached model is valid while these are unchanged; a change to a
 * training row (a rebuilt upstream partition) changes the checksum, so the rows are read, and a
 * model trained, only when they are new.
 *
 * <p>Each row's 21 features and label are folded into one FLOAT64, their sum weighted by the
 * square roots of distinct primes (so no two columns weigh alike, and swapping values between
 * columns shows); that number with the row's key (date, game, player) is hashed as one tuple with
 * {@code ops.row_hash40}, and the checksum is the sum of these hashes over the rows. Hashing one
 * tuple of four values a row, not the text of 22, keeps the query a fraction of the cost of reading
 * the rows (and of hashing their text: 20 ms against 34 ms for a year of rows, DuckDB alone). A
 * change shows when it moves its row's weighted sum by at least the last bit (about 1e-16 of it);
 * a NULL value makes its row's sum NULL, which hashes differently too.
 */
record TrainingWindow(LocalDate from, LocalDate cutoff, long rows, long checksum) {

    static final String QUERY = "SELECT COUNT(*) AS training_rows,"
            + " CAST(COALESCE(SUM(ops.row_hash40((f.game_date, f.game_id, f.player_id, " + weightedSum() + "))), 0)"
            + " AS INT64) AS checksum"
            + TrainingSet.ROWS;

    /** The window's count and checksum; no rows when the tables do not exist yet. */
    static TrainingWindow of(Warehouse warehouse, LocalDate from, LocalDate cutoff) {
        if (!warehouse.tableExists("precompute.ml_feature_store_v2") || !warehouse.tableExists("analytics.player_game_summary")) {
            return new TrainingWindow(from, cutoff, 0, 0);
        }
        Map<String, Object> row = warehouse.query(QUERY, Map.of("from", from, "cutoff", cutoff)).get(0);
        return new TrainingWindow(from, cutoff, ((Number) row.get("training_rows")).longValue(),
                ((Number) row.get("checksum")).longValue());
    }

    /** The model cache's key: the same rows of the same window give the same key. */
    String key() {
        return cutoff + "/" + rows + "/" + checksum;
    }

    /** {@code f.x0 * sqrt(2) + f.x1 * sqrt(3) + ... + p.points * sqrt(79)}, the weights as FLOAT64 literals. */
    private static String weightedSum() {
        List<String> values = new ArrayList<>();
        FeatureVector.NAMES.forEach(n -> values.add("f." + n));
        values.add("p.points");
        List<String> terms = new ArrayList<>();
        int prime = 1;
        for (String value : values) {
            prime = nextPrime(prime);
            // 1.4142135623730951e0: the exponent makes it a FLOAT64 in BigQuery and a DOUBLE, not a DECIMAL, in DuckDB
            terms.add(value + " * " + Math.sqrt(prime) + "e0");
        }
        return String.join(" + ", terms);
    }

    private static int nextPrime(int after) {
        int n = after + 1;
        while (!BigInteger.valueOf(n).isProbablePrime(30)) {
            n++;
        }
        return n;
    }
}
