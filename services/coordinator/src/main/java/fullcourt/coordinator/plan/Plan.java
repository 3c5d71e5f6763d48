package fullcourt.coordinator.plan;

import fullcourt.coordinator.TaskKey;
import fullcourt.messages.BackfillRequest.Mode;
import fullcourt.messages.BackfillRequest.Policy;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The tasks of a run and, for each, the tasks of the same run it waits for. Dependencies outside
 * the run were checked against earlier successes: {@code satisfiedOutside} counts those found,
 * {@code missing} lists those never produced (the task still runs, on what is there).
 * {@code levels} gives each processor of the run its dependency level within the run (see
 * {@link Planner#levels}), which the phase-barrier policy dispatches level by level. {@code skipped} are the tasks
 * of the run that end SKIPPED as they are planned, each with its reason: their processor has nothing to compute on
 * their date (no games, a bootstrap day of its season) and their partition holds nothing to empty, so no worker needs
 * to see them.
 */
public record Plan(
        List<TaskKey> tasks,
        Map<TaskKey, List<TaskKey>> upstreams,
        Policy policy,
        Map<String, Integer> levels,
        int satisfiedOutside,
        List<String> missing,
        int alreadyDone,
        Mode mode,
        Map<TaskKey, String> reasons,
        int windowCascadeDates,
        int pulledUpstream,
        List<String> refused,
        Map<TaskKey, String> skipped) {

    /** Tasks listed one by one, with their reasons, in a plan's description (the rest are counted). */
    static final int LISTED_TASKS = 200;

    public Plan(List<TaskKey> tasks, Map<TaskKey, List<TaskKey>> upstreams, Policy policy, Map<String, Integer> levels,
                int satisfiedOutside, List<String> missing, int alreadyDone) {
        this(tasks, upstreams, policy, levels, satisfiedOutside, missing, alreadyDone, Mode.ALL, Map.of(), 0, 0,
                List.of(), Map.of());
    }

    /** This plan as made for a request: its mode, each task's reason, and what cascade and upstreams added or refused. */
    Plan with(Mode mode, Map<TaskKey, String> reasons, int windowCascadeDates, int pulledUpstream, List<String> refused) {
        return new Plan(tasks, upstreams, policy, levels, satisfiedOutside, missing, alreadyDone, mode,
                java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(reasons)), windowCascadeDates,
                pulledUpstream, List.copyOf(refused), skipped);
    }

    /**
     * This plan with {@code skipped} (tasks of it, each with its reason) ending SKIPPED as they are planned: what a
     * plan made for a request says, and what the ledger's PLANNED rows give back when a run is rebuilt from them.
     */
    public Plan withSkipped(Map<TaskKey, String> skipped) {
        skipped.keySet().forEach(k -> {
            if (!upstreams.containsKey(k)) {
                throw new IllegalArgumentException(k + " is skipped at planning but is not a task of the plan");
            }
        });
        return new Plan(tasks, upstreams, policy, levels, satisfiedOutside, missing, alreadyDone, mode, reasons,
                windowCascadeDates, pulledUpstream, refused,
                java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(skipped)));
    }

    /** What a refused request's REJECTED event says: the fix, then the first 50 partitions it would read. */
    public List<String> refusalReasons() {
        List<String> reasons = new java.util.ArrayList<>();
        reasons.add("upstreams: " + refused.size() + " upstream partitions the tasks read are missing or stale and"
                + " the request says --no-upstream (drop it to pull them into the run, or --allow-incomplete to run"
                + " anyway)");
        refused.stream().limit(50).forEach(reasons::add);
        return reasons;
    }

    /** Whether the request must be refused: upstream partitions it reads are missing or stale and it said --no-upstream. */
    public boolean isRefused() {
        return !refused.isEmpty();
    }

    public Map<String, Integer> tasksPerProcessor() {
        Map<String, Integer> counts = new TreeMap<>();
        tasks.forEach(t -> counts.merge(t.processor(), 1, Integer::sum));
        return counts;
    }

    /** A human-readable summary: what `fullcourt request --dry-run` prints. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (mode == Mode.STALE && tasks.isEmpty()) {
            sb.append("nothing stale: 0 tasks\n");
            sb.append(describeOutside());
            return sb.toString();
        }
        sb.append(tasks.size()).append(" tasks");
        if (!tasks.isEmpty()) {
            sb.append(" over ").append(tasks.stream().map(TaskKey::date).distinct().count()).append(" dates, ")
                    .append(tasks.stream().map(TaskKey::date).min(java.util.Comparator.naturalOrder()).orElseThrow())
                    .append(" to ")
                    .append(tasks.stream().map(TaskKey::date).max(java.util.Comparator.naturalOrder()).orElseThrow());
        }
        sb.append('\n');
        tasksPerProcessor().forEach((p, n) -> sb.append("  ").append(p).append(": ").append(n).append('\n'));
        if (!skipped.isEmpty()) {
            sb.append(skipped.size()).append(" of them SKIPPED as planned, no worker needed: nothing to compute on")
                    .append(" their dates (no games, or a season's bootstrap days) and no rows there to empty\n");
        }
        describePolicy(sb);
        if (alreadyDone > 0) {
            sb.append(alreadyDone).append(" tasks left out: present in the warehouse, or nothing to compute (--missing-only)\n");
        }
        if (windowCascadeDates > 0) {
            sb.append("window cascade: ").append(windowCascadeDates)
                    .append(" later dates added (their windows read a date of this run)\n");
        }
        if (pulledUpstream > 0) {
            sb.append(pulledUpstream).append(" upstream tasks pulled in: partitions the tasks read were missing")
                    .append(mode == Mode.STALE ? " or stale" : "").append(" (--no-upstream refuses instead)\n");
        }
        if (!reasons.isEmpty()) {
            describeReasons(sb);
        }
        sb.append(describeOutside());
        return sb.toString();
    }

    private void describeReasons(StringBuilder sb) {
        sb.append("tasks and why:\n");
        tasks.stream().limit(LISTED_TASKS).forEach(t -> sb.append("  ").append(t).append(": ")
                .append(reasons.getOrDefault(t, "in scope")).append('\n'));
        if (tasks.size() > LISTED_TASKS) {
            sb.append("  ... and ").append(tasks.size() - LISTED_TASKS).append(" more (fullcourt status --stale lists them all)\n");
        }
    }

    private String describeOutside() {
        StringBuilder sb = new StringBuilder();
        sb.append(satisfiedOutside).append(" dependencies outside the run satisfied by the warehouse\n");
        sb.append(missing.size()).append(" dependencies outside the run missing from the warehouse");
        missing.stream().limit(20).forEach(m -> sb.append("\n  ").append(m));
        if (missing.size() > 20) {
            sb.append("\n  ... and ").append(missing.size() - 20).append(" more");
        }
        if (!missing.isEmpty()) {
            sb.append("\n(--allow-incomplete: these tasks run on what is there; lineage marks them stale once the"
                    + " missing inputs exist)");
        }
        return sb.toString();
    }

    private void describePolicy(StringBuilder sb) {
        sb.append("policy ").append(policy.wireName()).append(": ").append(switch (policy) {
            case PER_DATE -> "each task starts once its upstreams for its dates are done";
            case PHASE_BARRIER -> "each level starts once every task of the levels before it has finished,"
                    + " on every date";
            case SEQUENTIAL -> "one task at a time, earliest date first, then phase";
        }).append('\n');
        if (policy == Policy.PHASE_BARRIER) {
            Map<Integer, String> byLevel = new TreeMap<>(levels.entrySet().stream().collect(Collectors.groupingBy(
                    Map.Entry::getValue, Collectors.mapping(Map.Entry::getKey, Collectors.joining(", ")))));
            byLevel.forEach((level, names) -> sb.append("  level ").append(level).append(": ").append(names)
                    .append('\n'));
        }
    }
}
