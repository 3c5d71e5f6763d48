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
        StringBuilder out = new StringBuilder(sql.length());
        List<String> order = new ArrayList<>();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = closing(sql, i, c);
                out.append(sql, i, end);
                i = end;
            } else if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? sql.length() : end;
                out.append(sql, i, end);
                i = end;
            } else if (c == '/' && i + 1 < sql.length() && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                end = end < 0 ? sql.length() : end + 2;
                out.append(sql, i, end);
                i = end;
            } else if (c == '@' && i + 1 < sql.length() && Character.isJavaIdentifierStart(sql.charAt(i + 1))) {
                int end = i + 1;
                while (end < sql.length() && Character.isJavaIdentifierPart(sql.charAt(end))) {
                    end++;
                }
                order.add(sql.substring(i + 1, end));
                out.append('?');
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return new NamedParameters(out.toString(), List.copyOf(order));
    }

    private static int closing(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
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
