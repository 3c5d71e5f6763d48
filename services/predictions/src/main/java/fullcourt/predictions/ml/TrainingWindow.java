package fullcourt.predictions.ml;

import fullcourt.engine.processor.InputDigests;
import fullcourt.engine.processor.TaskContext;
import fullcourt.engine.warehouse.Warehouse;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the training rows of {@code [from, cutoff)} are, without reading them: the model cache's key.
 * Under lineage, the digests of the two tables' partitions over those dates as lineage saw them
 * before the task ({@link InputDigests}: their recorded fingerprints, so nothing is read); without
 * it, their count and an order-independent checksum of every value a model learns from, both
 * computed by one aggregate query in the warehouse ({@link #QUERY}). A cached model is valid while
 * the key is unchanged; a change to a training row (a rebuilt upstream partition) changes it, so the
 * rows are read, and a model trained, only when they are new. A digest over no partition at all
 * (lineage never saw those tables written, as when they were loaded without it) is not trusted: the
 * query decides. Under lineage the window also gives each date's digests ({@link #rowsOf}), by which
 * {@link TrainingRows} keeps each date's rows between trainings.
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
record TrainingWindow(LocalDate from, LocalDate cutoff, String key, long rows, InputDigests seen) {

    /** {@link #rows} when the key came from lineage: the count is known once the rows are read. */
    static final long UNCOUNTED = -1;
    static final String FEATURES = "ml_feature_store_v2";
    static final String PLAYED = "player_game_summary";

    static final String QUERY = "SELECT COUNT(*) AS training_rows,"
            + " CAST(COALESCE(SUM(ops.row_hash40((f.game_date, f.game_id, f.player_id, " + weightedSum() + "))), 0)"
            + " AS INT64) AS checksum"
            + TrainingSet.ROWS;

    /** The window of {@code task}: keyed by lineage's digests when it gives them, else by {@link #QUERY}. */
    static TrainingWindow of(TaskContext task, LocalDate from, LocalDate cutoff) {
        Warehouse warehouse = task.warehouse();
        if (!warehouse.tableExists("precompute.ml_feature_store_v2") || !warehouse.tableExists("analytics.player_game_summary")) {
            return new TrainingWindow(from, cutoff, cutoff + "/none", 0, null);
        }
        LocalDate last = cutoff.minusDays(1);
        Optional<String> features = task.inputs().digest(FEATURES, from, last).filter(TrainingWindow::seenWritten);
        Optional<String> played = task.inputs().digest(PLAYED, from, last).filter(TrainingWindow::seenWritten);
        if (features.isPresent() && played.isPresent()) {
            return new TrainingWindow(from, cutoff, cutoff + "/lineage/" + features.get() + "/" + played.get(), UNCOUNTED,
                    task.inputs());
        }
        Map<String, Object> row = warehouse.query(QUERY, Map.of("from", from, "cutoff", cutoff)).get(0);
        long rows = ((Number) row.get("training_rows")).longValue();
        return new TrainingWindow(from, cutoff, cutoff + "/" + rows + "/" + ((Number) row.get("checksum")).longValue(),
                rows, null);
    }

    /**
     * What the training rows of {@code date} are, from lineage's digests of that date's two partitions (a date's rows
     * join its feature rows to the box scores of the same games, dated that date); empty when the window's key is not
     * lineage's, or lineage cannot say (a partition of that date being written).
     */
    Optional<String> rowsOf(LocalDate date) {
        if (seen == null) {
            return Optional.empty();
        }
        Optional<String> features = seen.digest(FEATURES, date, date);
        Optional<String> played = seen.digest(PLAYED, date, date);
        return features.isPresent() && played.isPresent()
                ? Optional.of(features.get() + "/" + played.get()) : Optional.empty();
    }

    /** Whether a digest covers at least one partition with rows ({@code n:sum}, n > 0). */
    private static boolean seenWritten(String digest) {
        return !digest.startsWith("0:");
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
