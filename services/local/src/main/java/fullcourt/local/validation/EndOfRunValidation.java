package fullcourt.local.validation;

import fullcourt.coordinator.validation.ValidationFailed;
import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.warehouse.Warehouse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The all-in-one's validation at the end of its run: builds the {@link ValidationReport} and, when the warehouse's
 * checks fail, announces it ({@link ValidationFailed}), which the coordinator's notifier sends to the webhook when
 * {@code fullcourt.notify.webhook-url} is set.
 */
@ApplicationScoped
public class EndOfRunValidation {

    @Inject
    Warehouse warehouse;
    @Inject
    Catalog catalog;
    @Inject
    Event<ValidationFailed> validationFailed;

    /** The report of {@code from .. to}, the exports checked in {@code exportRoot} when they went to a directory. */
    public ValidationReport validate(LocalDate from, LocalDate to, Optional<Path> exportRoot) {
        ValidationReport report = ValidationReport.build(warehouse, catalog, from, to, exportRoot);
        if (!report.warehouse().passed()) {
            validationFailed.fire(new ValidationFailed(report.warehouse()));
        }
        return report;
    }
}
