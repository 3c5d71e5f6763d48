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
}
