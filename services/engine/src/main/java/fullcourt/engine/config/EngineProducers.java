package fullcourt.engine.config;

import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.CatalogReader;
import fullcourt.engine.warehouse.DuckDbWarehouse;
import fullcourt.engine.warehouse.Warehouse;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The catalog, the warehouse and the clock, one of each per process. */
public class EngineProducers {

    @Produces
    @Singleton
    Catalog catalog(EngineConfig config) {
        return CatalogReader.read(config.catalog());
    }

    @Produces
    @Singleton
    Warehouse warehouse(EngineConfig config) {
        return DuckDbWarehouse.open(config.warehouse().duckdbPath());
    }

    void closeWarehouse(@Disposes Warehouse warehouse) {
        if (warehouse instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
