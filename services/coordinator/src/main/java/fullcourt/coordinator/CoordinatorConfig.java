package fullcourt.coordinator;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The coordinator's knobs. */
@ConfigMapping(prefix = "fullcourt.coordinator")
public interface CoordinatorConfig {

    /**
     * Tasks in flight at once across all runs: the warehouse's concurrent-query quota (BigQuery:
     * 100 per project) minus headroom. Per-processor limits come from the catalog.
     */
    @WithDefault("16")
    int globalInFlight();

    /** Longest date range a request may cover, in days. */
    @WithDefault("2000")
    int maxRangeDays();

    /** Longest explicit date list a request may carry. */
    @WithDefault("2000")
    int maxDates();

    /**
     * How long one turn of the coordinator's loop may take before liveness reports it stuck: a
     * turn writes ledger rows and waits for publishes (60 s at most each), and the first one folds
     * the whole ledger.
     */
    @WithDefault("5m")
    java.time.Duration loopStallLimit();
}
