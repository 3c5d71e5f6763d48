package fullcourt.coordinator.validation;

import fullcourt.coordinator.lineage.LineageReader;
import fullcourt.coordinator.lineage.Staleness;
import fullcourt.coordinator.lineage.StalenessCheck;
import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.SeasonCalendar;
import fullcourt.engine.warehouse.Warehouse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Builds a {@link Validation} from the warehouse, for the API, the CLI and the all-in-one's report (which has
 * no CDI, hence the static form: staleness comes from the lineage read here, as LineageService reads it).
 */
@ApplicationScoped
public class Validator {

    @Inject
    Warehouse warehouse;
    @Inject
    Catalog catalog;
    @Inject
    Event<ValidationFailed> failed;

    /** The validation of the range; one that does not pass is also announced ({@link ValidationFailed}). */
    public Validation validate(LocalDate from, LocalDate to, Optional<Integer> phase) {
        Validation validation = validate(warehouse, catalog, from, to, phase);
        if (!validation.passed()) {
            failed.fire(new ValidationFailed(validation));
        }
        return validation;
    }

    public static Validation validate(Warehouse warehouse, Catalog catalog, LocalDate from, LocalDate to,
                                      Optional<Integer> phase) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("validate: --to " + to + " is before --from " + from);
        }
        SeasonCalendar calendar = SeasonCalendar.load(warehouse);
        List<TableCoverage> coverage = catalog.all().stream()
                .filter(d -> phase.isEmpty() || d.phase() == phase.get())
                .map(d -> TableCoverage.of(warehouse, d, calendar, from, to))
                .toList();
        List<FieldCheck> fields = phase.isEmpty() || phase.get() == 3 ? FieldCheck.phase3(warehouse, from, to) : List.of();
        String season = calendar.seasons().stream()
                .filter(s -> !s.first().isAfter(to) && !s.last().isBefore(from))
                .reduce((a, b) -> b).map(SeasonCalendar.Season::label).orElse(null);
        boolean accuracy = season != null && (phase.isEmpty() || phase.get() == 5);
        // judged over the whole warehouse (an upstream outside the range still makes its readers stale), then cut
        Staleness stale = new StalenessCheck(catalog).judge(calendar, new LineageReader(catalog, warehouse).read())
                .within(from, to, p -> phase.isEmpty() || catalog.get(p).phase() == phase.get());
        return new Validation(from, to, phase, coverage, fields, season,
                accuracy ? SystemAccuracy.of(warehouse, season) : List.of(), StalePartitions.of(stale));
    }
}
