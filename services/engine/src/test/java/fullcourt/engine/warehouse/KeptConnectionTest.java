package fullcourt.engine.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KeptConnectionTest {

    private final DuckDbWarehouse warehouse = DuckDbWarehouse.open(":memory:");

    @AfterEach
    void close() {
        warehouse.close();
    }

    @Test
    void aStatementIsPreparedOnceAndTheSameOneReturnedForItsSqlAfterwards() throws SQLException {
        try (KeptConnection w = new KeptConnection(warehouse.connection())) {
            KeptConnection.Prepared first = w.prepared("SELECT @a AS a, @b AS b");

            assertThat(w.prepared("SELECT @a AS a, @b AS b")).isSameAs(first);
            assertThat(first.parameters().order()).containsExactly("a", "b");
            assertThat(w.prepared("SELECT @b AS b")).isNotSameAs(first);
            assertThat(w.preparedCount()).isEqualTo(2);
        }
    }

    @Test
    void aMultiRowInsertIsPreparedOncePerRowCountWithOneRowsParameters() throws SQLException {
        warehouse.update("CREATE TABLE t (a INTEGER, b VARCHAR)", java.util.Map.of());
        SingleRowInsert insert = SingleRowInsert.parse("INSERT INTO t (a, b) VALUES (@a, @b)").orElseThrow();
        try (KeptConnection w = new KeptConnection(warehouse.connection())) {
            KeptConnection.Prepared three = w.preparedRows(insert, 3);

            assertThat(w.preparedRows(insert, 3)).isSameAs(three);
            assertThat(w.preparedRows(insert, 2)).isNotSameAs(three);
            assertThat(three.parameters().order()).containsExactly("a", "b");
            assertThat(three.statement().getParameterMetaData().getParameterCount()).isEqualTo(6);
            assertThat(w.preparedCount()).isEqualTo(2);
        }
    }

    @Test
    void beyondItsLimitTheLeastRecentlyUsedStatementIsClosedAndPreparedAgainWhenAskedFor() throws SQLException {
        try (KeptConnection w = new KeptConnection(warehouse.connection())) {
            KeptConnection.Prepared oldest = w.prepared("SELECT 0 AS n");
            KeptConnection.Prepared used = w.prepared("SELECT 1 AS n");
            for (int n = 2; n <= KeptConnection.MAX_PREPARED; n++) {
                w.prepared("SELECT " + n + " AS n");
                w.prepared("SELECT 1 AS n"); // kept in use: never the least recent
            }

            assertThat(w.preparedCount()).isEqualTo(KeptConnection.MAX_PREPARED);
            assertThat(oldest.statement().isClosed()).isTrue();
            assertThat(used.statement().isClosed()).isFalse();
            assertThat(w.prepared("SELECT 0 AS n")).isNotSameAs(oldest);
        }
    }
}
