package fullcourt.engine.warehouse.bigquery;

import fullcourt.engine.warehouse.ParameterizedSql;

import com.google.cloud.bigquery.QueryParameterValue;
import fullcourt.engine.processor.PermanentFailure;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * SQL text and its BigQuery named parameters, typed from the Java values: LocalDate -> DATE,
 * String -> STRING, Integer/Long -> INT64, Double -> FLOAT64, Boolean -> BOOL, Instant (and
 * java.sql.Timestamp, which the task ledger passes) -> TIMESTAMP. Values always travel as
 * parameters; only a null becomes the literal {@code NULL}, because a null has no type to send.
 */
record BoundQuery(String sql, Map<String, QueryParameterValue> parameters) {

    static BoundQuery bind(String sql, Map<String, Object> values) {
        return bind(ParameterizedSql.parse(sql), values, UnaryOperator.identity());
    }

    /**
     * Binds {@code sql}'s placeholders to {@code values}, naming each parameter
     * {@code rename.apply(name)} in the query (a batch gives each statement its own names).
     */
    static BoundQuery bind(ParameterizedSql sql, Map<String, Object> values, UnaryOperator<String> rename) {
        Map<String, QueryParameterValue> parameters = new LinkedHashMap<>();
        for (String name : sql.names()) {
            if (!values.containsKey(name)) {
                throw new PermanentFailure("SQL parameter @" + name + " has no value; given: " + values.keySet());
            }
            Object value = values.get(name);
            if (value != null) {
                parameters.put(rename.apply(name), typed(name, value));
            }
        }
        String text = sql.render(name -> values.get(name) == null ? "NULL" : "@" + rename.apply(name));
        return new BoundQuery(text, parameters);
    }

    static QueryParameterValue typed(String name, Object value) {
        if (value instanceof LocalDate d) {
            return QueryParameterValue.date(d.toString());
        } else if (value instanceof String s) {
            return QueryParameterValue.string(s);
        } else if (value instanceof Integer i) {
            return QueryParameterValue.int64(i);
        } else if (value instanceof Long l) {
            return QueryParameterValue.int64(l);
        } else if (value instanceof Double d) {
            return QueryParameterValue.float64(d);
        } else if (value instanceof Boolean b) {
            return QueryParameterValue.bool(b);
        } else if (value instanceof Instant t) {
            return QueryParameterValue.timestamp(ChronoUnit.MICROS.between(Instant.EPOCH, t));
        } else if (value instanceof Timestamp t) {
            return typed(name, t.toInstant());
        }
        throw new PermanentFailure("SQL parameter @" + name + " is a " + value.getClass().getName()
                + ", which has no BigQuery type here; use LocalDate, String, Integer, Long, Double, Boolean or Instant");
    }
}
