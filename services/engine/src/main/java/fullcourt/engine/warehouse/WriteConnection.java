package fullcourt.engine.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A DuckDB connection kept for partition writes ({@link WriteConnectionPool}), with the statements of their {@link WriteBracket}s
 * prepared once and executed again at every write: parsing, binding and planning the lineage statements anew for each
 * write was most of their cost (bench/REPORT.md, section 5c: per write, the reads and begun rows and the written row
 * with the partition's fingerprint took about half the time prepared once on a kept connection as prepared each time
 * on a new one). Not thread-safe: one write at a time borrows it.
 */
final class WriteConnection implements AutoCloseable {

    /** Statements kept prepared: a worker's brackets use two plus one per table it writes (19 processors). */
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

    WriteConnection(Connection connection) {
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
