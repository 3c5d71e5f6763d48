package fullcourt.coordinator.validation;

import fullcourt.coordinator.lineage.StaleReason.Kind;
import fullcourt.coordinator.lineage.Staleness;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The stale partitions of the validated range and phase, per processor by kind: reported with the
 * checks, never failing them (a stale partition is complete data computed from older inputs or code;
 * {@code request --stale} recomputes it).
 */
public record StalePartitions(int judged, int stale, Map<String, Map<Kind, Integer>> byProcessor) {

    static StalePartitions of(Staleness staleness) {
        return new StalePartitions(staleness.judged(), staleness.all().size(), staleness.countsByProcessor());
    }

    public String render() {
        if (stale == 0) {
            return "Stale partitions: 0 of " + judged + " judged\n";
        }
        String processors = byProcessor.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue().values().stream().mapToInt(Integer::intValue).sum())
                .collect(Collectors.joining(", "));
        return "Stale partitions: " + stale + " of " + judged + " judged (by processor: " + processors + ")\n"
                + "  reported, not a failure of validate: fullcourt status --stale gives the reasons,"
                + " fullcourt request --stale recomputes them\n";
    }
}
