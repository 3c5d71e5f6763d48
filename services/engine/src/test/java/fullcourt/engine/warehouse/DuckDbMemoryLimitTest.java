package fullcourt.engine.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fullcourt.engine.processor.PermanentFailure;
import fullcourt.engine.processor.RetryableFailure;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DuckDbMemoryLimitTest {

    @Test
    void theWarehouseHoldsDuckDbToTheConfiguredMemoryLimit() {
        try (DuckDbWarehouse limited = DuckDbWarehouse.open(":memory:", "300MB");
             DuckDbWarehouse unlimited = DuckDbWarehouse.open(":memory:", DuckDbWarehouse.DEFAULT_MEMORY_LIMIT)) {
            // DuckDB reports the limit in its own units (MiB rounded from the bytes asked for)
            assertThat(limit(limited)).isEqualTo("286.1 MiB");
            assertThat(limit(unlimited)).isNotEqualTo(limit(limited));
        }
    }

    @Test
    void aLimitDuckDbDoesNotUnderstandIsRefusedNamingTheSettingAndAValidForm() {
        assertThatThrownBy(() -> DuckDbWarehouse.open(":memory:", "lots"))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("'lots'")
                .hasMessageContaining("fullcourt.warehouse.duckdb-memory-limit")
                .hasMessageContaining("1GB");
    }

    @Test
    void aStatementThatFindsTheLimitFullFailsRetryablyNamingTheSetting() {
        try (DuckDbWarehouse small = DuckDbWarehouse.open(":memory:", "8MB")) {
            // a table held in memory that cannot fit, and no temporary directory to spill it to
            small.update("SET temp_directory = ''", Map.of());
            assertThatThrownBy(() -> small.update("CREATE TABLE ops.big AS SELECT range AS i, repeat('x', 100) AS s"
                    + " FROM range(2000000)", Map.of()))
                    .isInstanceOf(RetryableFailure.class)
                    .hasMessageContaining("fullcourt.warehouse.duckdb-memory-limit");
        }
    }

    @Test
    void theWarehouseRunsDuckDbOnTheConfiguredThreadsAndRefusesANegativeCount() {
        try (DuckDbWarehouse one = DuckDbWarehouse.open(":memory:", DuckDbWarehouse.DEFAULT_MEMORY_LIMIT, 1);
             DuckDbWarehouse three = DuckDbWarehouse.open(":memory:", DuckDbWarehouse.DEFAULT_MEMORY_LIMIT, 3)) {
            assertThat(threads(one)).isEqualTo(1L);
            assertThat(threads(three)).isEqualTo(3L);
        }
        assertThatThrownBy(() -> DuckDbWarehouse.open(":memory:", DuckDbWarehouse.DEFAULT_MEMORY_LIMIT, -2))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("fullcourt.warehouse.duckdb-threads")
                .hasMessageContaining("got -2");
    }

    private static long threads(DuckDbWarehouse warehouse) {
        return ((Number) warehouse.query("SELECT current_setting('threads') AS t", Map.of()).get(0).get("t")).longValue();
    }

    private static String limit(DuckDbWarehouse warehouse) {
        return String.valueOf(warehouse.query("SELECT current_setting('memory_limit') AS l", Map.of()).get(0).get("l"));
    }
}
