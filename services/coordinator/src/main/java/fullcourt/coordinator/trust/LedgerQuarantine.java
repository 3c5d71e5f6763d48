package fullcourt.coordinator.trust;

import fullcourt.coordinator.ledger.LedgerRows;
import fullcourt.coordinator.metrics.CoordinatorMetrics;
import fullcourt.messages.LogText;
import java.util.List;
import org.jboss.logging.Logger;

/** Reports the ledger rows set aside at start: one error line each, and the quarantine counter. */
public final class LedgerQuarantine {

    private static final Logger LOG = Logger.getLogger(LedgerQuarantine.class);

    private LedgerQuarantine() {
    }

    public static void report(List<LedgerRows.Quarantined> rows, CoordinatorMetrics metrics) {
        for (LedgerRows.Quarantined q : rows) {
            metrics.quarantined();
            LOG.errorf("LEDGER ROW QUARANTINED (ops.task_events %s): %s; the coordinator starts without it. Fix or"
                    + " delete the row, or leave it: it is set aside at every start", LogText.of(q.row()),
                    LogText.of(q.reason(), 500));
        }
    }
}
