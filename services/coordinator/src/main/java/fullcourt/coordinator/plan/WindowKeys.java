package fullcourt.coordinator.plan;

import fullcourt.coordinator.TaskKey;
import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.SeasonCalendar;
import fullcourt.engine.catalog.Upstream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The partitions a task needs through its declared upstream windows, for one planning pass. A window's keys depend
 * on the upstream, the window and the date, not on the task reading it, so each (upstream, window, date) is listed
 * once and shared by every task that reads it (season-to-date windows of player_game_summary are read by five
 * processors): a plan costs one list per distinct window plus one copied reference per edge, not a new key and a
 * set entry per edge, which at 16 million edges made garbage collection dominate planning.
 */
final class WindowKeys {

    /** One upstream window of one date. */
    private record At(Upstream upstream, LocalDate date) {
    }

    private final Catalog catalog;
    private final SeasonCalendar calendar;
    private final Map<At, List<TaskKey>> listed = new HashMap<>();
    private final Map<String, Boolean> repeatsUpstream = new HashMap<>();
    private final Map<TaskKey, TaskKey> interned = new HashMap<>();
    private final Predicate<TaskKey> there;
    private final Set<List<TaskKey>> covered = Collections.newSetFromMap(new IdentityHashMap<>());

    /**
     * Windows listing the {@code tasks}' own key instances where they cover one (edges then share them), and
     * telling which windows are wholly {@code there}: a predicate that, once true of a key, stays true for the pass.
     */
    WindowKeys(Catalog catalog, SeasonCalendar calendar, Collection<TaskKey> tasks, Predicate<TaskKey> there) {
        this.catalog = catalog;
        this.calendar = calendar;
        this.there = there;
        tasks.forEach(t -> interned.put(t, t));
    }

    /** Every (processor, date) the task needs: upstream by upstream in declaration order, window order, no repeats. */
    List<TaskKey> needs(TaskKey task) {
        List<Upstream> upstreams = upstreams(task);
        if (upstreams.size() == 1) {
            return window(upstreams.get(0), task.date());
        }
        if (repeatsUpstream(task.processor())) {
            Set<TaskKey> out = new LinkedHashSet<>();
            upstreams.forEach(u -> out.addAll(window(u, task.date())));
            return List.copyOf(out);
        }
        // distinct upstream processors: the windows' keys are disjoint, and each window lists a date once
        List<TaskKey> out = new ArrayList<>(upstreams.stream().mapToInt(u -> window(u, task.date()).size()).sum());
        upstreams.forEach(u -> out.addAll(window(u, task.date())));
        return Collections.unmodifiableList(out);
    }

    /** Whether every key the task needs is there; each window is tested until it is found wholly there. */
    boolean allThere(TaskKey task) {
        for (Upstream u : upstreams(task)) {
            List<TaskKey> window = window(u, task.date());
            if (!covered.contains(window)) {
                if (!window.stream().allMatch(there)) {
                    return false;
                }
                covered.add(window);
            }
        }
        return true;
    }

    /** The keys one upstream window of {@code date} covers, in window order, listed once per planning pass. */
    List<TaskKey> window(Upstream u, LocalDate date) {
        return listed.computeIfAbsent(new At(u, date), at -> catalog.get(u.processor()).dateDomain()
                .window(date, u.window(), calendar).stream().map(d -> intern(new TaskKey(u.processor(), d))).toList());
    }

    private TaskKey intern(TaskKey key) {
        TaskKey known = interned.putIfAbsent(key, key);
        return known == null ? key : known;
    }

    /** The upstream windows a task of {@code task}'s processor reads. */
    private List<Upstream> upstreams(TaskKey task) {
        return catalog.get(task.processor()).upstreams();
    }

    private boolean repeatsUpstream(String processor) {
        return repeatsUpstream.computeIfAbsent(processor, p -> {
            Set<String> seen = new HashSet<>();
            return !catalog.get(p).upstreams().stream().allMatch(u -> seen.add(u.processor()));
        });
    }
}
