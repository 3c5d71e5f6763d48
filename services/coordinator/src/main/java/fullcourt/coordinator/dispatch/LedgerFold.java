package fullcourt.coordinator.dispatch;

import fullcourt.coordinator.TaskKey;
import fullcourt.coordinator.ledger.LedgerEvent;
import fullcourt.coordinator.ledger.LedgerEventType;
import fullcourt.coordinator.ledger.LedgerRows;
import fullcourt.coordinator.plan.Plan;
import fullcourt.coordinator.plan.Planner;
import fullcourt.engine.catalog.SeasonCalendar;
import fullcourt.messages.BackfillRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds ledger rows, in the order written, into a {@link Scheduler}: what a starting coordinator
 * does to resume where the previous process stopped. Each run comes back with its request (so its
 * policy) from the RUN_ACCEPTED row and its tasks from the PLANNED rows (one with a detail is a task skipped as
 * planned, the detail its reason), then every later row is applied as it was live.
 */
public final class LedgerFold {

    private LedgerFold() {
    }

    /**
     * Folds {@code rows} in order. A row the fold cannot take (a run whose plan names a processor the catalog no
     * longer has, say) is set aside and returned, never thrown: one bad row must not keep the coordinator from
     * starting. Rows of a run whose RUN_ACCEPTED row was set aside change nothing (the run is unknown).
     */
    public static List<LedgerRows.Quarantined> into(Scheduler scheduler, Planner planner, List<LedgerEvent> rows,
                                                    SeasonCalendar calendar) {
        List<LedgerRows.Quarantined> quarantined = new ArrayList<>();
        Map<String, List<TaskKey>> planned = new LinkedHashMap<>();
        Map<String, Map<TaskKey, String>> skipped = new LinkedHashMap<>();
        for (LedgerEvent e : rows) {
            if (e.type() == LedgerEventType.PLANNED) {
                planned.computeIfAbsent(e.runId(), r -> new ArrayList<>()).add(e.task());
                if (e.detail() != null) {
                    skipped.computeIfAbsent(e.runId(), r -> new LinkedHashMap<>()).put(e.task(), e.detail());
                }
            }
        }
        for (LedgerEvent e : rows) {
            try {
                if (e.type() == LedgerEventType.RUN_ACCEPTED) {
                    BackfillRequest request = e.acceptedRequest();
                    Plan plan = planner.withDependencies(planned.getOrDefault(e.runId(), List.of()), request.policy(),
                            scheduler.doneEver(), 0, calendar).withSkipped(skipped.getOrDefault(e.runId(), Map.of()));
                    scheduler.addRun(e.runId(), request, e.at(), plan);
                } else if (e.type() != LedgerEventType.PLANNED) {
                    scheduler.apply(e);
                }
            } catch (RuntimeException refused) {
                quarantined.add(new LedgerRows.Quarantined(e.type() + " of run " + e.runId()
                        + (e.task() == null ? "" : " task " + e.task()), "the fold refused it: " + refused));
            }
        }
        return quarantined;
    }
}
