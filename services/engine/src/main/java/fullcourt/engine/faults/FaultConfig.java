package fullcourt.engine.faults;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Faults a worker injects around its processors, for reliability drills. All off by default; each
 * entry of a list is {@code processor:date}, e.g. {@code player_game_summary:2021-11-02}.
 */
@ConfigMapping(prefix = "fullcourt.faults")
public interface FaultConfig {

    /** Seed of every random draw, so a drill is repeatable. */
    @WithDefault("1")
    long seed();

    /** (processor, date) pairs that fail permanently on every attempt: DEAD at once. */
    Optional<List<String>> fail();

    /** (processor, date) pairs whose first {@link #hangAttempts()} attempts hang, as a query that never returns. */
    Optional<List<String>> hang();

    /** How long a hanging attempt waits unless its deadline cancels it first. */
    @WithDefault("1h")
    Duration hangFor();

    /** Attempts (delivery attempts 1..N) that hang on a hanging date; later ones run normally. */
    @WithDefault("1")
    int hangAttempts();

    /** Fraction of attempts (every processor, every date) failing with a retryable 429 rateLimitExceeded. */
    @WithDefault("0")
    double quotaRate();

    /**
     * Processors whose output table alone gets quota errors: a fraction {@link #tableQuotaRate()} of their attempts
     * fail with a retryable rate limit of their table ("too many table update operations for this table"), scoped
     * TABLE, while every other table is left alone (the per-table quota drill).
     */
    Optional<List<String>> tableQuota();

    /** Fraction of the attempts of {@link #tableQuota()} processors failing with their table's rate limit. */
    @WithDefault("0.5")
    double tableQuotaRate();

    /** (processor, date) pairs whose every attempt fails on a daily table quota: DEAD at once, the quota named. */
    Optional<List<String>> dailyQuota();

    /** Halts the process (Runtime.halt, no shutdown) after the Nth processor run of this process, before its result is reported. */
    OptionalInt haltAfterTasks();

    /** Probability, per processor run, of halting the process the same way. */
    @WithDefault("0")
    double haltProbability();

    /** Nacks every work message after its first successful delivery, so each is delivered (and run) twice. */
    @WithDefault("false")
    boolean redeliverSucceeded();
}
