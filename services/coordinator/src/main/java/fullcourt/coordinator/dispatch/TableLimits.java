package fullcourt.coordinator.dispatch;

import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.ProcessorDeclaration;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An in-flight limit per output table under that table's quota errors, beside the global {@link AdaptiveLimit}: a
 * BigQuery quota such as "too many table update operations for this table" binds the writers of one table, so only
 * that table's tasks slow down and the other tables keep their pace (one hot table must not throttle the other
 * eighteen). Each table's limit is an {@link AdaptiveLimit} with the global one's parameters, starting from the
 * table's ceiling: the global limit, or the concurrency its processors declare together when that is lower, so the
 * first decrease already holds the table back. A table that never had a quota error has no limit of its own.
 */
public final class TableLimits {

    /** One table's limit now, for status and metrics. */
    public record View(String table, int limit, int configured, long quotaErrors) {
    }

    private final Map<String, Integer> ceilings;
    private final boolean enabled;
    private final double decreaseFactor;
    private final int increaseAfter;
    private final Duration cooldown;
    private final Map<String, AdaptiveLimit> limits = new TreeMap<>();

    private TableLimits(Map<String, Integer> ceilings, boolean enabled, double decreaseFactor, int increaseAfter,
                        Duration cooldown) {
        this.ceilings = ceilings;
        this.enabled = enabled;
        this.decreaseFactor = decreaseFactor;
        this.increaseAfter = increaseAfter;
        this.cooldown = cooldown;
    }

    /** A limit for each output table of the catalog, with the global limit's parameters. */
    public static TableLimits of(Catalog catalog, int globalLimit, boolean enabled, double decreaseFactor,
                                 int increaseAfter, Duration cooldown) {
        Map<String, Integer> ceilings = new TreeMap<>();
        for (ProcessorDeclaration p : catalog.all()) {
            ceilings.merge(p.table(), p.concurrency(), Integer::sum);
        }
        ceilings.replaceAll((table, concurrency) -> Math.max(1, Math.min(globalLimit, concurrency)));
        return new TableLimits(ceilings, enabled, decreaseFactor, increaseAfter, cooldown);
    }

    /** No table limits: quota errors of a table lower the global limit instead (tests of other things). */
    public static TableLimits none() {
        return new TableLimits(Map.of(), false, 0.5, 1, Duration.ZERO);
    }

    /** Whether {@code table} is an output table of the catalog, whose quota errors this lowers. */
    public boolean knows(String table) {
        return table != null && ceilings.containsKey(table);
    }

    /** A quota error of {@code table}: its new limit, when it changed. */
    public Optional<AdaptiveLimit.Change> onQuotaError(String table, Instant at, String what) {
        return limitOf(table).flatMap(l -> l.onQuotaError(at, what));
    }

    /** A task writing {@code table} succeeded: the table's new limit, when it changed. */
    public Optional<AdaptiveLimit.Change> onSuccess(String table, Instant at) {
        AdaptiveLimit limit = limits.get(table);
        return limit == null ? Optional.empty() : limit.onSuccess(at);
    }

    /** How many tasks writing {@code table} may be in flight now; unbounded while it has had no quota error. */
    public int limit(String table) {
        AdaptiveLimit limit = limits.get(table);
        return limit == null ? Integer.MAX_VALUE : limit.limit();
    }

    /** What {@code table}'s limit goes back up to. */
    public int configured(String table) {
        return ceilings.getOrDefault(table, Integer.MAX_VALUE);
    }

    /** The tables that have had quota errors, with their limits now, by table name. */
    public Map<String, View> views() {
        Map<String, View> out = new TreeMap<>();
        limits.forEach((table, l) -> out.put(table, new View(table, l.limit(), l.configured(), l.quotaErrors())));
        return Collections.unmodifiableMap(out);
    }

    private Optional<AdaptiveLimit> limitOf(String table) {
        if (!knows(table)) {
            return Optional.empty();
        }
        return Optional.of(limits.computeIfAbsent(table, t -> new AdaptiveLimit(ceilings.get(t), enabled,
                decreaseFactor, increaseAfter, cooldown)));
    }
}
