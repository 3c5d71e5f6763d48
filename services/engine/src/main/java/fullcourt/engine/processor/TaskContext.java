package fullcourt.engine.processor;

import fullcourt.engine.catalog.ProcessorDeclaration;
import fullcourt.engine.warehouse.Warehouse;
import java.time.LocalDate;

/**
 * Everything a processor gets for one attempt at one date; {@code earlyCutoff}: the work allows skipping it as
 * "inputs unchanged" (see {@link fullcourt.messages.DateWork}).
 */
public record TaskContext(
        ProcessorDeclaration declaration,
        LocalDate date,
        String runId,
        int attempt,
        Warehouse warehouse,
        Cancellation cancellation,
        boolean earlyCutoff) {

    /** An attempt that must compute its partition (no early cutoff). */
    public TaskContext(ProcessorDeclaration declaration, LocalDate date, String runId, int attempt, Warehouse warehouse,
                       Cancellation cancellation) {
        this(declaration, date, runId, attempt, warehouse, cancellation, false);
    }
}
