package fullcourt.predictions.ml;

import fullcourt.engine.warehouse.Warehouse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The training rows of each date, kept between trainings under lineage: a week's window shares 358 of its 365 days
 * with the week before, so a training reads only the dates whose rows it does not hold as lineage sees them now
 * ({@link TrainingWindow#rowsOf}: the digests of the date's two partitions), in one query over the span they cover,
 * and takes the others from memory. The training set is the one a read of the whole window gives, value for value
 * and in the same order (by date, then {@link TrainingSet#QUERY}'s order within a date), so the model and its
 * fingerprint are too. Without lineage, or when lineage cannot vouch for a date of the window, the whole window is
 * read, as before. Not thread-safe: {@link ModelCache} calls it under its lock.
 */
final class TrainingRows {

    /** Dates kept at most, the least recently used released first: two windows' worth (about 15 MB at 200 rows a day). */
    static final int MAX_DATES = 2 * 366;

    private record Block(String key, float[] x, float[] y) {
    }

    private final Map<LocalDate, Block> blocks = new LinkedHashMap<>(1024, 0.75f, true);
    private long datesRead;

    /** The rows of {@code window}, read from {@code warehouse} where they are not kept as they are now. */
    TrainingSet load(Warehouse warehouse, TrainingWindow window) {
        List<LocalDate> dates = window.from().datesUntil(window.cutoff()).toList();
        List<String> keys = new ArrayList<>(dates.size());
        LocalDate firstStale = null;
        LocalDate lastStale = null;
        for (LocalDate date : dates) {
            Optional<String> key = window.rowsOf(date);
            if (key.isEmpty()) {
                datesRead += dates.size();
                return TrainingSet.load(warehouse, window);
            }
            keys.add(key.get());
            Block kept = blocks.get(date);
            if (kept == null || !kept.key().equals(key.get())) {
                firstStale = firstStale == null ? date : firstStale;
                lastStale = date;
            }
        }
        if (firstStale != null) {
            read(warehouse, firstStale, lastStale, dates, keys);
        }
        return assemble(window, dates);
    }

    /** How many dates' rows were read from the warehouse so far (kept ones are not). */
    long datesRead() {
        return datesRead;
    }

    /** Reads {@code [first, last]} in one query and keeps each of its dates under its key. */
    private void read(Warehouse warehouse, LocalDate first, LocalDate last, List<LocalDate> dates, List<String> keys) {
        TrainingSet.Rows rows = TrainingSet.Rows.read(warehouse, first, last.plusDays(1));
        int row = 0;
        for (int i = dates.indexOf(first); i < dates.size() && !dates.get(i).isAfter(last); i++) {
            LocalDate date = dates.get(i);
            int begin = row;
            while (row < rows.dates().length && rows.dates()[row].equals(date)) {
                row++;
            }
            float[] x = Arrays.copyOfRange(rows.x(), begin * FeatureVector.SIZE, row * FeatureVector.SIZE);
            float[] y = Arrays.copyOfRange(rows.y(), begin, row);
            blocks.put(date, new Block(keys.get(i), x, y));
            datesRead++;
        }
        if (row != rows.dates().length) {
            throw new IllegalStateException("training rows of " + first + ".." + last + " not in date order: row " + row
                    + " is dated " + rows.dates()[row]);
        }
    }

    /** The window's rows from the kept dates, in date order; then the dates beyond {@link #MAX_DATES} released. */
    private TrainingSet assemble(TrainingWindow window, List<LocalDate> dates) {
        List<Block> parts = new ArrayList<>(dates.size());
        int rows = 0;
        LocalDate last = null;
        for (LocalDate date : dates) {
            Block block = blocks.get(date);
            parts.add(block);
            rows += block.y().length;
            last = block.y().length > 0 ? date : last;
        }
        float[] x = new float[rows * FeatureVector.SIZE];
        float[] y = new float[rows];
        int at = 0;
        for (Block block : parts) {
            System.arraycopy(block.x(), 0, x, at * FeatureVector.SIZE, block.x().length);
            System.arraycopy(block.y(), 0, y, at, block.y().length);
            at += block.y().length;
        }
        // the window's dates were just used: the least recently used are older windows'
        var eldest = blocks.keySet().iterator();
        while (blocks.size() > MAX_DATES) {
            eldest.next();
            eldest.remove();
        }
        return new TrainingSet(window.from(), window.cutoff(), x, y, last, TrainingSet.fingerprint(x, y));
    }
}
