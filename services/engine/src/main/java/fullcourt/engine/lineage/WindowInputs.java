package fullcourt.engine.lineage;

import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.DateDomain;
import fullcourt.engine.catalog.ProcessorDeclaration;
import fullcourt.engine.catalog.RawInput;
import fullcourt.engine.catalog.SeasonCalendar;
import fullcourt.engine.catalog.Upstream;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;

/**
 * The partitions a task reads, from the catalog alone: every date of each upstream's window and of
 * each raw input's window, limited to dates that can hold data (game dates; an upstream's bootstrap
 * days are skipped and hold none). The worker fingerprints these, the staleness check walks them:
 * both see the same edges.
 */
public final class WindowInputs {

    private WindowInputs() {
    }

    /** Whether (processor, date) has a partition to compute: a game date outside its bootstrap days. */
    public static boolean productive(ProcessorDeclaration declaration, LocalDate date, SeasonCalendar calendar) {
        if (declaration.dateDomain().kind() == DateDomain.Kind.CALENDAR) {
            return true;
        }
        return calendar.isGameDate(date) && !declaration.dateDomain().isBootstrap(date, calendar);
    }

    /** Every partition a task of (declaration, date) reads, ordered by date then name. */
    public static List<InputKey> of(Catalog catalog, ProcessorDeclaration declaration, LocalDate date,
                                    SeasonCalendar calendar) {
        TreeSet<InputKey> out = new TreeSet<>();
        for (Upstream u : declaration.upstreams()) {
            ProcessorDeclaration up = catalog.get(u.processor());
            for (LocalDate d : up.dateDomain().window(date, u.window(), calendar)) {
                if (productive(up, d, calendar)) {
                    out.add(new InputKey(u.processor(), d));
                }
            }
        }
        for (RawInput r : declaration.rawInputs()) {
            for (LocalDate d : DateDomain.SEASON_DAYS.window(date, r.window(), calendar)) {
                if (calendar.isGameDate(d)) {
                    out.add(new InputKey(r.table(), d));
                }
            }
        }
        return List.copyOf(out);
    }
}
