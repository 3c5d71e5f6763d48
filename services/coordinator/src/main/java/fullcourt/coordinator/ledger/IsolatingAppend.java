package fullcourt.coordinator.ledger;

import fullcourt.messages.LogText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Appends a batch of rows in one transaction and, should it fail, one by one: one row the warehouse refuses (a
 * timestamp beyond its range, say) then fails alone, not the events batched with it, which used to come back
 * together again and again.
 */
public final class IsolatingAppend {

    private static final Logger LOG = Logger.getLogger(IsolatingAppend.class);

    private IsolatingAppend() {
    }

    /** Per row, null when written, else why not; {@code append} writes a list in one transaction. */
    public static List<RuntimeException> each(List<LedgerEvent> rows, Consumer<List<LedgerEvent>> append) {
        List<RuntimeException> failures = new ArrayList<>(Collections.nCopies(rows.size(), null));
        try {
            append.accept(rows);
            return failures;
        } catch (RuntimeException batch) {
            if (rows.size() == 1) {
                failures.set(0, batch);
                return failures;
            }
            LOG.warnf("Ledger batch of %d rows failed (%s); writing them one by one", rows.size(),
                    LogText.of(batch.getMessage(), 300));
        }
        for (int r = 0; r < rows.size(); r++) {
            try {
                append.accept(List.of(rows.get(r)));
            } catch (RuntimeException one) {
                LOG.errorf("Ledger row %s of run %s could not be written; its event goes back to Pub/Sub: %s",
                        rows.get(r).type(), LogText.of(rows.get(r).runId()), LogText.of(one.getMessage(), 300));
                failures.set(r, one);
            }
        }
        return failures;
    }
}
