package fullcourt.coordinator.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The last counts taken, reused while fresh: a scrape reads a few dozen gauges, and each would
 * otherwise queue a pass over every task on the coordinator's loop. When the loop is busy past
 * its wait, the previous counts are served again rather than holding the scrape.
 */
public final class CachedCounts implements Supplier<SchedulerCounts> {

    private final Supplier<Optional<SchedulerCounts>> take;
    private final Clock clock;
    private final Duration freshFor;
    private SchedulerCounts last = SchedulerCounts.EMPTY;
    private Instant takenAt = Instant.MIN;

    /** @param take the counts, read on the loop; empty when the loop did not answer in time */
    public CachedCounts(Supplier<Optional<SchedulerCounts>> take, Clock clock, Duration freshFor) {
        this.take = take;
        this.clock = clock;
        this.freshFor = freshFor;
    }

    @Override
    public synchronized SchedulerCounts get() {
        Instant now = clock.instant();
        if (takenAt.equals(Instant.MIN) || Duration.between(takenAt, now).compareTo(freshFor) >= 0) {
            Optional<SchedulerCounts> fresh = take.get();
            if (fresh.isPresent()) {
                last = fresh.get();
                takenAt = now;
            }
        }
        return last;
    }
}
