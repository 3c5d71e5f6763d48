package fullcourt.coordinator.lineage;

import fullcourt.coordinator.TaskKey;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The stale partitions of the warehouse with their reasons, in dependency order (date, then each
 * processor after its upstreams), and the partitions that were judged: what {@link StalenessCheck}
 * found, and what plans and reports read, whole or cut to a range and scope ({@link #within}).
 */
public final class Staleness {

    /** Nothing stale, nothing judged. */
    public static final Staleness NONE = new Staleness(new LinkedHashMap<>(), Map.of());

    /** A reason text and how many stale partitions give it. */
    public record ReasonCount(String text, int count) {
    }

    private final Map<TaskKey, StaleReason> stale;
    private final Map<String, NavigableSet<LocalDate>> judged;

    Staleness(LinkedHashMap<TaskKey, StaleReason> stale, Map<String, ? extends NavigableSet<LocalDate>> judged) {
        this.stale = Collections.unmodifiableMap(stale);
        Map<String, NavigableSet<LocalDate>> copy = new HashMap<>();
        judged.forEach((p, dates) -> copy.put(p, Collections.unmodifiableNavigableSet(new TreeSet<>(dates))));
        this.judged = Collections.unmodifiableMap(copy);
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

    /** How many partitions were judged (every productive (processor, date) of the calendar, or of the cut). */
    public int judged() {
        return judged.values().stream().mapToInt(NavigableSet::size).sum();
    }

    /** Whether this (processor, date) was judged: a game date of the calendar outside the processor's bootstrap days. */
    public boolean isJudged(TaskKey key) {
        NavigableSet<LocalDate> dates = judged.get(key.processor());
        return dates != null && dates.contains(key.date());
    }

    /** The dates judged, over every processor, ascending. */
    public NavigableSet<LocalDate> judgedDates() {
        TreeSet<LocalDate> out = new TreeSet<>();
        judged.values().forEach(out::addAll);
        return Collections.unmodifiableNavigableSet(out);
    }

    /**
     * The partitions of {@code from..to} (inclusive) whose processor {@code inScope} accepts: the stale
     * ones with the reasons judged over the whole warehouse (an upstream outside the cut still makes
     * its readers inside stale), and the judged count of the cut.
     */
    public Staleness within(LocalDate from, LocalDate to, Predicate<String> inScope) {
        LinkedHashMap<TaskKey, StaleReason> cut = new LinkedHashMap<>();
        stale.forEach((k, r) -> {
            if (inScope.test(k.processor()) && !k.date().isBefore(from) && !k.date().isAfter(to)) {
                cut.put(k, r);
            }
        });
        Map<String, NavigableSet<LocalDate>> judgedCut = new HashMap<>();
        judged.forEach((p, dates) -> {
            if (inScope.test(p) && !from.isAfter(to)) {
                judgedCut.put(p, dates.subSet(from, true, to, true));
            }
        });
        return new Staleness(cut, judgedCut);
    }

    /** Per processor, how many partitions are stale of each kind. */
    public Map<String, Map<StaleReason.Kind, Integer>> countsByProcessor() {
        Map<String, Map<StaleReason.Kind, Integer>> out = new TreeMap<>();
        stale.forEach((k, r) -> out.computeIfAbsent(k.processor(), p -> new EnumMap<>(StaleReason.Kind.class))
                .merge(r.kind(), 1, Integer::sum));
        return out;
    }

    /** The {@code max} most common reason texts, most common first (ties by text). */
    public List<ReasonCount> commonReasons(int max) {
        Map<String, Integer> counts = new HashMap<>();
        stale.values().forEach(r -> counts.merge(r.text(), 1, Integer::sum));
        List<ReasonCount> out = new ArrayList<>();
        counts.forEach((text, n) -> out.add(new ReasonCount(text, n)));
        out.sort(Comparator.comparingInt(ReasonCount::count).reversed().thenComparing(ReasonCount::text));
        return List.copyOf(out.subList(0, Math.min(max, out.size())));
    }
}
