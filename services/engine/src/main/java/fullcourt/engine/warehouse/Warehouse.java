package fullcourt.engine.warehouse;

import fullcourt.engine.processor.Cancellation;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The warehouse port: SQL with named {@code @parameters}, never concatenated values. Errors come
 * out typed: {@link fullcourt.engine.processor.RetryableFailure} for what another attempt may fix,
 * {@link fullcourt.engine.processor.PermanentFailure} for the rest.
 */
public interface Warehouse {

    /**
     * Replaces the partition {@code partitionColumn = date} of {@code table} with the rows of
     * {@code selectSql}, atomically: readers see the old partition or the new one, never a mix.
     * Creates the table from the query's shape when it does not exist.
     *
     * @return rows written
     */
    default long replacePartition(String table, String partitionColumn, LocalDate date, String selectSql,
                                  Map<String, Object> params, Cancellation cancellation) {
        return replacePartition(table, partitionColumn, date, selectSql, params, cancellation, WriteBracket.NONE);
    }

    /**
     * {@link #replacePartition(String, String, LocalDate, String, Map, Cancellation)} with statements that belong to
     * the write around it: in its transaction where the engine has one (DuckDB), else right before and after it.
     */
    long replacePartition(String table, String partitionColumn, LocalDate date, String selectSql,
                          Map<String, Object> params, Cancellation cancellation, WriteBracket bracket);

    /**
     * Empties the partition {@code partitionColumn = date} of {@code table}, with {@code bracket} around it as
     * {@link #replacePartition(String, String, LocalDate, String, Map, Cancellation, WriteBracket)} runs it: a
     * replacement by no rows (on BigQuery an empty result truncates the partition, as a WRITE_TRUNCATE of no rows
     * does: https://github.com/dlt-hub/dlt/issues/3998). A table that does not exist has nothing to empty: the
     * bracket's statements alone run.
     */
    default void clearPartition(String table, String partitionColumn, LocalDate date, Cancellation cancellation,
                                WriteBracket bracket) {
        if (tableExists(table)) {
            replacePartition(table, partitionColumn, date, "SELECT * FROM " + table + " WHERE FALSE", Map.of(),
                    cancellation, bracket);
            return;
        }
        bracket.before().forEach(st -> updateBatch(st.sql(), st.paramSets()));
        bracket.after().get().forEach(st -> updateBatch(st.sql(), st.paramSets()));
    }

    /** Runs a query and returns its rows as column-name maps, in order. */
    List<Map<String, Object>> query(String sql, Map<String, Object> params);

    /** Runs a statement (DDL or DML); returns the affected row count where the engine reports one. */
    long update(String sql, Map<String, Object> params);

    /** Runs one statement for each parameter set, in one transaction. */
    void updateBatch(String sql, List<Map<String, Object>> paramSets);

    /**
     * Appends {@code rows} to {@code table} only while {@code condition} holds, checked by the writing statements
     * themselves (see {@link ConditionalInsert}), so no other writer can get between the check and the write.
     * Here: statements of up to {@link ConditionalInsert#MAX_ROWS} rows, each written whole or refused whole, so a
     * refusal after the first statement leaves the earlier ones written (an engine with transactions overrides this
     * to write all or nothing).
     *
     * @return whether every row was written; false as soon as the condition refused a statement
     */
    default boolean appendIf(String table, List<Column> columns, List<Map<String, Object>> rows, String condition,
                             Map<String, Object> conditionParams) {
        for (int from = 0; from < rows.size(); from += ConditionalInsert.MAX_ROWS) {
            List<Map<String, Object>> chunk = rows.subList(from, Math.min(rows.size(), from + ConditionalInsert.MAX_ROWS));
            ConditionalInsert insert = ConditionalInsert.of(table, columns, chunk, condition, conditionParams);
            if (update(insert.sql(), insert.parameters()) != chunk.size()) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code dataset.table} exists. */
    boolean tableExists(String table);

    /** The columns of {@code dataset.table} in their declared order; empty when it does not exist. */
    List<Column> columns(String table);

    /** Appends without DML, where this warehouse has a way (BigQuery's Storage Write API); empty: use SQL. */
    default Optional<RowAppends> rowAppends() {
        return Optional.empty();
    }
}
