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

    /**
     * The number rounded to {@link #DECIMALS} places. A warehouse aggregate (AVG, SUM of doubles) adds in
     * whatever order its threads finish, so its last bits differ from run to run (4.406965174129353 and
     * ...354, found by the reliability drills); unrounded, an export file would change on every re-run
     * of its date with nothing changed.
     */
    public static Double decimal(Map<String, Object> row, String column) {
        Object v = value(row, column);
        if (v == null) {
            return null;
        }
        double d = ((Number) v).doubleValue();
        return Double.isFinite(d) ? java.math.BigDecimal.valueOf(d).setScale(DECIMALS, java.math.RoundingMode.HALF_EVEN)
                .doubleValue() : d;
    }

    /** Decimal places kept by {@link #decimal}: far below any figure a reader of the exports looks at. */
    public static final int DECIMALS = 9;

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
