package fullcourt.engine.lineage;

import fullcourt.engine.warehouse.Column;
import fullcourt.engine.warehouse.ColumnValues;
import fullcourt.engine.warehouse.Warehouse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Content fingerprints of date partitions, computed in the warehouse with SQL both engines run:
 * per partition, the row count and the sum of {@code ops.row_hash40} of each row (every column, as
 * one tuple: hashing the values, not their text, is about 4x cheaper than the text and MD5 of
 * {@code ops.hash40}, measured in bench/REPORT.md section 5). A sum does not depend on row order;
 * floats are rounded to {@value #FLOAT_DECIMALS} decimals first (and -0.0 made 0.0), so the
 * last-bit noise of parallel float aggregation (SQL-DIALECT.md) does not change a fingerprint. Rows
 * are never pulled into Java.
 */
public final class PartitionFingerprints {

    /** Decimals kept of a float: exports keep 9; 6 leaves room for aggregation noise on larger values. */
    static final int FLOAT_DECIMALS = 6;

    private final Warehouse warehouse;
    private final Map<String, List<Column>> columns;

    public PartitionFingerprints(Warehouse warehouse) {
        this(warehouse, new ConcurrentHashMap<>());
    }

    /** Sharing {@code columnCache} (table -> columns) with other instances, so a table's columns are read once. */
    public PartitionFingerprints(Warehouse warehouse, Map<String, List<Column>> columnCache) {
        this.warehouse = warehouse;
        this.columns = columnCache;
    }

    /**
     * The fingerprint of each partition of {@code table} in {@code [from, to]} that has rows; a date
     * without rows is absent from the map (its fingerprint is {@link Fingerprint#EMPTY}).
     */
    public Map<LocalDate, Fingerprint> of(String table, String partitionColumn, LocalDate from, LocalDate to) {
        List<Column> cols = columns.computeIfAbsent(table, warehouse::columns);
        if (cols.isEmpty()) {
            columns.remove(table); // not created yet: ask again next time
            return Map.of();
        }
        Map<LocalDate, Fingerprint> out = new TreeMap<>();
        for (Map<String, Object> r : warehouse.query(query(table, partitionColumn, cols),
                Map.of("from", from, "to", to))) {
            out.put(ColumnValues.date(r.get("partition_date")), new Fingerprint(((Number) r.get("row_count")).longValue(),
                    ((Number) r.get("checksum")).longValue()));
        }
        return out;
    }

    /** The fingerprint of one partition. */
    public Fingerprint of(String table, String partitionColumn, LocalDate date) {
        return of(table, partitionColumn, date, date).getOrDefault(date, Fingerprint.EMPTY);
    }

    /** The fingerprint query of a table with these columns, over {@code @from..@to}. */
    public static String query(String table, String partitionColumn, List<Column> columns) {
        return "SELECT " + partitionColumn + " AS partition_date, COUNT(*) AS row_count,"
                + " CAST(COALESCE(SUM(" + rowHash(columns) + "), 0) AS INT64) AS checksum"
                + " FROM " + table + " WHERE " + partitionColumn + " BETWEEN @from AND @to"
                + " GROUP BY " + partitionColumn;
    }

    /**
     * The fingerprint query of one partition, {@code @game_date}: always one row ({@code row_count} 0 and
     * {@code checksum} 0 for a partition without rows).
     */
    public static String partitionQuery(String table, String partitionColumn, List<Column> columns) {
        return "SELECT COUNT(*) AS row_count, CAST(COALESCE(SUM(" + rowHash(columns) + "), 0) AS INT64)"
                + " AS checksum FROM " + table + " WHERE " + partitionColumn + " = @game_date";
    }

    /**
     * The hash of one row that a fingerprint sums ({@code ops.row_hash40}, an INT64 below 2^40): the same expression
     * over the rows a write inserts gives the same sum ({@link fullcourt.engine.warehouse.WriteBracket.FromWrite}).
     */
    static String rowHash(List<Column> columns) {
        return "ops.row_hash40(" + row(columns) + ")";
    }

    /** One row as a tuple of every column (two at least: a one-element tuple would be a parenthesised value). */
    static String row(List<Column> columns) {
        String values = columns.stream().map(PartitionFingerprints::value).collect(Collectors.joining(", "));
        return "(" + values + (columns.size() == 1 ? ", ''" : "") + ")";
    }

    private static String value(Column c) {
        // + 0.0 turns a rounded -0.0 into 0.0: a value that is +-1e-17 between runs must not differ
        return c.isFloat() ? "ROUND(" + c.name() + ", " + FLOAT_DECIMALS + ") + 0.0" : c.name();
    }
}
