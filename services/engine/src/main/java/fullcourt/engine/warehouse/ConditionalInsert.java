package fullcourt.engine.warehouse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A multi-row INSERT that writes its rows only while a condition holds, checked by the statement itself, so no other
 * writer can get between the check and the write: {@code INSERT INTO t (...) SELECT ... FROM (rows) WHERE condition}.
 * Run with {@link Warehouse#update}, whose affected row count says whether it wrote (all rows) or not (none). Both
 * engines run the same text: each value is a parameter cast to its column's type, so a column that is null in every
 * row still has its type (BigQuery would otherwise take an untyped NULL for INT64).
 *
 * @param sql        the statement, parameters named {@code r<row>_<column>} plus the condition's own
 * @param parameters every value, the condition's included
 */
public record ConditionalInsert(String sql, Map<String, Object> parameters) {

    /**
     * Rows per statement: 14 parameters per ledger row stay under BigQuery's 10,000 parameters per query. A larger
     * append is several statements ({@link Warehouse#appendIf}).
     */
    public static final int MAX_ROWS = 500;

    /**
     * @param columns         the target columns with their types ({@code INT64}, {@code STRING}, {@code DATE},
     *                        {@code TIMESTAMP}...), in insert order
     * @param rows            values by column name, a null where the column is null; at least one row
     * @param condition       a boolean SQL expression, e.g. {@code EXISTS (SELECT 1 FROM ... WHERE epoch = @epoch)}
     * @param conditionParams its parameters; their names must not start with {@code r<digit>}
     */
    public static ConditionalInsert of(String table, List<Column> columns, List<Map<String, Object>> rows,
                                       String condition, Map<String, Object> conditionParams) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("a conditional insert needs at least one row");
        }
        List<String> names = columns.stream().map(Column::name).toList();
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (")
                .append(String.join(", ", names)).append(")\nSELECT ").append(String.join(", ", names))
                .append(" FROM (\n");
        Map<String, Object> parameters = new HashMap<>(conditionParams);
        for (int r = 0; r < rows.size(); r++) {
            List<String> values = new ArrayList<>(columns.size());
            for (Column c : columns) {
                String param = "r" + r + "_" + c.name();
                parameters.put(param, rows.get(r).get(c.name()));
                values.add("CAST(@" + param + " AS " + c.type() + ")" + (r == 0 ? " AS " + c.name() : ""));
            }
            sql.append(r == 0 ? "SELECT " : "\nUNION ALL SELECT ").append(String.join(", ", values));
        }
        sql.append("\n) AS appended\nWHERE ").append(condition);
        return new ConditionalInsert(sql.toString(), parameters);
    }
}
