package fullcourt.coordinator.ledger;

import java.util.List;

/** A row refused before it reached the ledger, because the ledger's own fold would refuse it. */
public final class InvalidLedgerRow extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidLedgerRow(LedgerEvent row, List<String> problems) {
        super("ledger row " + row.type() + " of run " + fullcourt.messages.LogText.of(row.runId()) + " refused: "
                + String.join("; ", problems));
    }
}
