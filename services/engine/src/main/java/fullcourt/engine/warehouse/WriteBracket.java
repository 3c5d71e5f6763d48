package fullcourt.engine.warehouse;

import java.util.List;
import java.util.Map;
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

    /** A statement run once per parameter set, as {@link Warehouse#updateBatch} runs it. */
    public record Statement(String sql, List<Map<String, Object>> paramSets) {

        public static Statement of(String sql, Map<String, Object> params) {
            return new Statement(sql, List.of(params));
        }
    }
}
