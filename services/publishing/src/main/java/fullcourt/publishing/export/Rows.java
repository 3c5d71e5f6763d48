package fullcourt.publishing.export;

import java.time.LocalDate;
import java.util.Map;

/**
 * Typed reads of warehouse rows by column name, whatever Java type the backend chose for a number
 * (DuckDB gives Integer, Long or BigInteger for integer columns, BigQuery Long).
 */
public final class Rows {

    private Rows() {
    }

    public static String text(Map<String, Object> row, String column) {
        Object v = value(row, column);
        return v == null ? null : v.toString();
    }

    public static Long integer(Map<String, Object> row, String column) {
        Object v = value(row, column);
        return v == null ? null : ((Number) v).longValue();
    }

    public static Double decimal(Map<String, Object> row, String column) {
        Object v = value(row, column);
        return v == null ? null : ((Number) v).doubleValue();
    }

    public static Boolean flag(Map<String, Object> row, String column) {
        return (Boolean) value(row, column);
    }

    public static String date(Map<String, Object> row, String column) {
        Object v = value(row, column);
        return v == null ? null : ((LocalDate) v).toString();
    }

    private static Object value(Map<String, Object> row, String column) {
        if (!row.containsKey(column)) {
            throw new IllegalStateException("no column " + column + " in " + row.keySet());
        }
        return row.get(column);
    }
}
