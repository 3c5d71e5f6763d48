package fullcourt.engine.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link Warehouse#appendIf} on DuckDB: all rows in one transaction, written only if a condition (the ledger's fence:
 * the coordinator's lease) holds in it. The rows go through DuckDB's appender ({@link DuckDbRowAppends}): as
 * statements, DuckDB parsing and planning them was most of the ledger writer's time (bench/REPORT.md, section 2). Rows
 * the appender cannot take are written with the portable {@link ConditionalInsert}, in the same transaction.
 */
final class DuckDbFencedAppends {

    /** Tables' columns as the appender fills them, looked up once per table ({@link DuckDbRowAppends}). */
    private final Map<String, List<Column>> shapes = new ConcurrentHashMap<>();

    /** The rows appended on {@code c} (a connection in auto-commit, left so) if {@code condition} holds: whether written. */
    boolean appendIf(Connection c, String table, List<Column> columns, List<Map<String, Object>> rows,
                     String condition, Map<String, Object> conditionParams) throws SQLException {
        c.setAutoCommit(false);
        try {
            boolean written = holds(c, condition, conditionParams)
                    && append(c, table, columns, rows, condition, conditionParams);
            if (written) {
                c.commit();
            } else {
                c.rollback();
            }
            c.setAutoCommit(true); // as a new connection
            return written;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        }
    }

    /** Whether {@code condition} holds on {@code c}: the first statement of its transaction, which the appender joins. */
    private static boolean holds(Connection c, String condition, Map<String, Object> params) throws SQLException {
        try (PreparedStatement ps = DuckDbWarehouse.prepare(c, "SELECT (" + condition + ") AS holds", params);
             ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /** The rows on {@code c}, through the appender where it takes them: whether all were written. */
    private boolean append(Connection c, String table, List<Column> columns, List<Map<String, Object>> rows,
                           String condition, Map<String, Object> conditionParams) throws SQLException {
        Optional<DuckDbRowAppends> appends = DuckDbRowAppends.of(c, table, columns, rows, shapes);
        if (appends.isEmpty()) {
            return boundAppends(c, table, columns, rows, condition, conditionParams);
        }
        try {
            appends.get().appendTo(c);
        } catch (SQLException e) {
            shapes.remove(table); // looked up again next time
            throw e;
        }
        return true;
    }

    private static boolean boundAppends(Connection c, String table, List<Column> columns, List<Map<String, Object>> rows,
                                        String condition, Map<String, Object> conditionParams) throws SQLException {
        for (int from = 0; from < rows.size(); from += ConditionalInsert.MAX_ROWS) {
            List<Map<String, Object>> chunk = rows.subList(from, Math.min(rows.size(), from + ConditionalInsert.MAX_ROWS));
            ConditionalInsert insert = ConditionalInsert.of(table, columns, chunk, condition, conditionParams);
            try (PreparedStatement ps = DuckDbWarehouse.prepare(c, insert.sql(), insert.parameters())) {
                if (ps.executeLargeUpdate() != chunk.size()) {
                    return false;
                }
            }
        }
        return true;
    }
}
