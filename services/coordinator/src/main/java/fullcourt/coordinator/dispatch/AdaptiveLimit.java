package fullcourt.coordinator.dispatch;

import fullcourt.coordinator.CoordinatorConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The global in-flight limit under quota errors, additive increase and multiplicative decrease
 * (AIMD, as TCP does with its window): a quota error multiplies the limit by the decrease factor
 * (floor 1), at most once per cooldown, since the errors of tasks already sent under the old limit
 * arrive after the first one and say nothing new; then every {@code increaseAfter} successes since
 * the last change add one, up to the configured limit. As in TCP, the increase goes on while some
 * errors still come (those within the cooldown): under a steady error rate the limit settles into
 * a sawtooth around what the quota allows, rather than staying at the floor. No clock of its own:
 * every event carries its instant, so tests drive it exactly.
 */
public final class AdaptiveLimit {

    /** One change of the limit, for logs and status. */
    public record Change(Instant at, int from, int to, String reason) {
    }

    /** The lowest and the highest the limit was over a stretch of time. */
    public record Range(int low, int high) {
    }

    private static final int HISTORY = 200;

    private final int configured;
    private final double decreaseFactor;
    private final int increaseAfter;
    private final Duration cooldown;
    private final boolean enabled;
    private final Deque<Change> history = new ArrayDeque<>();
    private int limit;
    private int successes;
    private Instant lastDecrease;
    private long quotaErrors;

    public AdaptiveLimit(int configured, boolean enabled, double decreaseFactor, int increaseAfter, Duration cooldown) {
        if (decreaseFactor <= 0 || decreaseFactor >= 1 || increaseAfter < 1) {
            throw new IllegalArgumentException("decrease factor must be in (0, 1) and increase-after at least 1");
        }
        this.configured = Math.max(1, configured);
        this.enabled = enabled;
        this.decreaseFactor = decreaseFactor;
        this.increaseAfter = increaseAfter;
        this.cooldown = cooldown;
        this.limit = this.configured;
    }

    /** The global limit as configured ({@code fullcourt.coordinator.global-in-flight}, {@code adaptive.*}). */
    public static AdaptiveLimit configured(CoordinatorConfig config) {
        CoordinatorConfig.Adaptive a = config.adaptive();
        return new AdaptiveLimit(config.globalInFlight(), a.enabled(), a.decreaseFactor(), a.increaseAfter(),
                a.cooldown());
    }

    /** The limit to dispatch under now. */
    public int limit() {
        return limit;
    }

    public int configured() {
        return configured;
    }

    public long quotaErrors() {
        return quotaErrors;
    }

    /** The latest changes, oldest first. */
    public List<Change> history() {
        return List.copyOf(history);
    }

    /**
     * The lowest and highest the limit was from {@code since} (its value then included) to now; with null, its value
     * now. Two readings of the limit seconds apart miss a fall and recovery between them: this range does not (as long
     * as the changes since are among the latest {@value #HISTORY} kept).
     */
    public Range rangeSince(Instant since) {
        int low = limit;
        int high = limit;
        if (since != null) {
            for (Change c : history) {
                if (c.at().isAfter(since)) {
                    low = Math.min(low, Math.min(c.from(), c.to()));
                    high = Math.max(high, Math.max(c.from(), c.to()));
                }
            }
        }
        return new Range(low, high);
    }

    /** A task failed on a quota: the new limit, when it changed. */
    public Optional<Change> onQuotaError(Instant at, String what) {
        quotaErrors++;
        if (!enabled || (lastDecrease != null && at.isBefore(lastDecrease.plus(cooldown)))) {
            return Optional.empty();
        }
        int lowered = Math.max(1, (int) Math.floor(limit * decreaseFactor));
        lastDecrease = at;
        successes = 0;
        return change(at, lowered, "quota error: " + what);
    }

    /** A task succeeded: the new limit, when it changed. */
    public Optional<Change> onSuccess(Instant at) {
        if (!enabled || limit >= configured) {
            return Optional.empty();
        }
        if (++successes < increaseAfter) {
            return Optional.empty();
        }
        successes = 0;
        return change(at, limit + 1, increaseAfter + " successes");
    }

    private Optional<Change> change(Instant at, int to, String reason) {
        if (to == limit) {
            return Optional.empty();
        }
        Change c = new Change(at, limit, to, reason);
        limit = to;
        history.addLast(c);
        if (history.size() > HISTORY) {
            history.removeFirst();
        }
        return Optional.of(c);
    }
}
