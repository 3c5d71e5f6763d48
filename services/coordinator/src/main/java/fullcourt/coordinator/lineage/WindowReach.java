package fullcourt.coordinator.lineage;

import fullcourt.coordinator.TaskKey;
import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.ProcessorDeclaration;
import fullcourt.engine.catalog.SeasonCalendar;
import fullcourt.engine.catalog.Upstream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A set of marked partitions and the question "does this task read one of them, through any of its
 * windows?", answered per upstream with one range lookup (a window is a contiguous run of the
 * upstream's dates), not by listing the window: staleness propagates through it, and plans extend
 * through it to the later dates whose windows read a re-run date.
 */
public final class WindowReach {

    private final Catalog catalog;
    private final SeasonCalendar calendar;
    private final Map<String, TreeSet<LocalDate>> marked = new HashMap<>();

    public WindowReach(Catalog catalog, SeasonCalendar calendar) {
        this.catalog = catalog;
        this.calendar = calendar;
    }

    public void mark(TaskKey key) {
        marked.computeIfAbsent(key.processor(), p -> new TreeSet<>()).add(key.date());
    }

    public boolean isMarked(TaskKey key) {
        TreeSet<LocalDate> dates = marked.get(key.processor());
        return dates != null && dates.contains(key.date());
    }

    /** The earliest marked partition that a task of (declaration, date) reads from its upstreams, if any. */
    public Optional<TaskKey> firstMarkedInput(ProcessorDeclaration declaration, LocalDate date) {
        TaskKey first = null;
        for (Upstream u : declaration.upstreams()) {
            TreeSet<LocalDate> dates = marked.get(u.processor());
            if (dates == null || dates.isEmpty()) {
                continue;
            }
            List<LocalDate> window = catalog.get(u.processor()).dateDomain().window(date, u.window(), calendar);
            if (window.isEmpty()) {
                continue;
            }
            LocalDate a = window.get(0);
            LocalDate b = window.get(window.size() - 1);
            // windows list dates ascending, or descending (previous:N): either way a contiguous run
            NavigableSet<LocalDate> hit = a.isAfter(b) ? dates.subSet(b, true, a, true) : dates.subSet(a, true, b, true);
            if (!hit.isEmpty() && (first == null || hit.first().isBefore(first.date()))) {
                first = new TaskKey(u.processor(), hit.first());
            }
        }
        return Optional.ofNullable(first);
    }
}
