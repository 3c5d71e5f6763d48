package fullcourt.coordinator.lineage;

import fullcourt.coordinator.TaskKey;
import fullcourt.coordinator.lineage.LineageFacts.ChangedInput;
import fullcourt.coordinator.lineage.StaleReason.Kind;
import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.ProcessorDeclaration;
import fullcourt.engine.catalog.SeasonCalendar;
import fullcourt.engine.lineage.LatestWrite;
import fullcourt.engine.lineage.PartitionKey;
import fullcourt.engine.lineage.WindowInputs;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Judges every productive (processor, date) partition of the calendar (a game date outside the
 * processor's bootstrap days), in dependency order, so that an upstream is judged before whatever
 * reads it. A partition is stale when it is missing, has no lineage, its last write never recorded
 * its outcome, its processor's version changed, an input it read (raw or upstream, same date or
 * window) has another fingerprint now, or an input it reads is stale itself (transitively).
 * Pure: the facts come from {@link LineageReader}.
 */
public final class StalenessCheck {

    private final Catalog catalog;

    public StalenessCheck(Catalog catalog) {
        this.catalog = catalog;
    }

    public Staleness judge(SeasonCalendar calendar, LineageFacts facts) {
        LinkedHashMap<TaskKey, StaleReason> stale = new LinkedHashMap<>();
        WindowReach staleReach = new WindowReach(catalog, calendar);
        List<ProcessorDeclaration> order = catalog.dependencyOrder();
        Map<String, TreeSet<LocalDate>> judged = new HashMap<>();
        for (SeasonCalendar.Season season : calendar.seasons()) {
            for (LocalDate date : season.gameDates()) {
                for (ProcessorDeclaration d : order) {
                    if (!d.dateDomain().productive(date, calendar)) {
                        continue;
                    }
                    judged.computeIfAbsent(d.name(), n -> new TreeSet<>()).add(date);
                    TaskKey key = new TaskKey(d.name(), date);
                    StaleReason reason = direct(d, key, facts);
                    if (reason == null && !facts.withReads().contains(new PartitionKey(d.name(), date))
                            && !WindowInputs.of(catalog, d, date, calendar).isEmpty()) {
                        reason = new StaleReason(Kind.NO_LINEAGE, "no recorded reads (lineage written by an older"
                                + " version of Fullcourt)", null);
                    }
                    if (reason == null) {
                        Optional<TaskKey> upstream = staleReach.firstMarkedInput(d, date);
                        if (upstream.isPresent()) {
                            reason = new StaleReason(Kind.UPSTREAM_STALE, "upstream " + upstream.get().processor() + " "
                                    + upstream.get().date() + " stale", upstream.get());
                        }
                    }
                    if (reason != null) {
                        stale.put(key, reason);
                        staleReach.mark(key);
                    }
                }
            }
        }
        return new Staleness(stale, judged);
    }

    /** A reason found in the partition's own lineage, or null. */
    private static StaleReason direct(ProcessorDeclaration d, TaskKey key, LineageFacts facts) {
        PartitionKey partition = new PartitionKey(key.processor(), key.date());
        LatestWrite latest = facts.latest().get(partition);
        if (latest == null) {
            return facts.present().contains(partition)
                    ? new StaleReason(Kind.NO_LINEAGE, "no lineage (written before lineage was recorded)", null)
                    : new StaleReason(Kind.MISSING, "missing", null);
        }
        if (!latest.complete()) {
            return new StaleReason(Kind.INTERRUPTED, "write of run " + latest.runId() + " interrupted before its"
                    + " lineage was recorded: contents unknown", null);
        }
        String current = facts.currentVersions().get(d.name());
        if (current != null && !current.equals(latest.version())) {
            return new StaleReason(Kind.VERSION, "model version " + latest.version() + " -> " + current, null);
        }
        for (ChangedInput c : facts.changedInputs().getOrDefault(partition, List.of())) {
            if (c.input().isRaw()) {
                return new StaleReason(Kind.RAW_CHANGED, c.where() + " changed", null);
            }
            TaskKey upstream = new TaskKey(c.input().input(), c.input().date());
            return new StaleReason(Kind.UPSTREAM_CHANGED, "upstream " + c.where()
                    + (c.beingRewritten() ? " being rewritten" : c.through() == null ? " re-run" : " changed"),
                    upstream);
        }
        return null;
    }
}
