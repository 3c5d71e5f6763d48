package fullcourt.engine.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A DuckDB connection kept across operations ({@link KeptConnections}), with the statements it ran prepared once and
 * executed again with new values: parsing and a first binding are not repeated, and a statement that reads no table
 * (the lineage rows' INSERT ... VALUES of a {@link WriteBracket}) keeps its plan. DuckDB 1.5 plans a statement with
 * parameters over a table again at each execution, with the values (bench/REPORT.md, section 6), so for those only the
 * parse and the first bind are saved. Not thread-safe: one operation at a time borrows it.
 */
final class KeptConnection implements AutoCloseable {

    /**
     * Statements kept prepared, the least recently used closed past this: any operation may borrow any connection, and
     * the 19 processors' models, queries and lineage statements are a few hundred texts.
     */
    static final int MAX_PREPARED = 256;

    /**
     * Statements with more parameters than this are not kept: their text changes with their rows (the predictions'
     * score table, one branch per player), so keeping them would only push out the statements that come back.
     */
    static final int MAX_KEPT_PARAMETERS = 64;

    /** A statement prepared on this connection with its named parameters' order. */
    record Prepared(String sql, PreparedStatement statement, NamedParameters parameters) {
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

    /**
     * {@code sql} (with named {@code @parameters}) prepared on this connection: once, then the same statement. One with
     * more than {@link #MAX_KEPT_PARAMETERS} parameters is prepared anew and not kept ({@link Prepared#kept()} false:
     * the caller closes it).
     */
    Prepared prepared(String sql) throws SQLException {
        Prepared p = prepared.get(sql);
        if (p == null) {
            NamedParameters parameters = NamedParameters.parse(sql);
            p = new Prepared(sql, connection.prepareStatement(parameters.jdbcSql()), parameters);
            if (parameters.order().size() <= MAX_KEPT_PARAMETERS) {
                prepared.put(sql, p);
            }
        }
        return p;
    }

    /** Closes {@code p} unless this connection keeps it. */
    void release(Prepared p) {
        if (prepared.get(p.sql()) != p) {
            closeQuietly(p.statement());
        }
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
