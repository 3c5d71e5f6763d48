package fullcourt.engine.config;

import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.CatalogReader;
import fullcourt.infra.retry.BackoffPolicy;
import fullcourt.engine.warehouse.DuckDbWarehouse;
import fullcourt.engine.warehouse.Warehouse;
import fullcourt.engine.warehouse.bigquery.BigQueryWarehouse;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Random;

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
        EngineConfig.Warehouse w = config.warehouse();
        return switch (w.backend()) {
            case "duckdb" -> DuckDbWarehouse.open(w.duckdbPath(), w.duckdbMemoryLimit(), w.duckdbThreads());
            case "bigquery" -> {
                EngineConfig.BigQuery bq = w.bigquery();
                String project = bq.projectId().orElseThrow(() -> new IllegalStateException(
                        "fullcourt.warehouse.bigquery.project-id is required when fullcourt.warehouse.backend=bigquery"));
                yield BigQueryWarehouse.connect(project, null, bq.location(), null,
                        new BackoffPolicy(bq.maxAttempts(), bq.initialBackoff(), 2.0, java.time.Duration.ofSeconds(32)),
                        // unseeded on purpose: workers seeded alike would draw the same jitter and retry in step
                        new Random(), bq.pollInterval(), bq.partitionWritesPer10s());
            }
            default -> throw new IllegalStateException("fullcourt.warehouse.backend must be 'duckdb' or 'bigquery', got '"
                    + w.backend() + "'");
        };
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
