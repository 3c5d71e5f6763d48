package fullcourt.coordinator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

/**
 * Watches the coordinator's single loop thread: whether it is alive, and how long its current turn
 * has taken. An idle loop is healthy however long it waits; a turn that never ends (a hung
 * warehouse call, a deadlock) is not.
 */
public final class LoopWatch {

    private final Clock clock;
    private volatile Thread thread;
    private volatile Instant turnBegun;
    private volatile Instant lastTurnEnded;

    public LoopWatch(Clock clock) {
        this.clock = clock;
    }

    /** The loop's thread, to be given to its executor. */
    Thread newThread(Runnable r) {
        Thread t = new Thread(r, "fullcourt-coordinator");
        t.setDaemon(true);
        thread = t;
        return t;
    }

    <T> Callable<T> timed(Callable<T> work) {
        return () -> {
            turnBegun = clock.instant();
            try {
                return work.call();
            } finally {
                turnBegun = null;
                lastTurnEnded = clock.instant();
            }
        };
    }

    Runnable timed(Runnable work) {
        return () -> {
            turnBegun = clock.instant();
            try {
                work.run();
            } finally {
                turnBegun = null;
                lastTurnEnded = clock.instant();
            }
        };
    }

    /** What the liveness check reports. */
    public record State(boolean threadAlive, Duration currentTurn, Instant lastTurnEnded) {
    }

    public State state() {
        Thread t = thread;
        Instant begun = turnBegun;
        return new State(t != null && t.isAlive(), begun == null ? Duration.ZERO : Duration.between(begun, clock.instant()),
                lastTurnEnded);
    }
}
