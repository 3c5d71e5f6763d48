package fullcourt.engine.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A DuckDB connection kept across operations ({@link KeptConnections}), with the statements of its writes' {@link
 * WriteBracket}s (the lineage rows' INSERT ... VALUES, the written row) prepared once and executed again with new
 * values: a statement that reads no table keeps its plan. DuckDB 1.5 plans a statement with parameters over a table
 * again at each execution, and a statement kept after its execution holds its plan (0.2-0.5 MB for a model's query:
 * kept on every connection, they held ~900 MB more at the end of the four-season run; bench/REPORT.md, section 6,
 * fifth session), so statements that read tables are prepared per execution, not kept here. Not thread-safe: one
 * operation at a time borrows it.
 */
final class KeptConnection implements AutoCloseable {

    /** Statements kept prepared, the least recently used closed past this: a worker's brackets use a few per table. */
    static final int MAX_PREPARED = 64;

    /** A statement prepared on this connection with its named parameters' order. */
    record Prepared(PreparedStatement statement, NamedParameters parameters) {
    }

    private final Connection connection;
    private final Map<String, Prepared> prepared = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Prepared> eldest) {
            if (size() <= MAX_PREPARED) {
                return false;
            }
            closeQuietly(eldest.getValue().statement());
            return true;
        }
    };

    KeptConnection(Connection connection) {
        this.connection = connection;
    }

    Connection connection() {
        return connection;
    }

    /** {@code sql} (with named {@code @parameters}) prepared on this connection: once, then the same statement. */
    Prepared prepared(String sql) throws SQLException {
        Prepared p = prepared.get(sql);
        if (p == null) {
            NamedParameters parameters = NamedParameters.parse(sql);
            p = new Prepared(connection.prepareStatement(parameters.jdbcSql()), parameters);
            prepared.put(sql, p);
        }
        return p;
    }

    /**
     * {@code insert} as one multi-row INSERT of {@code rows} rows, prepared once per row count on this connection; its
     * {@link Prepared#parameters()} are one row's, to bind once per row in order.
     */
    Prepared preparedRows(SingleRowInsert insert, int rows) throws SQLException {
        String key = rows + " rows of " + insert.head() + insert.row();
        Prepared p = prepared.get(key);
        if (p == null) {
            NamedParameters row = NamedParameters.parse(insert.row());
            p = new Prepared(connection.prepareStatement(MultiRowInserts.jdbcSql(insert, row, rows)), row);
            prepared.put(key, p);
        }
        return p;
    }

    /** How many statements are kept prepared. */
    int preparedCount() {
        return prepared.size();
    }

    @Override
    public void close() {
        prepared.values().forEach(p -> closeQuietly(p.statement()));
        prepared.clear();
        try {
            connection.close();
        } catch (SQLException ignored) {
            // a connection that cannot close cleanly is dropped all the same
        }
    }

    private static void closeQuietly(PreparedStatement statement) {
        try {
            statement.close();
        } catch (SQLException ignored) {
            // nothing left to release
        }
    }
}
