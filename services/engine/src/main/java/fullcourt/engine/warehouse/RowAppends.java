package fullcourt.engine.warehouse;

import java.util.List;
import java.util.Map;

/**
 * Appends to an append-only table without DML, where the warehouse has such a path (BigQuery's Storage Write API):
 * no DML statement quota, no query job per append.
 */
public interface RowAppends {

    /**
     * Appends {@code rows} (column name to value: Long or Integer, String, LocalDate, Timestamp or Instant, Double,
     * Boolean, or null) to {@code table} ({@code dataset.table}), in order and exactly once.
     *
     * @param columns the columns written and their types; the table may have more, which stay null
     * @throws fullcourt.engine.processor.PermanentFailure when the warehouse refused the rows (nothing of that request
     *     was written), naming the rows and why
     * @throws fullcourt.engine.processor.RetryableFailure when the warehouse did not answer after the retries
     */
    void append(String table, List<Column> columns, List<Map<String, Object>> rows);
}
