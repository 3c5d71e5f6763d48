package fullcourt.coordinator.dispatch;

import fullcourt.coordinator.CoordinatorConfig;
import fullcourt.coordinator.lease.CoordinatorLease;
import fullcourt.coordinator.ledger.LedgerEvent;
import fullcourt.coordinator.ledger.LedgerEventType;
import fullcourt.coordinator.ledger.LedgerRows;
import fullcourt.coordinator.ledger.TaskLedger;
import fullcourt.coordinator.metrics.CoordinatorMetrics;
import fullcourt.coordinator.plan.Planner;
import fullcourt.coordinator.trust.LedgerQuarantine;
import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.SeasonCalendar;
import fullcourt.engine.warehouse.Warehouse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/** How a coordinator's state comes back from its ledger: at a start, and after an append failed. */
public final class LedgerReplay {

    private static final Logger LOG = Logger.getLogger(LedgerReplay.class);

    private LedgerReplay() {
    }

    /**
     * A run book on the ledger of {@code warehouse} (fenced by {@code lease} when not null), its state folded from the
     * ledger, and its tasks in flight requeued when {@code requeue} (the broker started empty): what a start builds,
     * and a turn after an append failed. On a failure nothing is left running and the failure is thrown.
     */
    public static RunBook rebuild(Catalog catalog, CoordinatorConfig config, Warehouse warehouse,
                                  CoordinatorLease lease, RunBook.Wiring wiring, boolean requeue) {
        TaskLedger ledger = lease == null ? new TaskLedger(warehouse) : new TaskLedger(warehouse, lease);
        RunBook book = new RunBook(Scheduler.configured(catalog, config), ledger, lease, wiring);
        try {
            fold(book, new Planner(catalog), warehouse, wiring.metrics());
            if (requeue) {
                requeueInFlight(book, wiring.clock());
            }
        } catch (RuntimeException e) {
            book.close(Duration.ofSeconds(30));
            throw e;
        }
        return book;
    }

    /** Folds the whole ledger into {@code book}'s scheduler; rows its fold refuses are set aside and reported. */
    private static void fold(RunBook book, Planner planner, Warehouse warehouse, CoordinatorMetrics metrics) {
        Scheduler scheduler = book.scheduler();
        LedgerRows.Read read = book.ledger().read();
        List<LedgerRows.Quarantined> quarantined = new ArrayList<>(read.quarantined());
        quarantined.addAll(LedgerFold.into(scheduler, planner, read.rows(), SeasonCalendar.load(warehouse)));
        LedgerQuarantine.report(quarantined, metrics);
        long active = scheduler.runs().stream().filter(r -> !r.finished()).count();
        LOG.infof("Ledger folded: %d rows, %d runs (%d active), %d tasks in flight%s", read.rows().size(),
                scheduler.runs().size(), active, scheduler.inFlightCount(),
                quarantined.isEmpty() ? "" : "; " + quarantined.size() + " rows QUARANTINED (see the errors above)");
    }

    /**
     * The embedded emulator starts empty: work dispatched before this process started is gone, so
     * the tasks still in flight are made READY again and dispatched anew (a higher dispatch number
     * makes any late event of the old dispatch stale). Real Pub/Sub keeps them, so not done there.
     */
    private static void requeueInFlight(RunBook book, Clock clock) {
        Instant now = clock.instant();
        List<LedgerEvent> rows = book.scheduler().inFlightTasks().stream()
                .map(d -> LedgerEvent.task(d.runId(), d.task(), LedgerEventType.REQUEUED, d.dispatch(), 0, now,
                        "broker restarted empty"))
                .toList();
        book.write(rows);
        if (!rows.isEmpty()) {
            LOG.infof("Requeued %d tasks that were in flight when the previous process stopped", rows.size());
        }
    }
}
