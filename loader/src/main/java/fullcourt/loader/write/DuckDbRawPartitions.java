package fullcourt.loader.write;

import fullcourt.loader.contract.RawTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The raw tables of a DuckDB warehouse, on the connection that also stages the load (temporary tables live per
 * connection). Every date of a load is replaced in one transaction: all of it is written, or none.
 */
public final class DuckDbRawPartitions implements RawPartitions {

    private final Connection connection;

    /** {@code connection} must be the staging connection; the raw schema and tables are created where missing. */
    public DuckDbRawPartitions(Connection connection, List<RawTable> tables) throws SQLException {
        this.connection = connection;
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS raw");
            for (RawTable t : tables) {
                st.execute(t.createSql());
            }
        }
    }

    @Override
    public Map<String, LocalDate> scheduledGames(Collection<String> gameIds) throws SQLException {
        Map<String, LocalDate> games = new HashMap<>();
        if (gameIds.isEmpty()) {
            return games;
        }
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE OR REPLACE TEMP TABLE wanted_games (game_id VARCHAR)");
        }
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO wanted_games VALUES (?)")) {
            for (String id : gameIds) {
                ps.setString(1, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT s.game_id, s.game_date FROM raw.schedule s"
                     + " JOIN wanted_games w ON w.game_id = s.game_id")) {
            while (rs.next()) {
                games.put(rs.getString(1), rs.getObject(2, LocalDate.class));
            }
        }
        return games;
    }

    @Override
    public Map<LocalDate, PartitionState> currentState(RawTable table, Set<LocalDate> dates) throws SQLException {
        return PartitionDigests.of(connection, table, table.qualifiedName(), dates);
    }

    @Override
    public Map<LocalDate, PartitionState> stagedState(StagedDates staged) throws SQLException {
        return PartitionDigests.of(connection, staged.table(), staged.relation(), staged.dates());
    }

    @Override
    public void replace(List<StagedDates> writes) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            for (StagedDates w : writes) {
                if (w.dates().isEmpty()) {
                    continue;
                }
                String in = " WHERE game_date IN (" + PartitionDigests.placeholders(w.dates().size()) + ")";
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM " + w.table().qualifiedName() + in)) {
                    PartitionDigests.bindDates(delete, w.dates());
                    delete.executeUpdate();
                }
                String columns = String.join(", ", w.table().columnNames());
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + w.table().qualifiedName()
                        + " (" + columns + ") SELECT " + columns + " FROM " + w.relation() + in)) {
                    PartitionDigests.bindDates(insert, w.dates());
                    insert.executeUpdate();
                }
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
