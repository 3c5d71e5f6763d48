package fullcourt.engine.worker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether the worker still makes progress: while messages are being handled, the last time one
 * began or ended. Each attempt ends within its deadline (the query is cancelled), so a worker
 * whose handled messages have not moved for much longer than that is stuck.
 */
public final class WorkerHeartbeat {

    private final Clock clock;
    private int handling;
    private Instant lastProgress;

    public WorkerHeartbeat(Clock clock) {
        this.clock = clock;
        this.lastProgress = clock.instant();
    }

    public synchronized void begun() {
        handling++;
        lastProgress = clock.instant();
    }

    public synchronized void ended() {
        handling--;
        lastProgress = clock.instant();
    }

    public synchronized int handling() {
        return handling;
    }

    /** How long messages have been handled without any beginning or ending; zero when idle. */
    public synchronized Duration stalledFor() {
        return handling == 0 ? Duration.ZERO : Duration.between(lastProgress, clock.instant());
    }
}
