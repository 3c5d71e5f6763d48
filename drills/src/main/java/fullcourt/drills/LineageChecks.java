package fullcourt.drills;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Questions a drill asks of partition lineage ({@code ops.partition_lineage}) once the all-in-one has
 * stopped: how many writes began and never recorded an outcome (a process that died between a
 * partition write and its lineage), and how many partitions are still in that state at the end
 * (their latest write without an outcome: stale, to be rewritten), and how many partitions were written more than
 * once (a task run again).
 */
record LineageChecks(int interruptedWrites, int partitionsLeftUnknown, int partitions, int partitionsWrittenTwice) {

    private static final String ENDED = "EXISTS (SELECT 1 FROM ops.partition_lineage AS e WHERE e.write_id = b.write_id"
            + " AND e.stage <> 'begun')";

    static LineageChecks read(Path database) throws SQLException {
        try (Connection c = WarehouseChecksums.readOnly(database)) {
            int interrupted = count(c, "SELECT COUNT(*) FROM ops.partition_lineage AS b WHERE b.stage = 'begun' AND NOT "
                    + ENDED);
            int unknown = count(c, "SELECT COUNT(*) FROM (SELECT b.write_id, ROW_NUMBER() OVER (PARTITION BY b.processor,"
                    + " b.game_date ORDER BY b.recorded_at DESC, b.write_id DESC) AS recency FROM ops.partition_lineage AS b"
                    + " WHERE b.stage = 'begun') AS b WHERE b.recency = 1 AND NOT " + ENDED);
            int partitions = count(c, "SELECT COUNT(DISTINCT processor || '/' || CAST(game_date AS VARCHAR))"
                    + " FROM ops.partition_lineage");
            // partitions with two or more finished writes: a task that ran again (the duplicates drill) wrote again
            int twice = count(c, "SELECT COUNT(*) FROM (SELECT processor, game_date FROM ops.partition_lineage"
                    + " WHERE stage <> 'begun' GROUP BY processor, game_date HAVING COUNT(*) >= 2) AS t");
            return new LineageChecks(interrupted, unknown, partitions, twice);
        }
    }

    /**
     * The crash drill's check, on DuckDB: a partition and its lineage commit in one transaction, so none of the
     * {@code halts} (Runtime.halt right after a write) left a write begun without its outcome, and no partition's latest
     * write is of unknown content at the end. (On BigQuery the two cannot share a transaction: there a halt between
     * leaves the write begun, reported stale "interrupted", which SeasonBackfillTest and LineageRecorderTest show.)
     */
    void checkCrashes(DrillResult r, int halts) {
        r.check(halts + " Runtime.halt right after a write left no write without its lineage (" + interruptedWrites
                + " begun without an outcome) and no partition of unknown content at the end (" + partitionsLeftUnknown
                + " of " + partitions + " partitions)", interruptedWrites == 0 && partitionsLeftUnknown == 0
                && partitions > 0);
    }

    private static int count(Connection c, String sql) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
