package fullcourt.coordinator.plan;

import fullcourt.coordinator.TaskKey;
import fullcourt.coordinator.lineage.WindowReach;
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

    /** A plan against partition states known only as a predicate (nothing stale). */
    public Plan plan(BackfillRequest request, Predicate<TaskKey> present, SeasonCalendar calendar) {
        return plan(request, PartitionStates.of(present), calendar);
    }

    /**
     * Expands the request: its mode picks the tasks of its scope and dates (all; those missing from the
     * data; the stale ones), cascade extends them to what reads them (per date, and through windows to
     * later dates), and upstream partitions they read that are not available are pulled in, refused or
     * allowed as the request says.
     */
    public Plan plan(BackfillRequest request, PartitionStates states, SeasonCalendar calendar) {
        Set<String> processors = scope(request);
        Set<LocalDate> dates = new HashSet<>(dates(request));
        Map<TaskKey, String> reasons = new LinkedHashMap<>();
        Set<TaskKey> tasks = new LinkedHashSet<>();
        int alreadyDone = 0;
        int cascadeDates = 0;
        if (request.mode() == BackfillRequest.Mode.STALE) {
            cascadeDates = staleTasks(request, processors, dates, states, calendar, tasks, reasons);
        } else {
            for (LocalDate date : dates(request)) {
                for (String name : processors) {
                    ProcessorDeclaration d = catalog.get(name);
                    if (!d.dateDomain().contains(date, calendar)) {
                        continue;
                    }
                    TaskKey key = new TaskKey(name, date);
                    if (request.mode() == BackfillRequest.Mode.MISSING
                            && (states.present(key) || !d.dateDomain().productive(date, calendar))) {
                        alreadyDone++;
                    } else {
                        tasks.add(key);
                    }
                }
            }
            if (request.cascade() && request.mode() == BackfillRequest.Mode.ALL) {
                cascadeDates = windowCascade(processors, states, calendar, tasks);
            }
        }
        Upstreams upstreams = upstreams(tasks, request.upstreams(), states, calendar, reasons);
        Plan plan = withDependencies(List.copyOf(tasks), request.policy(), states::available, alreadyDone, calendar);
        return plan.with(request.mode(), reasons, cascadeDates, upstreams.pulled(), upstreams.refused())
                .withSkipped(skippedAsPlanned(plan.tasks(), states, calendar));
    }

    /**
     * The tasks that end SKIPPED as they are planned, with their reasons: their processor has nothing to compute on
     * their date by the calendar, so a worker would only skip them, and their partition is not present, so it has no
     * rows to empty (a date that lost its games since an earlier run wrote it is dispatched: its worker empties it).
     */
    private Map<TaskKey, String> skippedAsPlanned(List<TaskKey> tasks, PartitionStates states, SeasonCalendar calendar) {
        Map<TaskKey, String> skipped = new LinkedHashMap<>();
        for (TaskKey task : tasks) {
            String reason = catalog.get(task.processor()).dateDomain().skipReason(task.date(), calendar);
            if (reason != null && !states.present(task)) {
                skipped.put(task, reason);
            }
        }
        return skipped;
    }

    /**
     * The stale partitions of the scope and dates, then (with cascade) every stale partition that reads
     * one of those, on any later date, through any window; returns how many dates outside the request
     * that added.
     */
    private int staleTasks(BackfillRequest request, Set<String> processors, Set<LocalDate> dates,
                           PartitionStates states, SeasonCalendar calendar, Set<TaskKey> tasks,
                           Map<TaskKey, String> reasons) {
        WindowReach included = new WindowReach(catalog, calendar);
        Set<LocalDate> added = new TreeSet<>();
        states.staleness().all().forEach((key, reason) -> {
            boolean root = processors.contains(key.processor()) && dates.contains(key.date());
            boolean reached = !root && request.cascade()
                    && included.firstMarkedInput(catalog.get(key.processor()), key.date()).isPresent();
            if (root || reached) {
                tasks.add(key);
                reasons.put(key, reason.text());
                included.mark(key);
                if (!dates.contains(key.date())) {
                    added.add(key.date());
                }
            }
        });
        return added.size();
    }

    /**
     * Re-running a date changes what the later dates whose windows read it computed: adds the tasks of
     * the scope on later dates that read a task of the run (transitively) and exist in the data (what
     * was never computed is missing, not made wrong by this run); returns how many dates it added.
     */
    private int windowCascade(Set<String> processors, PartitionStates states, SeasonCalendar calendar,
                              Set<TaskKey> tasks) {
        if (tasks.isEmpty()) {
            return 0;
        }
        WindowReach included = new WindowReach(catalog, calendar);
        LocalDate first = null;
        for (TaskKey t : tasks) {
            if (catalog.get(t.processor()).dateDomain().productive(t.date(), calendar)) {
                included.mark(t);
            }
            first = first == null || t.date().isBefore(first) ? t.date() : first;
        }
        Set<LocalDate> added = new TreeSet<>();
        List<ProcessorDeclaration> order = catalog.dependencyOrder().stream()
                .filter(d -> processors.contains(d.name())).toList();
        for (SeasonCalendar.Season season : calendar.seasons()) {
            for (LocalDate date : season.gameDates().tailSet(first, false)) {
                for (ProcessorDeclaration d : order) {
                    TaskKey key = new TaskKey(d.name(), date);
                    if (included.isMarked(key) || !d.dateDomain().productive(date, calendar) || !states.present(key)
                            || included.firstMarkedInput(d, date).isEmpty()) {
                        continue;
                    }
                    included.mark(key);
                    if (tasks.add(key)) {
                        added.add(date);
                    }
                }
            }
        }
        return added.size();
    }

    /** Upstream partitions pulled into the run, or refused. */
    private record Upstreams(int pulled, List<String> refused) {
    }

    /**
     * Upstream partitions the tasks read, outside the run and not available: pulled into the run
     * (and theirs, transitively), refused, or allowed (then listed as missing by the plan).
     */
    private Upstreams upstreams(Set<TaskKey> tasks, BackfillRequest.Upstreams policy, PartitionStates states,
                                SeasonCalendar calendar, Map<TaskKey, String> reasons) {
        if (policy == BackfillRequest.Upstreams.ALLOW) {
            return new Upstreams(0, List.of());
        }
        WindowKeys keys = new WindowKeys(catalog, calendar, tasks, k -> tasks.contains(k) || states.available(k));
        List<TaskKey> queue = new ArrayList<>(tasks);
        Set<String> refused = new TreeSet<>();
        int pulled = 0;
        while (!queue.isEmpty()) {
            TaskKey task = queue.remove(queue.size() - 1);
            if (keys.allThere(task)) {
                continue;
            }
            for (TaskKey needed : keys.needs(task)) {
                if (tasks.contains(needed) || states.available(needed)) {
                    continue;
                }
                if (policy == BackfillRequest.Upstreams.REFUSE) {
                    refused.add(task + " needs " + needed + " (" + (states.present(needed) ? "stale" : "missing") + ")");
                    continue;
                }
                tasks.add(needed);
                queue.add(needed);
                pulled++;
                reasons.putIfAbsent(needed, states.staleness().reason(needed).map(Object::toString)
                        .orElse("missing") + " (upstream of " + task + ")");
            }
        }
        return new Upstreams(pulled, List.copyOf(refused));
    }

    /**
     * Dependencies and levels of a known task set: used for a new plan and to rebuild a run from
     * the ledger, so both see the same graph.
     */
    public Plan withDependencies(List<TaskKey> tasks, Policy policy, Predicate<TaskKey> doneBefore, int alreadyDone,
                                 SeasonCalendar calendar) {
        Set<TaskKey> inRun = new HashSet<>(tasks);
        WindowKeys keys = new WindowKeys(catalog, calendar, tasks, inRun::contains);
        Map<TaskKey, List<TaskKey>> upstreams = new LinkedHashMap<>();
        Set<String> missing = new TreeSet<>();
        int satisfied = 0;
        for (TaskKey task : tasks) {
            if (keys.allThere(task)) {
                // the usual case: the unmodifiable list of the run's own keys, shared by tasks reading one window
                upstreams.put(task, keys.needs(task));
                continue;
            }
            List<TaskKey> mine = new ArrayList<>();
            for (TaskKey needed : keys.needs(task)) {
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
