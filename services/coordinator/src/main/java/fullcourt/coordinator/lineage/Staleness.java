package fullcourt.coordinator.lineage;

import fullcourt.coordinator.TaskKey;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The stale partitions of the warehouse with their reasons, in dependency order (date, then each
 * processor after its upstreams): what {@link StalenessCheck} found, and what plans and reports read.
 */
public final class Staleness {

    /** Nothing stale, nothing judged. */
    public static final Staleness NONE = new Staleness(new LinkedHashMap<>(), 0);

    private final Map<TaskKey, StaleReason> stale;
    private final int judged;

    Staleness(LinkedHashMap<TaskKey, StaleReason> stale, int judged) {
        this.stale = Collections.unmodifiableMap(stale);
        this.judged = judged;
    }

    /** Stale partitions, in dependency order. */
    public Map<TaskKey, StaleReason> all() {
        return stale;
    }

    public Optional<StaleReason> reason(TaskKey key) {
        return Optional.ofNullable(stale.get(key));
    }

    public boolean isStale(TaskKey key) {
        return stale.containsKey(key);
    }

    /** How many partitions were judged (every productive (processor, date) of the calendar). */
    public int judged() {
        return judged;
    }

    /** Per processor, how many partitions are stale of each kind. */
    public Map<String, Map<StaleReason.Kind, Integer>> countsByProcessor() {
        Map<String, Map<StaleReason.Kind, Integer>> out = new TreeMap<>();
        stale.forEach((k, r) -> out.computeIfAbsent(k.processor(), p -> new EnumMap<>(StaleReason.Kind.class))
                .merge(r.kind(), 1, Integer::sum));
        return out;
    }
}
