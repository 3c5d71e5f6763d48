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
            List<Season> missing = toGenerate(generator, c, wanted);
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

    /**
     * The wanted seasons not yet generated whole. A season holding schedule rows that are not a complete generated
     * season is someone's own data (fullcourt load): generating it would first delete those rows, so that is refused.
     *
     * @throws IllegalStateException naming the seasons and what to do instead
     */
    static List<Season> toGenerate(SeasonGenerator generator, Connection c, List<Season> wanted) throws SQLException {
        List<Season> missing = new ArrayList<>();
        List<String> loaded = new ArrayList<>();
        for (Season s : wanted) {
            if (generator.present(c, s)) {
                continue;
            }
            long games = generator.scheduledGames(c, s);
            if (games > 0) {
                loaded.add(s.label() + " (" + games + " scheduled games)");
            } else {
                missing.add(s);
            }
        }
        if (!loaded.isEmpty()) {
            throw new IllegalStateException("raw data of " + String.join(", ", loaded) + " is already in the"
                    + " warehouse and is not a generated season: generating over it would delete it. To backfill the"
                    + " data you loaded, start with -Dfullcourt.local.seasons= (empty: generate nothing); to use"
                    + " generated seasons instead, choose others with -Dfullcourt.local.seasons=FIRST..LAST, or move"
                    + " the DuckDB file away");
        }
        return missing;
    }
}
