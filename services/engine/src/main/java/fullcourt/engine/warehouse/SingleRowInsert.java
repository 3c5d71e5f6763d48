package fullcourt.engine.warehouse;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement {@code INSERT INTO t (columns) VALUES (row)} with exactly one row group: a batch of
 * them is one multi-row INSERT ({@code head} followed by the row group once per parameter set),
 * which both backends run as one statement. BigQuery counts it once against the table's DML limits;
 * DuckDB's JDBC driver runs a prepared batch as one execution per row (about 2 ms each on a shared
 * machine), where one multi-row statement costs about one.
 */
public record SingleRowInsert(String head, String row) {

    private static final Pattern SINGLE_ROW_INSERT = Pattern.compile(
            "\\s*(INSERT\\s+(?:INTO\\s+)?[\\w.]+\\s*\\([^()]*\\)\\s*VALUES\\s*)(\\(.*\\))\\s*;?\\s*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /** The statement's parts when it is a single-row INSERT with a column list; empty otherwise. */
    public static Optional<SingleRowInsert> parse(String sql) {
        Matcher insert = SINGLE_ROW_INSERT.matcher(sql);
        if (insert.matches() && isOneGroup(insert.group(2))) {
            return Optional.of(new SingleRowInsert(insert.group(1), insert.group(2)));
        }
        return Optional.empty();
    }

    /** Whether {@code s} is one parenthesized group, e.g. "(@a, @b)" but not "(@a), (@b)". */
    private static boolean isOneGroup(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0 && i < s.length() - 1) {
                    return false;
                }
            }
        }
        return depth == 0;
    }
}
