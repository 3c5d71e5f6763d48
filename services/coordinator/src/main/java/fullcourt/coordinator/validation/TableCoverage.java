package fullcourt.coordinator.validation;

import fullcourt.engine.catalog.DateDomain;
import fullcourt.engine.catalog.ProcessorDeclaration;
import fullcourt.engine.catalog.SeasonCalendar;
import fullcourt.engine.warehouse.Warehouse;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One processor's output table against the dates it should hold: the game dates of its domain in
 * the range, minus its seasons' bootstrap days (days without games and bootstrap days are
 * skipped by design and write nothing).
 */
public record TableCoverage(String processor, String table, int expected, int present, List<LocalDate> missing) {

    public static TableCoverage of(Warehouse warehouse, ProcessorDeclaration declaration, SeasonCalendar calendar,
                            LocalDate from, LocalDate to) {
        DateDomain domain = declaration.dateDomain();
        List<LocalDate> expected = domain.dates(from, to, calendar).stream()
                .filter(calendar::isGameDate)
                .filter(d -> !domain.isBootstrap(d, calendar))
                .toList();
        Set<LocalDate> present = new HashSet<>();
        if (warehouse.tableExists(declaration.table())) {
            warehouse.query(datesPresent(declaration), Map.of("from", from, "to", to)).forEach(r -> present.add((LocalDate) r.get("d")));
        }
        List<LocalDate> missing = expected.stream().filter(d -> !present.contains(d)).toList();
        return new TableCoverage(declaration.name(), declaration.table(), expected.size(), expected.size() - missing.size(),
                missing);
    }

    /** The dates of {@code @from..@to} the declaration's table has rows for. */
    static String datesPresent(ProcessorDeclaration declaration) {
        return "SELECT DISTINCT " + declaration.partitionColumn() + " AS d FROM " + declaration.table()
                + " WHERE " + declaration.partitionColumn() + " BETWEEN @from AND @to";
    }

    public boolean complete() {
        return missing.isEmpty();
    }

    public String render() {
        return String.format("  %-32s %-44s %5d / %5d%s", processor, table, present, expected,
                complete() ? "  ok" : "  MISSING " + missing.size() + " (first " + missing.get(0) + ")");
    }
}
