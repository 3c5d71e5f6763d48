package fullcourt.coordinator.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a turn of the coordinator's loop when a paced table has room again. Turns otherwise follow events; when the
 * only READY tasks wait for their table's {@link TablePacing} window and nothing is in flight, no event would come.
 * Only the earliest pending instant is kept armed; a later request while an earlier one is pending is dropped, since
 * that turn arms again for whatever still waits.
 */
public final class PacingAlarm implements AutoCloseable {

    private final Clock clock;
    private final Runnable turn;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fullcourt-pacing-alarm");
        t.setDaemon(true);
        return t;
    });
    private Instant armedFor;

    /** {@code turn} hands a dispatch turn to the loop (it must not run the turn on the timer's thread). */
    public PacingAlarm(Clock clock, Runnable turn) {
        this.clock = clock;
        this.turn = turn;
    }

    public synchronized void wakeAt(Instant at) {
        if (armedFor != null && !at.isBefore(armedFor)) {
            return;
        }
        armedFor = at;
        // rounded up: a turn a little early would find the window still full and arm again at once
        long delay = Math.max(0, Duration.between(clock.instant(), at).toNanos());
        timer.schedule(() -> fire(at), delay / 1_000_000 + 1, TimeUnit.MILLISECONDS);
    }

    private void fire(Instant at) {
        synchronized (this) {
            if (at.equals(armedFor)) {
                armedFor = null;
            }
        }
        turn.run();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
