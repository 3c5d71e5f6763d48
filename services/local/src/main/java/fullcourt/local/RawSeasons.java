package fullcourt.local;

import fullcourt.engine.warehouse.DuckDbWarehouse;
import fullcourt.engine.warehouse.Warehouse;
import fullcourt.seasons.GenerationReport;
import fullcourt.seasons.Season;
import fullcourt.seasons.SeasonGenerator;
import fullcourt.seasons.SeasonRange;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Fills the raw tables with generated seasons at start, for those not there yet: the embedded
 * stand-in for phases 1-2 (scrapers), which are outside Fullcourt.
 */
@ApplicationScoped
public class RawSeasons {

    private static final Logger LOG = Logger.getLogger(RawSeasons.class);

    // before the coordinator (default priority) starts planning from the schedule
    void onStart(@Observes @Priority(10) StartupEvent event, LocalConfig config, Warehouse warehouse) throws SQLException {
        if (config.seasons().isEmpty()) {
            return;
        }
        if (!(warehouse instanceof DuckDbWarehouse duckdb)) {
            LOG.warn("fullcourt.local.seasons is set but the warehouse is not DuckDB: nothing generated");
            return;
        }
        List<Season> wanted = SeasonRange.parse(config.seasons().get());
        SeasonGenerator generator = new SeasonGenerator(config.seed());
        try (Connection c = duckdb.connection()) {
            List<Season> missing = new ArrayList<>();
            for (Season s : wanted) {
                if (!generator.present(c, s)) {
                    missing.add(s);
                }
            }
            if (missing.isEmpty()) {
                LOG.infof("Raw seasons %s already present", config.seasons().get());
                return;
            }
            long start = System.nanoTime();
            GenerationReport report = generator.generate(c, missing);
            LOG.infof("Generated raw seasons %s (seed %d) in %d ms: %s", missing.stream().map(Season::label).toList(),
                    config.seed(), (System.nanoTime() - start) / 1_000_000, report);
        }
    }
}
