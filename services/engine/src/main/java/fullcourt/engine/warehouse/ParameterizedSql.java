package fullcourt.engine.warehouse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * SQL text split around its {@code @name} placeholders, skipping string literals, quoted
 * identifiers and comments, so that a placeholder can become JDBC's {@code ?}, be renamed (one
 * statement per parameter set in a batch) or replaced by {@code NULL} (BigQuery needs a type for
 * every parameter, and a Java null has none; an untyped SQL NULL coerces to any column type).
 */
public record ParameterizedSql(List<String> text, List<String> placeholders) {

    public static ParameterizedSql parse(String sql) {
        List<String> text = new ArrayList<>();
        List<String> placeholders = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            int end;
            if (c == '\'' || c == '"' || c == '`') {
                end = closing(sql, i, c);
            } else if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
                end = sql.indexOf('\n', i);
                end = end < 0 ? sql.length() : end;
            } else if (c == '/' && i + 1 < sql.length() && sql.charAt(i + 1) == '*') {
                end = sql.indexOf("*/", i + 2);
                end = end < 0 ? sql.length() : end + 2;
            } else if (c == '@' && i + 1 < sql.length() && Character.isJavaIdentifierStart(sql.charAt(i + 1))) {
                end = i + 1;
                while (end < sql.length() && Character.isJavaIdentifierPart(sql.charAt(end))) {
                    end++;
                }
                text.add(current.toString());
                current.setLength(0);
                placeholders.add(sql.substring(i + 1, end));
                i = end;
                continue;
            } else {
                end = i + 1;
            }
            current.append(sql, i, end);
            i = end;
        }
        text.add(current.toString());
        return new ParameterizedSql(List.copyOf(text), List.copyOf(placeholders));
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

    /** Parameter names in order of first use. */
    public Set<String> names() {
        return new LinkedHashSet<>(placeholders);
    }

    /** The SQL with each {@code @name} replaced by {@code replacement.apply(name)}. */
    public String render(Function<String, String> replacement) {
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < placeholders.size(); k++) {
            out.append(text.get(k)).append(replacement.apply(placeholders.get(k)));
        }
        return out.append(text.get(placeholders.size())).toString();
    }
}
