package fullcourt.engine.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings every Fullcourt service shares: where the catalog and the warehouse are. */
@ConfigMapping(prefix = "fullcourt")
public interface EngineConfig {

    /** The processor catalog: {@code classpath:NAME} or a file path. */
    @WithDefault("classpath:fullcourt-catalog.json")
    String catalog();

    /** Warehouse settings. */
    Warehouse warehouse();

    /** Warehouse knobs. */
    interface Warehouse {
        /** DuckDB database file ({@code :memory:} for a throwaway one). */
        @WithDefault("data/fullcourt.duckdb")
        String duckdbPath();
    }
}
