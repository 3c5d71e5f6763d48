package fullcourt.engine.processor;

import fullcourt.engine.catalog.ProcessorDeclaration;
import fullcourt.engine.warehouse.Warehouse;
import java.time.LocalDate;

/** Everything a processor gets for one attempt at one date. */
public record TaskContext(
        ProcessorDeclaration declaration,
        LocalDate date,
        String runId,
        int attempt,
        Warehouse warehouse,
        Cancellation cancellation) {
}
