package fullcourt.engine.warehouse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rewrites BigQuery-style {@code @name} parameters to JDBC's positional {@code ?}, so both
 * engines run the same SQL text. Skips string literals, quoted identifiers and comments.
 */
public record NamedParameters(String jdbcSql, List<String> order) {

    public static NamedParameters parse(String sql) {
        ParameterizedSql split = ParameterizedSql.parse(sql);
        return new NamedParameters(split.render(name -> "?"), split.placeholders());
    }

    /** The values in placeholder order; a missing parameter is an error naming it. */
    public List<Object> values(Map<String, Object> params) {
        List<Object> values = new ArrayList<>(order.size());
        for (String name : order) {
            if (!params.containsKey(name)) {
                throw new IllegalArgumentException("SQL parameter @" + name + " has no value; given: " + params.keySet());
            }
            values.add(params.get(name));
        }
        return values;
    }
}
