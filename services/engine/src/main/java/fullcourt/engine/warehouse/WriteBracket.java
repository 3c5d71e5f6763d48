package fullcourt.engine.warehouse;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Statements that belong to a partition's write (its lineage): {@code before} it and {@code after}
 * it. DuckDB runs them in the write's own transaction, so the partition and its lineage commit
 * together; BigQuery cannot put a WRITE_TRUNCATE job and DML in one transaction, so it runs
 * {@code before} as jobs ahead of the write and {@code after} right behind it. {@code after} is made
 * once the table exists (a first write creates it), so it may read the table's columns.
 */
public record WriteBracket(List<Statement> before, Supplier<List<Statement>> after) {

    /** A write with nothing around it. */
    public static final WriteBracket NONE = new WriteBracket(List.of(), List::of);

    /**
     * A statement run once per parameter set, as {@link Warehouse#updateBatch} runs it. With {@code inserted}, an
     * INSERT whose rows the engine hands back where it can (DuckDB's {@code RETURNING *}, in the write's transaction,
     * before it commits); BigQuery's DML returns no rows, so there it is never called.
     */
    public record Statement(String sql, List<Map<String, Object>> paramSets, Consumer<Map<String, Object>> inserted) {

        public Statement(String sql, List<Map<String, Object>> paramSets) {
            this(sql, paramSets, null);
        }

        public static Statement of(String sql, Map<String, Object> params) {
            return new Statement(sql, List.of(params));
        }

        /** An INSERT of one parameter set whose inserted rows go to {@code inserted} where the engine returns them. */
        public static Statement returning(String sql, Map<String, Object> params,
                                          Consumer<Map<String, Object>> inserted) {
            return new Statement(sql, List.of(params), inserted);
        }
    }
}
