package fullcourt.coordinator.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import fullcourt.engine.lineage.LineageStore;
import fullcourt.engine.lineage.PartitionFingerprints;
import fullcourt.engine.warehouse.Column;
import fullcourt.engine.warehouse.DialectCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lineage and fingerprint SQL stays inside the subset both engines run (SQL-DIALECT.md), as models do. */
class LineageSqlDialectTest {

    private static final List<Column> BOX = List.of(new Column("game_date", "DATE"), new Column("player_id", "VARCHAR"),
            new Column("minutes", "DOUBLE"), new Column("points", "INTEGER"), new Column("starter", "BOOLEAN"));

    @Test
    void fingerprintLatestWriteAndReadsQueriesUseOnlyThePortableSubset() {
        List<String> statements = List.of(
                PartitionFingerprints.query("raw.player_box_scores", "game_date", BOX),
                LineageStore.latestCte() + " SELECT l.processor FROM latest AS l",
                LineageReader.READS_OF_LATEST);
        for (String sql : statements) {
            assertThat(DialectCheck.violations(sql)).as(sql).isEmpty();
        }
        assertThat(LineageStore.DDL).allSatisfy(ddl -> assertThat(ddl).doesNotContain("VARCHAR", "BIGINT", "DOUBLE"));
    }

    @Test
    void theCheckWouldSeeADuckDbOnlySpelling() {
        // the same query shape with a DuckDB cast: what the test above guards against
        assertThat(DialectCheck.violations(PartitionFingerprints.query("raw.player_box_scores", "game_date", BOX)
                .replace("points, starter", "points::VARCHAR, starter"))).isNotEmpty();
    }
}
