package fullcourt.engine.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fullcourt.engine.processor.PermanentFailure;
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

    private static String limit(DuckDbWarehouse warehouse) {
        return String.valueOf(warehouse.query("SELECT current_setting('memory_limit') AS l", Map.of()).get(0).get("l"));
    }
}
