package fullcourt.coordinator.lineage;

import fullcourt.coordinator.plan.PartitionStates;
import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.SeasonCalendar;
import fullcourt.engine.warehouse.Warehouse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** The coordinator's view of the warehouse's truth: partition states for plans, staleness for reports. */
@ApplicationScoped
public class LineageService {

    private static final Logger LOG = Logger.getLogger(LineageService.class);

    @Inject
    Catalog catalog;
    @Inject
    Warehouse warehouse;

    /** The states of every partition now; with {@code staleIsUnavailable}, stale partitions do not satisfy readers. */
    public PartitionStates states(SeasonCalendar calendar, boolean staleIsUnavailable) {
        long begun = System.nanoTime();
        LineageFacts facts = new LineageReader(catalog, warehouse).read();
        LOG.debugf("Lineage read in %d ms: %d partitions with lineage, %d changed inputs", (System.nanoTime() - begun)
                / 1_000_000, facts.latest().size(), facts.changedInputs().size());
        return new DataStates(catalog, calendar, facts, staleIsUnavailable);
    }

    /** The stale partitions of the warehouse now, judged over the whole calendar. */
    public Staleness staleness() {
        SeasonCalendar calendar = SeasonCalendar.load(warehouse);
        return states(calendar, true).staleness();
    }
}
