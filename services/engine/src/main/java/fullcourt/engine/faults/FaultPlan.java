package fullcourt.engine.faults;

import fullcourt.engine.processor.Processor;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The faults a worker injects, parsed from {@link FaultConfig}: which (processor, date) fail or hang,
 * the quota-error rate, when to halt the process, whether to redeliver succeeded work. Draws are
 * seeded and keyed by the attempt, so the same drill injects the same faults whatever the threads do.
 */
public final class FaultPlan {

    /** No fault at all: the product's default. */
    public static final FaultPlan OFF = new FaultPlan(1, Set.of(), Set.of(), Duration.ZERO, 0, 0, 0, 0, false,
            Set.of(), 0, Set.of());

    /** One (processor, date) named by a fault. */
    public record Target(String processor, LocalDate date) {
    }

    final long seed;
    final Set<Target> failing;
    final Set<Target> hanging;
    final Duration hangFor;
    final int hangAttempts;
    final double quotaRate;
    final long haltAfterTasks;
    final double haltProbability;
    final boolean redeliverSucceeded;
    final Set<String> tableQuotaProcessors;
    final double tableQuotaRate;
    final Set<Target> dailyQuota;
    private final AtomicLong runs = new AtomicLong();
    private final SplittableRandom haltDraws;

    FaultPlan(long seed, Set<Target> failing, Set<Target> hanging, Duration hangFor, int hangAttempts,
              double quotaRate, long haltAfterTasks, double haltProbability, boolean redeliverSucceeded,
              Set<String> tableQuotaProcessors, double tableQuotaRate, Set<Target> dailyQuota) {
        if (quotaRate < 0 || quotaRate > 1 || haltProbability < 0 || haltProbability > 1 || tableQuotaRate < 0
                || tableQuotaRate > 1) {
            throw new IllegalArgumentException(
                    "fullcourt.faults.quota-rate, table-quota-rate and halt-probability must be in [0, 1]");
        }
        this.tableQuotaProcessors = Set.copyOf(tableQuotaProcessors);
        this.tableQuotaRate = tableQuotaRate;
        this.dailyQuota = Set.copyOf(dailyQuota);
        this.seed = seed;
        this.failing = Set.copyOf(failing);
        this.hanging = Set.copyOf(hanging);
        this.hangFor = hangFor;
        this.hangAttempts = hangAttempts;
        this.quotaRate = quotaRate;
        this.haltAfterTasks = haltAfterTasks;
        this.haltProbability = haltProbability;
        this.redeliverSucceeded = redeliverSucceeded;
        this.haltDraws = new SplittableRandom(seed);
    }

    public static FaultPlan from(FaultConfig c) {
        return new FaultPlan(c.seed(), targets("fail", c.fail().orElse(List.of())),
                targets("hang", c.hang().orElse(List.of())), c.hangFor(), c.hangAttempts(), c.quotaRate(),
                c.haltAfterTasks().orElse(0), c.haltProbability(), c.redeliverSucceeded(),
                Set.copyOf(c.tableQuota().orElse(List.of()).stream().map(String::trim).toList()), c.tableQuotaRate(),
                targets("daily-quota", c.dailyQuota().orElse(List.of())));
    }

    /** {@code processor:date} entries, every malformed one named in one error. */
    static Set<Target> targets(String key, List<String> entries) {
        Set<Target> out = new HashSet<>();
        List<String> bad = new ArrayList<>();
        for (String entry : entries) {
            String e = entry.trim();
            int colon = e.indexOf(':');
            try {
                if (colon <= 0) {
                    throw new DateTimeParseException("no ':'", e, 0);
                }
                out.add(new Target(e.substring(0, colon), LocalDate.parse(e.substring(colon + 1))));
            } catch (DateTimeParseException ex) {
                bad.add("'" + entry + "'");
            }
        }
        if (!bad.isEmpty()) {
            throw new IllegalArgumentException("fullcourt.faults." + key + ": expected processor:YYYY-MM-DD entries, got "
                    + String.join(", ", bad));
        }
        return out;
    }

    /** Whether any fault is set. */
    public boolean active() {
        return !failing.isEmpty() || !hanging.isEmpty() || quotaRate > 0 || haltAfterTasks > 0 || haltProbability > 0
                || redeliverSucceeded || (!tableQuotaProcessors.isEmpty() && tableQuotaRate > 0) || !dailyQuota.isEmpty();
    }

    /** {@code processor} with this plan's processor faults around it, or itself when there are none. */
    public Processor around(Processor processor) {
        return active() ? new FaultyProcessor(processor, this, () -> Runtime.getRuntime().halt(137)) : processor;
    }

    boolean fails(String processor, LocalDate date) {
        return failing.contains(new Target(processor, date));
    }

    boolean hangs(String processor, LocalDate date, int attempt) {
        return attempt <= hangAttempts && hanging.contains(new Target(processor, date));
    }

    /** Whether this attempt gets a quota error: a draw keyed by the attempt, the same in every replay of a drill. */
    boolean quotaError(String runId, String processor, LocalDate date, int attempt) {
        return draw(quotaRate, 31, runId, processor, date, attempt);
    }

    /** Whether this attempt gets its table's rate limit ({@code table-quota}), drawn as {@link #quotaError} is. */
    boolean tableQuotaError(String runId, String processor, LocalDate date, int attempt) {
        return tableQuotaProcessors.contains(processor) && draw(tableQuotaRate, 37, runId, processor, date, attempt);
    }

    boolean dailyQuotaError(String processor, LocalDate date) {
        return dailyQuota.contains(new Target(processor, date));
    }

    private boolean draw(double rate, int salt, String runId, String processor, LocalDate date, int attempt) {
        if (rate <= 0) {
            return false;
        }
        long key = seed * salt + Objects.hash(runId, processor, date, attempt);
        return new SplittableRandom(key).nextDouble() < rate;
    }

    /** Counts one processor run; whether the process should halt now. */
    boolean haltAfterThisRun() {
        long n = runs.incrementAndGet();
        if (haltAfterTasks > 0 && n == haltAfterTasks) {
            return true;
        }
        if (haltProbability <= 0) {
            return false;
        }
        synchronized (haltDraws) {
            return haltDraws.nextDouble() < haltProbability;
        }
    }

    /** Whether the worker nacks this delivery after its success, so Pub/Sub delivers it once more. */
    public boolean redeliverAfterSuccess(int deliveryAttempt) {
        return redeliverSucceeded && deliveryAttempt <= 1;
    }

    Duration hangFor() {
        return hangFor;
    }

    @Override
    public String toString() {
        if (!active()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        if (!failing.isEmpty()) {
            parts.add("fail " + failing.size() + " (processor, date)");
        }
        if (!hanging.isEmpty()) {
            parts.add("hang " + hanging.size() + " (processor, date) for " + hangFor + " on attempts <= " + hangAttempts);
        }
        if (quotaRate > 0) {
            parts.add("quota errors on " + Math.round(quotaRate * 100) + "% of attempts");
        }
        if (haltAfterTasks > 0) {
            parts.add("halt after " + haltAfterTasks + " processor runs");
        }
        if (haltProbability > 0) {
            parts.add("halt with probability " + haltProbability + " per run");
        }
        if (redeliverSucceeded) {
            parts.add("redeliver every succeeded work message once");
        }
        if (!tableQuotaProcessors.isEmpty() && tableQuotaRate > 0) {
            parts.add("table quota errors on " + Math.round(tableQuotaRate * 100) + "% of the attempts of "
                    + tableQuotaProcessors);
        }
        if (!dailyQuota.isEmpty()) {
            parts.add("daily quota exhausted on " + dailyQuota.size() + " (processor, date)");
        }
        return String.join(", ", parts) + " (seed " + seed + ")";
    }
}
