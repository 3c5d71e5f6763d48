package fullcourt.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fullcourt.bench.compare.WarehouseChecksums.Comparison;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarehouseChecksumsTest {

    @TempDir
    Path dir;

    private Path warehouse(String name, String... statements) throws SQLException {
        Path file = dir.resolve(name + ".duckdb");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA analytics");
            s.execute("CREATE SCHEMA ops");
            s.execute("CREATE TABLE analytics.t (d DATE, player VARCHAR, pts INTEGER, rate DOUBLE)");
            s.execute("CREATE TABLE ops.task_events (recorded_at TIMESTAMP)");
            s.execute("INSERT INTO ops.task_events VALUES (now())");
            for (String statement : statements) {
                s.execute(statement);
            }
        }
        return file;
    }

    private static Map<String, Comparison> byTable(List<Comparison> comparisons) {
        return comparisons.stream().collect(Collectors.toMap(Comparison::table, Function.identity()));
    }

    @Test
    void floatsDifferingInTheLastBitsAreEqualInAnyOrderButNotBeyondTheTolerance() throws Exception {
        Path left = warehouse("left", "INSERT INTO analytics.t VALUES ('2022-01-05', 'a', 10, 0.1::DOUBLE + 0.2::DOUBLE), "
                + "('2022-01-05', 'b', 7, 0.0318359375), ('2022-01-06', 'a', NULL, NULL)");
        // the same rows in another order, two floats a few units of the last place apart, one across 9-decimal rounding
        Path right = warehouse("right", "INSERT INTO analytics.t VALUES ('2022-01-06', 'a', NULL, NULL), "
                + "('2022-01-05', 'b', 7, 0.03183593749999), ('2022-01-05', 'a', 10, 0.3)");
        Path changed = warehouse("changed", "INSERT INTO analytics.t VALUES ('2022-01-05', 'a', 10, 0.300001), "
                + "('2022-01-05', 'b', 7, 0.0318359375), ('2022-01-06', 'a', NULL, NULL)");

        Comparison same = byTable(WarehouseChecksums.compare(left, right, 9)).get("analytics.t");
        assertThat(same.equal()).isTrue();
        assertThat(same.bitwiseDifferent()).isEqualTo(4);
        assertThat(same.different()).isZero();

        Comparison differs = byTable(WarehouseChecksums.compare(left, changed, 9)).get("analytics.t");
        assertThat(differs.equal()).isFalse();
        assertThat(differs.different()).isEqualTo(2);
        // the same change is within a looser tolerance
        assertThat(byTable(WarehouseChecksums.compare(left, changed, 5)).get("analytics.t").equal()).isTrue();
    }

    @Test
    void aMissingRowATableOnOneSideDifferAndTheOpsSchemaIsIgnored() throws Exception {
        Path left = warehouse("left", "INSERT INTO analytics.t VALUES ('2022-01-05', 'a', 10, 1.5), "
                + "('2022-01-05', 'a', 10, 1.5)", "CREATE TABLE analytics.extra (x INTEGER)");
        Path right = warehouse("right", "INSERT INTO analytics.t VALUES ('2022-01-05', 'a', 10, 1.5)");

        Map<String, Comparison> result = byTable(WarehouseChecksums.compare(left, right, 9));
        assertThat(result).containsOnlyKeys("analytics.t", "analytics.extra");
        assertThat(result.get("analytics.t").equal()).as("a duplicate row counts").isFalse();
        assertThat(result.get("analytics.t").leftRows()).isEqualTo(2);
        assertThat(result.get("analytics.extra").rightRows()).isEqualTo(-1);
        assertThat(result.get("analytics.extra").equal()).isFalse();
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> WarehouseChecksums.compare(dir.resolve("none.duckdb"), dir.resolve("none.duckdb"), 9))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("none.duckdb");
    }
}
