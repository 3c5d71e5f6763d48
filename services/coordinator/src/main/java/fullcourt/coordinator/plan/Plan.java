package fullcourt.coordinator.plan;

import fullcourt.coordinator.TaskKey;
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
 * {@link Planner#levels}), which the phase-barrier policy dispatches level by level.
 */
public record Plan(
        List<TaskKey> tasks,
        Map<TaskKey, List<TaskKey>> upstreams,
        Policy policy,
        Map<String, Integer> levels,
        int satisfiedOutside,
        List<String> missing,
        int alreadyDone) {

    public Map<String, Integer> tasksPerProcessor() {
        Map<String, Integer> counts = new TreeMap<>();
        tasks.forEach(t -> counts.merge(t.processor(), 1, Integer::sum));
        return counts;
    }

    /** A human-readable summary: what `fullcourt request --dry-run` prints. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(tasks.size()).append(" tasks");
        if (!tasks.isEmpty()) {
            sb.append(" over ").append(tasks.stream().map(TaskKey::date).distinct().count()).append(" dates, ")
                    .append(tasks.stream().map(TaskKey::date).min(java.util.Comparator.naturalOrder()).orElseThrow())
                    .append(" to ")
                    .append(tasks.stream().map(TaskKey::date).max(java.util.Comparator.naturalOrder()).orElseThrow());
        }
        sb.append('\n');
        tasksPerProcessor().forEach((p, n) -> sb.append("  ").append(p).append(": ").append(n).append('\n'));
        describePolicy(sb);
        if (alreadyDone > 0) {
            sb.append(alreadyDone).append(" tasks left out: already succeeded (--missing-only)\n");
        }
        sb.append(satisfiedOutside).append(" dependencies outside the run satisfied by earlier runs\n");
        sb.append(missing.size()).append(" dependencies outside the run never produced");
        missing.stream().limit(20).forEach(m -> sb.append("\n  ").append(m));
        if (missing.size() > 20) {
            sb.append("\n  ... and ").append(missing.size() - 20).append(" more");
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
