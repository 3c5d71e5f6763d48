package fullcourt.engine.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Every processor declaration, checked for unknown upstreams and cycles, in dependency order. */
public final class Catalog {

    private final Map<String, ProcessorDeclaration> byName;
    private final Map<String, List<String>> downstreams;

    private Catalog(Map<String, ProcessorDeclaration> byName, Map<String, List<String>> downstreams) {
        this.byName = byName;
        this.downstreams = downstreams;
    }

    /**
     * Builds a catalog, reporting every problem at once.
     *
     * @throws InvalidCatalogException naming each bad declaration
     */
    public static Catalog of(Collection<ProcessorDeclaration> declarations) {
        List<String> problems = new ArrayList<>();
        Map<String, ProcessorDeclaration> byName = new LinkedHashMap<>();
        for (ProcessorDeclaration d : declarations) {
            if (byName.putIfAbsent(d.name(), d) != null) {
                problems.add(d.name() + ": declared twice");
            }
            if (d.phase() < 3 || d.phase() > 6) {
                problems.add(d.name() + ": phase must be 3..6, got " + d.phase());
            }
            if (d.concurrency() < 1) {
                problems.add(d.name() + ": concurrency must be >= 1, got " + d.concurrency());
            }
        }
        Map<String, List<String>> downstreams = new LinkedHashMap<>();
        byName.keySet().forEach(n -> downstreams.put(n, new ArrayList<>()));
        for (ProcessorDeclaration d : byName.values()) {
            for (Upstream u : d.upstreams()) {
                ProcessorDeclaration up = byName.get(u.processor());
                if (up == null) {
                    problems.add(d.name() + ": upstream '" + u.processor() + "' is not declared");
                } else if (up.phase() > d.phase()) {
                    problems.add(d.name() + ": upstream '" + u.processor() + "' is in a later phase ("
                            + up.phase() + " > " + d.phase() + ")");
                } else if (!downstreams.get(u.processor()).contains(d.name())) {
                    downstreams.get(u.processor()).add(d.name());
                }
            }
        }
        if (problems.isEmpty()) {
            findCycle(byName).ifPresent(c -> problems.add("dependency cycle: " + String.join(" -> ", c)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidCatalogException(problems);
        }
        return new Catalog(byName, downstreams);
    }

    private static Optional<List<String>> findCycle(Map<String, ProcessorDeclaration> byName) {
        Set<String> done = new LinkedHashSet<>();
        for (String start : byName.keySet()) {
            List<String> path = new ArrayList<>();
            Optional<List<String>> cycle = visit(start, byName, done, path);
            if (cycle.isPresent()) {
                return cycle;
            }
        }
        return Optional.empty();
    }

    private static Optional<List<String>> visit(String name, Map<String, ProcessorDeclaration> byName,
                                                Set<String> done, List<String> path) {
        int at = path.indexOf(name);
        if (at >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(at, path.size()));
            cycle.add(name);
            return Optional.of(cycle);
        }
        if (done.contains(name)) {
            return Optional.empty();
        }
        path.add(name);
        for (Upstream u : byName.get(name).upstreams()) {
            Optional<List<String>> c = visit(u.processor(), byName, done, path);
            if (c.isPresent()) {
                return c;
            }
        }
        path.remove(path.size() - 1);
        done.add(name);
        return Optional.empty();
    }

    public Optional<ProcessorDeclaration> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public ProcessorDeclaration get(String name) {
        ProcessorDeclaration d = byName.get(name);
        if (d == null) {
            throw new IllegalArgumentException("unknown processor '" + name + "'; known: " + names());
        }
        return d;
    }

    /** Processor names, sorted. */
    public Set<String> names() {
        return new TreeSet<>(byName.keySet());
    }

    public List<ProcessorDeclaration> all() {
        return List.copyOf(byName.values());
    }

    public List<ProcessorDeclaration> inPhase(int phase) {
        return byName.values().stream().filter(d -> d.phase() == phase).toList();
    }

    /** The processors that declare {@code name} as an upstream. */
    public List<String> downstreamsOf(String name) {
        return List.copyOf(downstreams.getOrDefault(name, List.of()));
    }

    /** {@code names} plus everything downstream of them, transitively. */
    public Set<String> withDownstreams(Collection<String> names) {
        Set<String> out = new LinkedHashSet<>();
        List<String> queue = new ArrayList<>(names);
        while (!queue.isEmpty()) {
            String n = queue.remove(0);
            if (out.add(n)) {
                queue.addAll(downstreamsOf(n));
            }
        }
        return out;
    }

    /**
     * Every declaration, each after all of its upstreams (declaration order where that holds): the
     * order in which a date's partitions can be computed, or judged stale, one after another.
     */
    public List<ProcessorDeclaration> dependencyOrder() {
        Set<String> placed = new LinkedHashSet<>();
        while (placed.size() < byName.size()) {
            for (ProcessorDeclaration d : byName.values()) {
                if (!placed.contains(d.name())
                        && d.upstreams().stream().allMatch(u -> placed.contains(u.processor()))) {
                    placed.add(d.name());
                }
            }
        }
        return placed.stream().map(byName::get).toList();
    }
}
