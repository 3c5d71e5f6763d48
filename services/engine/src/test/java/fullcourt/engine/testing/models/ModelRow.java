package fullcourt.engine.testing.models;

import java.time.LocalDate;
import java.util.Map;

/** One output row of a model, read by column name whatever Java type the JDBC driver chose. */
public record ModelRow(Map<String, Object> values) {

    public Object value(String column) {
        if (!values.containsKey(column)) {
            throw new AssertionError("no column " + column + " in " + values.keySet());
        }
        return values.get(column);
    }

    public boolean isNull(String column) {
        return value(column) == null;
    }

    public long integer(String column) {
        return ((Number) nonNull(column)).longValue();
    }

    public double decimal(String column) {
        return ((Number) nonNull(column)).doubleValue();
    }

    public boolean flag(String column) {
        return (Boolean) nonNull(column);
    }

    public String text(String column) {
        return (String) nonNull(column);
    }

    public LocalDate date(String column) {
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
