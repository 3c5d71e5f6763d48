package fullcourt.engine.health;

import fullcourt.engine.warehouse.Warehouse;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The warehouse answers a trivial query (DuckDB: at once; BigQuery: one query job that reads no
 * table and bills nothing) within a few seconds. The query runs on a thread of its own, so a hung
 * warehouse makes the check DOWN rather than hanging the health endpoint.
 */
@Readiness
@ApplicationScoped
public class WarehouseReadinessCheck implements HealthCheck {

    static final long TIMEOUT_SECONDS = 10;
    static final String PROBE = "SELECT 1 AS ok";

    @Inject
    Warehouse warehouse;

    private final ExecutorService probe = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fullcourt-warehouse-probe");
        t.setDaemon(true);
        return t;
    });

    @Override
    public HealthCheckResponse call() {
        try {
            Object answer = CompletableFuture.supplyAsync(() -> warehouse.query(PROBE, Map.of()), probe)
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(0).get("ok");
            return HealthCheckResponse.named("fullcourt-warehouse").status(answer instanceof Number n && n.intValue() == 1)
                    .withData("backend", warehouse.getClass().getSimpleName())
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down("interrupted");
        } catch (Exception e) {
            return down(e.getCause() != null ? e.getCause().toString() : e.toString());
        }
    }

    private HealthCheckResponse down(String error) {
        return HealthCheckResponse.named("fullcourt-warehouse").down()
                .withData("backend", warehouse.getClass().getSimpleName()).withData("error", error).build();
    }

    @PreDestroy
    void stop() {
        probe.shutdownNow();
    }
}
