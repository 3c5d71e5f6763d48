package fullcourt.sqlcheck;

import fullcourt.engine.warehouse.ParameterizedSql;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One statement the BigQuery adapter can send: where it comes from, its text with {@code @name} placeholders, and a
 * sample value per parameter of the Java type its call site passes (the adapter types parameters from the values:
 * {@link fullcourt.engine.warehouse.bigquery.ParameterTypes}). A null sample stands for a call that passes null,
 * which the adapter writes as the literal {@code NULL} (a null has no type to send). A batched statement carries the
 * adapter's bound parameters themselves ({@code QueryParameterValue}s, {@code Batches}).
 */
public record SqlStatement(StatementKind kind, String source, String sql, Map<String, Object> parameters) {

    public SqlStatement {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sql, "sql");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** A statement with parameters given as name, value, name, value... (values may be null). */
    public static SqlStatement of(StatementKind kind, String source, String sql, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException(source + ": parameters come in name, value pairs");
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return new SqlStatement(kind, source, sql, parameters);
    }

    /** The same statement from another call, passing these values (e.g. the nulls of a run-level ledger row). */
    public SqlStatement with(String otherSource, Map<String, Object> values) {
        Map<String, Object> merged = new LinkedHashMap<>(parameters);
        merged.putAll(values);
        return new SqlStatement(kind, otherSource, sql, merged);
    }

    /** The text the adapter sends: each null-valued placeholder replaced by {@code NULL}, as BoundQuery does. */
    public String rendered() {
        ParameterizedSql parsed = ParameterizedSql.parse(sql);
        for (String name : parsed.names()) {
            if (!parameters.containsKey(name)) {
                throw new IllegalStateException(source + ": parameter @" + name + " has no sample value; given: "
                        + parameters.keySet());
            }
        }
        return parsed.render(name -> parameters.get(name) == null ? "NULL" : "@" + name);
    }
}
