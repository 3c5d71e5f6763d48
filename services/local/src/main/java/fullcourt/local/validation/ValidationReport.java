package fullcourt.local.validation;

import fullcourt.coordinator.validation.Validation;
import fullcourt.coordinator.validation.Validator;
import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.warehouse.Warehouse;
import fullcourt.publishing.validation.ExportReport;
import fullcourt.publishing.validation.ExportValidator;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The all-in-one's end-of-run report: the coordinator's validation of the warehouse (coverage,
 * field checks, the trained model against the baseline) and every export file against its JSON
 * Schema, when the exports went to a directory.
 */
public record ValidationReport(Validation warehouse, Optional<ExportReport> exports) {

    /**
     * @param exportRoot the directory the exports were written to; empty when they went to GCS
     *                   (then only their manifest tables are checked)
     */
    public static ValidationReport build(Warehouse warehouse, Catalog catalog, LocalDate from, LocalDate to,
                                         Optional<Path> exportRoot) {
        return new ValidationReport(Validator.validate(warehouse, catalog, from, to, Optional.empty()),
                exportRoot.map(root -> ExportValidator.validate(root, from, to)));
    }

    public boolean passed() {
        return warehouse.passed() && exports.map(ExportReport::allValid).orElse(true);
    }

    public String render() {
        StringBuilder out = new StringBuilder(warehouse.render());
        exports.ifPresentOrElse(report -> {
            out.append("Export files (present, valid against their JSON Schema):\n");
            report.exports().forEach(e -> {
                out.append(String.format("  %-20s %5d present %5d valid%s%n", e.export(), e.present(), e.valid(),
                        e.invalid() == 0 ? "" : "  INVALID " + e.invalid()));
                e.invalidFiles().stream().limit(3).forEach(f -> out.append("    ").append(f.objectPath()).append(": ")
                        .append(f.reasons()).append('\n'));
            });
        }, () -> out.append("Export files: not checked (they went to GCS; their manifests are in the coverage above)\n"));
        out.append(passed() ? "PASSED" : "FAILED");
        return out.toString();
    }
}
