package fullcourt.analytics.models;

import java.time.LocalDate;
import java.util.Map;

/** One output row of a model, read by column name whatever Java type the JDBC driver chose. */
record ModelRow(Map<String, Object> values) {

    Object value(String column) {
        if (!values.containsKey(column)) {
            throw new AssertionError("no column " + column + " in " + values.keySet());
        }
        return values.get(column);
    }

    boolean isNull(String column) {
        return value(column) == null;
    }

    long integer(String column) {
        return ((Number) nonNull(column)).longValue();
    }

    double decimal(String column) {
        return ((Number) nonNull(column)).doubleValue();
    }

    boolean flag(String column) {
        return (Boolean) nonNull(column);
    }

    String text(String column) {
        return (String) nonNull(column);
    }

    LocalDate date(String column) {
        return (LocalDate) nonNull(column);
    }

    private Object nonNull(String column) {
        Object v = value(column);
        if (v == null) {
            throw new AssertionError("column " + column + " is NULL in " + values);
        }
        return v;
    }
}
