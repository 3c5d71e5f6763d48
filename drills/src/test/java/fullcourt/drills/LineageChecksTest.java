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
    void writesBegunWithoutAnOutcomeAreCountedAndOnlyTheLatestPerPartitionLeavesItUnknown() throws Exception {
        Path db = dir.resolve("w.duckdb");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA ops");
            st.execute("CREATE TABLE ops.partition_lineage (processor VARCHAR, game_date DATE, write_id VARCHAR,"
                    + " stage VARCHAR, recorded_at TIMESTAMP)");
            // p of Jan 1: w1 died after its write, w2 rewrote it -> interrupted once, known at the end
            // p of Jan 2: w3 written; w4 died and is the latest -> unknown at the end
            st.execute("INSERT INTO ops.partition_lineage VALUES"
                    + " ('p', DATE '2022-01-01', 'w1', 'begun', TIMESTAMP '2026-01-01 10:00:00'),"
                    + " ('p', DATE '2022-01-01', 'w2', 'begun', TIMESTAMP '2026-01-01 10:05:00'),"
                    + " ('p', DATE '2022-01-01', 'w2', 'written', TIMESTAMP '2026-01-01 10:05:01'),"
                    + " ('p', DATE '2022-01-02', 'w3', 'begun', TIMESTAMP '2026-01-01 10:00:00'),"
                    + " ('p', DATE '2022-01-02', 'w3', 'written', TIMESTAMP '2026-01-01 10:00:01'),"
                    + " ('p', DATE '2022-01-02', 'w4', 'begun', TIMESTAMP '2026-01-01 10:07:00')");
        }

        LineageChecks checks = LineageChecks.read(db);

        assertThat(checks).isEqualTo(new LineageChecks(2, 1, 2));
    }
}
