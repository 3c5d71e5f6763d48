package fullcourt.engine.warehouse;

import fullcourt.engine.processor.PermanentFailure;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Statements that belong to a partition's write (its lineage): {@code before} it and {@code after}
 * it. DuckDB runs them in the write's own transaction, so the partition and its lineage commit
 * together; BigQuery cannot put a WRITE_TRUNCATE job and DML in one transaction, so it writes
 * {@code before} ahead of the write and {@code after} right behind it: a statement that knows its rows
 * ({@link Statement#rows()}) as an append without DML ({@link #append}), any other as query jobs. {@code after}
 * is made once the table exists (a first write creates it), so it may read the table's columns.
 */
public record WriteBracket(List<Statement> before, Supplier<List<Statement>> after) {

    /** A write with nothing around it. */
    public static final WriteBracket NONE = new WriteBracket(List.of(), List::of);

    /**
     * A statement run once per parameter set, as {@link Warehouse#updateBatch} runs it. With {@code inserted}, an
     * INSERT whose rows the engine hands back where it can (DuckDB's {@code RETURNING *}, in the write's transaction,
     * before it commits; an engine that appends {@code rows} instead, the rows as appended once acknowledged).
     * With {@code rows}, an INSERT whose rows are known apart from its SQL, so that an engine without a transaction
     * around the write may append them instead of running the statement ({@link #append}); null for a statement that
     * is only SQL.
     */
    public record Statement(String sql, List<Map<String, Object>> paramSets, Consumer<Map<String, Object>> inserted,
                            Rows rows) {

        public Statement(String sql, List<Map<String, Object>> paramSets, Consumer<Map<String, Object>> inserted) {
            this(sql, paramSets, inserted, null);
        }

        public Statement(String sql, List<Map<String, Object>> paramSets) {
            this(sql, paramSets, null, null);
        }

        public static Statement of(String sql, Map<String, Object> params) {
            return new Statement(sql, List.of(params));
        }

        /** An INSERT of one parameter set whose inserted rows go to {@code inserted} where the engine returns them. */
        public static Statement returning(String sql, Map<String, Object> params,
                                          Consumer<Map<String, Object>> inserted) {
            return new Statement(sql, List.of(params), inserted);
        }

        /**
         * {@code INSERT INTO table (columns) VALUES (@column, ...)} once per row ({@link #insertSql}), or the rows
         * appended as they are.
         */
        public static Statement insert(String table, List<Column> columns, List<Map<String, Object>> rows) {
            return new Statement(insertSql(table, columns), rows, null, new Rows(table, columns, rows, null));
        }

        /** A single-row INSERT of every column, each value the parameter named as its column. */
        public static String insertSql(String table, List<Column> columns) {
            return "INSERT INTO " + table + " (" + columns.stream().map(Column::name).collect(Collectors.joining(", "))
                    + ") VALUES (" + columns.stream().map(c -> "@" + c.name()).collect(Collectors.joining(", ")) + ")";
        }

        /**
         * Writes the statement's {@link #rows()} through {@code appends} instead of running it: its computed columns
         * first, from one query of {@code warehouse} (a SELECT, no DML), then every row in order, acknowledged when
         * this returns; the rows as appended then go to {@link #inserted()}, if any. No rows: nothing is sent.
         *
         * @throws IllegalStateException when the statement does not know its rows
         */
        public void append(RowAppends appends, Warehouse warehouse) {
            if (rows == null) {
                throw new IllegalStateException("not a statement whose rows are known: " + sql);
            }
            if (rows.values().isEmpty()) {
                return;
            }
            List<Map<String, Object>> appended = rows.computed() == null ? rows.values()
                    : rows.with(rows.computed().from(warehouse));
            appends.append(rows.table(), rows.columns(), appended);
            if (inserted != null) {
                appended.forEach(inserted);
            }
        }
    }

    /**
     * The rows an INSERT writes into {@code table}: each of {@code values} (column name to value; a column left out is
     * null), with {@code computed}'s columns added when it is not null.
     *
     * @param columns every column of the table written, with its type ({@code INT64}, {@code STRING}, {@code DATE},
     *                {@code TIMESTAMP}...), in the table's order
     */
    public record Rows(String table, List<Column> columns, List<Map<String, Object>> values, Computed computed) {

        public Rows {
            Objects.requireNonNull(table, "table");
            columns = List.copyOf(columns);
            values = List.copyOf(values);
            Set<String> names = columns.stream().map(Column::name).collect(Collectors.toSet());
            for (Map<String, Object> row : values) {
                if (!names.containsAll(row.keySet())) {
                    throw new IllegalArgumentException("row " + row.keySet() + " names a column " + table
                            + " does not have: its columns are " + names);
                }
            }
        }

        /**
         * Each row with the columns of {@code computed} (the one row of {@link Computed#query}) added.
         *
         * @throws PermanentFailure when {@code computed} names a column the table does not have
         */
        public List<Map<String, Object>> with(Map<String, Object> computed) {
            Set<String> names = columns.stream().map(Column::name).collect(Collectors.toSet());
            if (!names.containsAll(computed.keySet())) {
                throw new PermanentFailure("the query computing rows of " + table + " returned columns "
                        + computed.keySet() + ", not all of them columns of " + table + " " + names);
            }
            List<Map<String, Object>> out = new ArrayList<>(values.size());
            for (Map<String, Object> row : values) {
                Map<String, Object> complete = new HashMap<>(row);
                complete.putAll(computed);
                out.add(complete);
            }
            return out;
        }
    }

    /**
     * A {@code query} (a SELECT: no DML) of exactly one row, with its {@code params}, whose columns complete the rows
     * of a statement: what the statement computes in the warehouse (an {@code INSERT ... SELECT}). With {@code
     * fromWrite}, the same columns as a sum over the rows the write itself inserts, which an engine whose INSERT hands
     * back its rows may compute instead of querying the table again ({@link FromWrite}).
     */
    public record Computed(String query, Map<String, Object> params, FromWrite fromWrite) {

        public Computed {
            Objects.requireNonNull(query, "query");
            params = Map.copyOf(params);
        }

        public Computed(String query, Map<String, Object> params) {
            this(query, params, null);
        }

        /**
         * The query's one row, run on {@code warehouse}.
         *
         * @throws PermanentFailure when it returns no row or several
         */
        public Map<String, Object> from(Warehouse warehouse) {
            List<Map<String, Object>> result = warehouse.query(query, params);
            if (result.size() != 1) {
                throw new PermanentFailure("the query computing a row returned " + result.size()
                        + " rows, not one: " + query);
            }
            return result.get(0);
        }
    }

    /**
     * What a {@link Computed} query computes, stated over the rows a write of {@code partition} of {@code table}
     * inserts: {@code rowHash} (a SQL expression over the table's columns, an INT64) of each inserted row whose
     * {@code partitionColumn} is {@code partition}, counted and summed, then turned into the statement's columns by
     * {@code columns}. The query must compute the same from the partition (its row count and the sum of the same
     * expression over its rows, 0 without rows): right after the write's delete and insert in one transaction, the
     * partition's rows are the inserted rows. DuckDB hands the hashes back from the model's own INSERT ({@code
     * RETURNING}), so the partition is not scanned and its fingerprint statement not planned again after it.
     */
    public record FromWrite(String table, String partitionColumn, LocalDate partition, String rowHash,
                            Summed columns) {

        public FromWrite {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(partitionColumn, "partitionColumn");
            Objects.requireNonNull(partition, "partition");
            Objects.requireNonNull(rowHash, "rowHash");
            Objects.requireNonNull(columns, "columns");
        }

        /** Whether it describes a write of {@code partition} of {@code table} by {@code partitionColumn}. */
        public boolean of(String table, String partitionColumn, LocalDate partition) {
            return this.table.equals(table) && this.partitionColumn.equals(partitionColumn)
                    && this.partition.equals(partition);
        }
    }

    /** The computed columns from the count of the inserted rows of the partition and the sum of their hashes. */
    public interface Summed {
        Map<String, Object> columns(long rows, long sum);
    }

    /**
     * {@code statement} (rows known, computed {@link FromWrite}) as the INSERT of its rows with the columns {@code
     * summed} gives them, which reads no table: what an engine runs once the write handed back its rows' hashes.
     */
    public static Statement resolved(Statement statement, long rows, long sum) {
        Rows known = statement.rows();
        List<Map<String, Object>> complete = new ArrayList<>();
        for (Map<String, Object> row : known.with(known.computed().fromWrite().columns().columns(rows, sum))) {
            Map<String, Object> all = new HashMap<>();
            known.columns().forEach(c -> all.put(c.name(), row.get(c.name())));
            complete.add(all);
        }
        return new Statement(Statement.insertSql(known.table(), known.columns()), complete, statement.inserted(), null);
    }
}
