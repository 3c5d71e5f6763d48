package fullcourt.drills;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineageChecksTest {

    @TempDir
    Path dir;

    @Test
    void partitionsWithTwoFinishedWritesAreCountedAsWrittenTwice() throws Exception {
        Path db = lineage("t.duckdb",
                " ('p', DATE '2022-01-01', 'w1', 'written', TIMESTAMP '2026-01-01 10:00:00'),"
                        + " ('p', DATE '2022-01-01', 'w2', 'written', TIMESTAMP '2026-01-01 10:05:00'),"
                        + " ('q', DATE '2022-01-01', 'w3', 'written', TIMESTAMP '2026-01-01 10:00:00')");

        assertThat(LineageChecks.read(db).partitionsWrittenTwice()).isEqualTo(1);
    }

    @Test
    void writesBegunWithoutAnOutcomeAreCountedAndOnlyTheLatestPerPartitionLeavesItUnknown() throws Exception {
        // p of Jan 1: w1 died after its write, w2 rewrote it -> interrupted once, known at the end
        // p of Jan 2: w3 written; w4 died and is the latest -> unknown at the end
        Path db = lineage("w.duckdb",
                " ('p', DATE '2022-01-01', 'w1', 'begun', TIMESTAMP '2026-01-01 10:00:00'),"
                        + " ('p', DATE '2022-01-01', 'w2', 'begun', TIMESTAMP '2026-01-01 10:05:00'),"
                        + " ('p', DATE '2022-01-01', 'w2', 'written', TIMESTAMP '2026-01-01 10:05:01'),"
                        + " ('p', DATE '2022-01-02', 'w3', 'begun', TIMESTAMP '2026-01-01 10:00:00'),"
                        + " ('p', DATE '2022-01-02', 'w3', 'written', TIMESTAMP '2026-01-01 10:00:01'),"
                        + " ('p', DATE '2022-01-02', 'w4', 'begun', TIMESTAMP '2026-01-01 10:07:00')");

        LineageChecks checks = LineageChecks.read(db);

        // Jan 1 and Jan 2 have one finished write each: none written twice
        assertThat(checks).isEqualTo(new LineageChecks(2, 1, 2, 0));
    }

    /** A DuckDB file holding ops.partition_lineage with {@code rows} (VALUES tuples). */
    private Path lineage(String file, String rows) throws Exception {
        Path db = dir.resolve(file);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA ops");
            st.execute("CREATE TABLE ops.partition_lineage (processor VARCHAR, game_date DATE, write_id VARCHAR,"
                    + " stage VARCHAR, recorded_at TIMESTAMP)");
            st.execute("INSERT INTO ops.partition_lineage VALUES" + rows);
        }
        return db;
    }
}
