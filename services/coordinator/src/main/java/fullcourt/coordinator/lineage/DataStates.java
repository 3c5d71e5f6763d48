package fullcourt.coordinator.lineage;

import fullcourt.coordinator.TaskKey;
import fullcourt.coordinator.plan.PartitionStates;
import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.SeasonCalendar;
import fullcourt.engine.lineage.LatestWrite;
import fullcourt.engine.lineage.PartitionKey;

/**
 * Partition states read from the warehouse: present when the table has rows for the date or the
 * partition's latest write ended (written or skipped); stale as {@link StalenessCheck} judges.
 * For stale runs a stale partition is not available to its readers.
 */
public final class DataStates implements PartitionStates {

    private final Catalog catalog;
    private final SeasonCalendar calendar;
    private final LineageFacts facts;
    private final boolean staleIsUnavailable;
    private Staleness staleness;

    public DataStates(Catalog catalog, SeasonCalendar calendar, LineageFacts facts, boolean staleIsUnavailable) {
        this.catalog = catalog;
        this.calendar = calendar;
        this.facts = facts;
        this.staleIsUnavailable = staleIsUnavailable;
    }

    @Override
    public boolean present(TaskKey key) {
        PartitionKey p = new PartitionKey(key.processor(), key.date());
        LatestWrite w = facts.latest().get(p);
        return facts.present().contains(p) || (w != null && w.complete());
    }

    @Override
    public boolean available(TaskKey key) {
        if (!catalog.get(key.processor()).dateDomain().productive(key.date(), calendar)) {
            return true;
        }
        return present(key) && !(staleIsUnavailable && staleness().isStale(key));
    }

    @Override
    public Staleness staleness() {
        if (staleness == null) {
            staleness = new StalenessCheck(catalog).judge(calendar, facts);
        }
        return staleness;
    }
}
