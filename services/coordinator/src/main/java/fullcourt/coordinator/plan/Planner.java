package fullcourt.coordinator.plan;

import fullcourt.coordinator.TaskKey;
import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.ProcessorDeclaration;
import fullcourt.engine.catalog.Upstream;
import fullcourt.engine.catalog.SeasonCalendar;
import fullcourt.messages.BackfillRequest;
import fullcourt.messages.BackfillRequest.Policy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/** Expands a request into tasks over each processor's date domain, with their dependencies. */
public final class Planner {

    private final Catalog catalog;

    public Planner(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @param doneBefore whether a (processor, date) already SUCCEEDED or was SKIPPED in an earlier run
     */
    public Plan plan(BackfillRequest request, Predicate<TaskKey> doneBefore, SeasonCalendar calendar) {
        Set<String> processors = scope(request);
        List<LocalDate> dates = dates(request);
        List<TaskKey> tasks = new ArrayList<>();
        int alreadyDone = 0;
        for (LocalDate date : dates) {
            for (String name : processors) {
                ProcessorDeclaration d = catalog.get(name);
                if (!d.dateDomain().contains(date, calendar)) {
                    continue;
                }
                TaskKey key = new TaskKey(name, date);
                if (request.mode() == BackfillRequest.Mode.MISSING && doneBefore.test(key)) {
                    alreadyDone++;
                } else {
                    tasks.add(key);
                }
            }
        }
        return withDependencies(tasks, request.policy(), doneBefore, alreadyDone, calendar);
    }

    /**
     * Dependencies and levels of a known task set: used for a new plan and to rebuild a run from
     * the ledger, so both see the same graph.
     */
    public Plan withDependencies(List<TaskKey> tasks, Policy policy, Predicate<TaskKey> doneBefore, int alreadyDone,
                                 SeasonCalendar calendar) {
        Set<TaskKey> inRun = new HashSet<>(tasks);
        Map<TaskKey, List<TaskKey>> upstreams = new LinkedHashMap<>();
        Set<String> missing = new TreeSet<>();
        int satisfied = 0;
        for (TaskKey task : tasks) {
            List<TaskKey> mine = new ArrayList<>();
            for (TaskKey needed : needs(task, calendar)) {
                if (inRun.contains(needed)) {
                    mine.add(needed);
                } else if (doneBefore.test(needed)) {
                    satisfied++;
                } else {
                    missing.add(task + " needs " + needed);
                }
            }
            upstreams.put(task, List.copyOf(mine));
        }
        List<TaskKey> ordered = new ArrayList<>(tasks);
        ordered.sort(Comparator.comparing(TaskKey::date).thenComparing(t -> catalog.get(t.processor()).phase())
                .thenComparing(TaskKey::processor));
        return new Plan(List.copyOf(ordered), upstreams, policy, levels(tasks), satisfied, List.copyOf(missing),
                alreadyDone);
    }

    /**
     * The dependency level of each processor that has tasks in the run, in catalog order: 0 when
     * none of its declared upstreams has tasks in the run, else 1 + the highest level of those that
     * have. These levels are the old runbook's phase groups (phase 4 groups 1 to 4 are levels 2 to
     * 5 of a run from phase 3); they follow dependencies, not phase numbers, so an exporter that
     * needs only phase 3 shares a level with phase 4's first group. Counted over the tasks, not the
     * scope, so that a run rebuilt from its PLANNED rows gets the same levels.
     */
    Map<String, Integer> levels(List<TaskKey> tasks) {
        Set<String> inRun = new HashSet<>();
        tasks.forEach(t -> inRun.add(t.processor()));
        Map<String, Integer> memo = new HashMap<>();
        Map<String, Integer> levels = new LinkedHashMap<>();
        catalog.all().stream().map(ProcessorDeclaration::name).filter(inRun::contains)
                .forEach(name -> levels.put(name, level(name, inRun, memo)));
        return levels;
    }

    // The catalog is checked acyclic, so this recursion ends; memo keeps it linear in the edges.
    private int level(String name, Set<String> inRun, Map<String, Integer> memo) {
        Integer known = memo.get(name);
        if (known != null) {
            return known;
        }
        int level = 0;
        for (Upstream u : catalog.get(name).upstreams()) {
            if (inRun.contains(u.processor())) {
                level = Math.max(level, 1 + level(u.processor(), inRun, memo));
            }
        }
        memo.put(name, level);
        return level;
    }

    /** Every (processor, date) a task needs, per its declared upstream windows. */
    List<TaskKey> needs(TaskKey task, SeasonCalendar calendar) {
        Set<TaskKey> out = new LinkedHashSet<>();
        for (Upstream u : catalog.get(task.processor()).upstreams()) {
            catalog.get(u.processor()).dateDomain().window(task.date(), u.window(), calendar)
                    .forEach(d -> out.add(new TaskKey(u.processor(), d)));
        }
        return List.copyOf(out);
    }

    private Set<String> scope(BackfillRequest request) {
        Set<String> named = new LinkedHashSet<>(request.processors());
        for (int phase : request.phases()) {
            catalog.inPhase(phase).forEach(d -> named.add(d.name()));
        }
        Set<String> all = request.cascade() ? catalog.withDownstreams(named) : named;
        // keep catalog order so plans read phase by phase
        Set<String> ordered = new LinkedHashSet<>();
        catalog.all().stream().map(ProcessorDeclaration::name).filter(all::contains).forEach(ordered::add);
        return ordered;
    }

    private static List<LocalDate> dates(BackfillRequest request) {
        if (!request.dates().isEmpty()) {
            return request.dates().stream().distinct().sorted().toList();
        }
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d = request.from(); !d.isAfter(request.to()); d = d.plusDays(1)) {
            out.add(d);
        }
        return out;
    }
}
