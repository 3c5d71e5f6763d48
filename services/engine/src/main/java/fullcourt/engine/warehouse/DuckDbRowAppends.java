package fullcourt.engine.warehouse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Rows written into a DuckDB table through its {@link DuckDBAppender}, in the connection's open transaction. The
 * appender fills the table's storage directly, with no statement to parse or plan: the task ledger's rows as one
 * {@code VALUES} list of literals cost DuckDB most of the ledger writer's time, nearly all of it per row
 * (bench/REPORT.md, section 2: 85-97 ms for 70 rows against 40-49 ms through the appender, 209-255 ms against
 * 22-59 ms for 200). Only rows that fill every column of the table with a value of the column's own Java type go so;
 * the caller writes any other with a statement.
 */
final class DuckDbRowAppends {

    private final String schema;
    private final String name;
    private final List<Column> tableColumns;
    private final List<Map<String, Object>> rows;

    private DuckDbRowAppends(String schema, String name, List<Column> tableColumns, List<Map<String, Object>> rows) {
        this.schema = schema;
        this.name = name;
        this.tableColumns = tableColumns;
        this.rows = rows;
    }

    /**
     * The rows as appends to {@code table} ({@code dataset.name}, or a name in DuckDB's {@code main} schema); empty when
     * the table lacks one of {@code columns} or has another, or a value is not of its column's Java type ({@code
     * BIGINT}: Long or Integer, {@code INTEGER}: Integer, {@code VARCHAR}: String, {@code DATE}: LocalDate, {@code
     * TIMESTAMP}: Timestamp, {@code DOUBLE}: Double, {@code BOOLEAN}: Boolean; null in any). The table's columns come
     * from {@code shapes} (table -> columns, in the table's order), looked up on {@code c} and kept there when absent
     * or when they do not match {@code columns} (a column added since): a statement fewer per append. The caller
     * removes a table's entry when an append to it fails.
     */
    static Optional<DuckDbRowAppends> of(Connection c, String table, List<Column> columns,
                                         List<Map<String, Object>> rows, Map<String, List<Column>> shapes)
            throws SQLException {
        int dot = table.indexOf('.');
        String schema = dot < 0 ? "main" : table.substring(0, dot);
        String name = table.substring(dot + 1);
        List<String> given = columns.stream().map(Column::name).sorted().toList();
        List<Column> tableColumns = shapes.get(table);
        if (tableColumns == null || !given.equals(names(tableColumns))) {
            tableColumns = shape(c, table);
            shapes.put(table, tableColumns);
        }
        if (!given.equals(names(tableColumns))) {
            return Optional.empty();
        }
        for (Map<String, Object> row : rows) {
            for (Column column : tableColumns) {
                if (!fits(column.type(), row.get(column.name()))) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(new DuckDbRowAppends(schema, name, tableColumns, rows));
    }

    /** The table's columns in its order, from a query's metadata: under load, information_schema took 4x as long. */
    private static List<Column> shape(Connection c, String table) throws SQLException {
        List<Column> tableColumns = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + table + " LIMIT 0")) {
            ResultSetMetaData shape = rs.getMetaData();
            for (int i = 1; i <= shape.getColumnCount(); i++) {
                tableColumns.add(new Column(shape.getColumnName(i), shape.getColumnTypeName(i).toUpperCase(Locale.ROOT)));
            }
        }
        return List.copyOf(tableColumns);
    }

    private static List<String> names(List<Column> columns) {
        return columns.stream().map(Column::name).sorted().toList();
    }

    /**
     * Appends the rows on {@code c}, whose transaction must have run a statement already ({@link #of} does): an
     * appender on a connection with no transaction under way commits its rows on its own when it flushes (DuckDB JDBC
     * 1.5.2), whatever the connection's auto-commit.
     *
     * @throws SQLException when DuckDB refuses a row (a NOT NULL or key constraint): nothing of the appender's is kept
     */
    void appendTo(Connection c) throws SQLException {
        try (DuckDBAppender appender = c.unwrap(DuckDBConnection.class).createAppender(schema, name)) {
            for (Map<String, Object> row : rows) {
                appender.beginRow();
                for (Column column : tableColumns) {
                    append(appender, column.type(), row.get(column.name()));
                }
                appender.endRow();
            }
            // close() flushes too, but drops the error of a row DuckDB refuses (and the rows with it): flush first
            appender.flush();
        }
    }

    private static boolean fits(String type, Object value) {
        return value == null || switch (type) {
            case "BIGINT" -> value instanceof Long || value instanceof Integer;
            case "INTEGER" -> value instanceof Integer;
            case "VARCHAR" -> value instanceof String;
            case "DATE" -> value instanceof LocalDate;
            case "TIMESTAMP" -> value instanceof Timestamp;
            case "DOUBLE" -> value instanceof Double;
            case "BOOLEAN" -> value instanceof Boolean;
            default -> false;
        };
    }

    private static void append(DuckDBAppender appender, String type, Object value) throws SQLException {
        if (value == null) {
            appender.appendNull();
            return;
        }
        switch (type) {
            case "BIGINT" -> appender.append(((Number) value).longValue());
            case "INTEGER" -> appender.append(((Integer) value).intValue());
            case "VARCHAR" -> appender.append((String) value);
            case "DATE" -> appender.append((LocalDate) value);
            // as the driver binds a Timestamp: its local date-time in the JVM's zone, to the microsecond
            case "TIMESTAMP" -> appender.append(((Timestamp) value).toLocalDateTime().truncatedTo(ChronoUnit.MICROS));
            case "DOUBLE" -> appender.append(((Double) value).doubleValue());
            case "BOOLEAN" -> appender.append(((Boolean) value).booleanValue());
            default -> throw new IllegalStateException("no appender for a " + type + " column: checked by of()");
        }
    }
}
