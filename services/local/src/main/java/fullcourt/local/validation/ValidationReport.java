package fullcourt.local.validation;

import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.SeasonCalendar;
import fullcourt.engine.warehouse.Warehouse;
import fullcourt.publishing.validation.ExportReport;
import fullcourt.publishing.validation.ExportValidator;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a backfill left in the warehouse, checked: every processor's table against the dates it
 * should cover, the trained prediction system against the moving-average baseline on the
 * range's last season, and every export file against its JSON Schema.
 */
public record ValidationReport(LocalDate from, LocalDate to, List<TableCoverage> coverage, String season,
                               List<SystemAccuracy> accuracy, Optional<ExportReport> exports) {

    static final String TRAINED = "xgboost";
    static final String BASELINE = "moving_average";

    /**
     * @param exportRoot the directory the exports were written to; empty when they went to GCS
     *                   (then only their manifest tables are checked)
     */
    public static ValidationReport build(Warehouse warehouse, Catalog catalog, LocalDate from, LocalDate to,
                                         Optional<Path> exportRoot) {
        SeasonCalendar calendar = SeasonCalendar.load(warehouse);
        List<TableCoverage> coverage = new ArrayList<>();
        catalog.all().forEach(d -> coverage.add(TableCoverage.of(warehouse, d, calendar, from, to)));
        String season = calendar.seasons().stream()
                .filter(s -> !s.first().isAfter(to) && !s.last().isBefore(from))
                .reduce((a, b) -> b).map(SeasonCalendar.Season::label).orElse(null);
        List<SystemAccuracy> accuracy = season == null ? List.of() : SystemAccuracy.of(warehouse, season);
        return new ValidationReport(from, to, List.copyOf(coverage), season, accuracy,
                exportRoot.map(root -> ExportValidator.validate(root, from, to)));
    }

    public Optional<SystemAccuracy> system(String name) {
        return accuracy.stream().filter(a -> a.system().equals(name)).findFirst();
    }

    /** Whether the trained system's MAE beats the baseline's on the last season (false when either is absent). */
    public boolean trainedBeatsBaseline() {
        return system(TRAINED).flatMap(t -> system(BASELINE).map(b -> t.mae() < b.mae())).orElse(false);
    }

    public boolean passed() {
        return coverage.stream().allMatch(TableCoverage::complete) && trainedBeatsBaseline()
                && exports.map(ExportReport::allValid).orElse(true);
    }

    public String render() {
        StringBuilder out = new StringBuilder("Validation " + from + " .. " + to + "\n");
        out.append("Coverage (game dates after bootstrap present / expected):\n");
        coverage.forEach(c -> out.append(c.render()).append('\n'));
        out.append("Points prediction accuracy, season ").append(season).append(":\n");
        accuracy.forEach(a -> out.append(a.render()).append('\n'));
        out.append(trainedBeatsBaseline()
                ? "  ok: " + TRAINED + " beats the " + BASELINE + " baseline\n"
                : "  FAILED: " + TRAINED + " does not beat the " + BASELINE + " baseline\n");
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
