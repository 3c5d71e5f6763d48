package fullcourt.engine.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A batch of one {@link SingleRowInsert} on DuckDB, as multi-row INSERTs of up to {@link #ROWS_PER_INSERT} rows: each with
 * its values written in as literals ({@link DuckDbLiterals}) when every value has one (a VALUES list reads no table, so
 * no scan filter is involved), else bound.
 */
final class MultiRowInserts {

    /** Rows per multi-row INSERT statement: bounds a statement's parameters (13 per ledger row). */
    static final int ROWS_PER_INSERT = 500;

    private MultiRowInserts() {
    }

    /** Inserts a row of {@code insert} per parameter set on {@code c}. */
    static void run(Connection c, SingleRowInsert insert, List<Map<String, Object>> paramSets) throws SQLException {
        NamedParameters row = NamedParameters.parse(insert.row());
        for (int from = 0; from < paramSets.size(); from += ROWS_PER_INSERT) {
            List<Map<String, Object>> chunk = paramSets.subList(from, Math.min(paramSets.size(), from + ROWS_PER_INSERT));
            Optional<String> literal = literalRows(insert, chunk);
            if (literal.isPresent()) {
                try (Statement st = c.createStatement()) {
                    st.executeUpdate(literal.get());
                }
                continue;
            }
            try (PreparedStatement ps = c.prepareStatement(jdbcSql(insert, row, chunk.size()))) {
                DuckDbWarehouse.bind(ps, values(row, chunk));
                ps.executeUpdate();
            }
        }
    }

    /** {@code insert} with {@code rows} row groups, each one {@code row}'s placeholders. */
    static String jdbcSql(SingleRowInsert insert, NamedParameters row, int rows) {
        return insert.head() + String.join(", ", Collections.nCopies(rows, row.jdbcSql()));
    }

    /** The values of every row of {@code paramSets} in placeholder order, one {@code row} after the other. */
    static List<Object> values(NamedParameters row, List<Map<String, Object>> paramSets) {
        List<Object> values = new ArrayList<>(paramSets.size() * row.order().size());
        for (Map<String, Object> params : paramSets) {
            values.addAll(DuckDbWarehouse.valuesOf(row, params));
        }
        return values;
    }

    /** The rows of a multi-row INSERT with their values as literals, empty if one has none. */
    private static Optional<String> literalRows(SingleRowInsert insert, List<Map<String, Object>> rows) {
        ParameterizedSql row = ParameterizedSql.parse(insert.row());
        StringBuilder sql = new StringBuilder(insert.head());
        for (int r = 0; r < rows.size(); r++) {
            Optional<String> rendered = render(row, rows.get(r));
            if (rendered.isEmpty()) {
                return Optional.empty();
            }
            sql.append(r == 0 ? "" : ", ").append(rendered.get());
        }
        return Optional.of(sql.toString());
    }

    /** {@code sql} with each parameter as its literal; empty when one has none. */
    private static Optional<String> render(ParameterizedSql sql, Map<String, Object> values) {
        boolean[] literal = {true};
        String rendered = sql.render(name -> DuckDbLiterals.of(values.get(name)).orElseGet(() -> {
            literal[0] = false;
            return "NULL";
        }));
        return literal[0] ? Optional.of(rendered) : Optional.empty();
    }
}
