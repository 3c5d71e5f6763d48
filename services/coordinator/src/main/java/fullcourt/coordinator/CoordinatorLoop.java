package fullcourt.coordinator;

import fullcourt.coordinator.metrics.CoordinatorMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/** The coordinator's one thread, from a start to its stop: each turn watched for liveness ({@link LoopWatch}) and timed. */
final class CoordinatorLoop {

    private static final Logger LOG = Logger.getLogger(CoordinatorLoop.class);

    private final LoopWatch watch;
    private final ExecutorService executor;
    private final CoordinatorMetrics metrics;

    CoordinatorLoop(Clock clock, CoordinatorMetrics metrics) {
        this.watch = new LoopWatch(clock);
        this.executor = Executors.newSingleThreadExecutor(watch::newThread);
        this.metrics = metrics;
    }

    /** The thread's liveness: alive, and how long its current turn has taken. */
    LoopWatch.State state() {
        return watch.state();
    }

    /** Whether it was shut down (it takes no more work). */
    boolean stopped() {
        return executor.isShutdown();
    }

    /** Runs {@code work} as a turn, not waiting for it. */
    void execute(Runnable work) {
        executor.execute(turn(work));
    }

    /** Runs {@code work} as a turn and waits for it; its runtime exception is rethrown as is. */
    <T> T call(Callable<T> work) {
        try {
            return executor.submit(turn(work)).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Runs {@code work} as a turn; the stage completes when it has, or fails when the loop stopped meanwhile. */
    CompletionStage<Void> submit(Runnable work) {
        try {
            return CompletableFuture.runAsync(turn(work), executor);
        } catch (RejectedExecutionException stoppedMeanwhile) {
            return CompletableFuture.failedFuture(new CoordinatorStopped());
        }
    }

    /** Runs {@code work} as a turn, waiting at most {@code timeout}: empty when it takes longer or fails. */
    <T> Optional<T> tryCall(Callable<T> work, Duration timeout) {
        var read = executor.submit(turn(work));
        try {
            return Optional.of(read.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            read.cancel(false);
            return Optional.empty();
        } catch (ExecutionException e) {
            LOG.warnf(e.getCause(), "Reading the coordinator's state failed");
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (RejectedExecutionException e) {
            return Optional.empty();
        }
    }

    /** Takes no more work and waits up to {@code timeout} for the current turn to end. */
    void shutdown(Duration timeout) {
        executor.shutdown();
        try {
            executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops at once, interrupting the current turn. */
    void shutdownNow() {
        executor.shutdownNow();
    }

    private <T> Callable<T> turn(Callable<T> work) {
        Callable<T> watched = watch.timed(work);
        return () -> {
            var sample = metrics.begin();
            try {
                return watched.call();
            } finally {
                metrics.loopTurn(sample);
            }
        };
    }

    private Runnable turn(Runnable work) {
        Runnable watched = watch.timed(work);
        return () -> {
            var sample = metrics.begin();
            try {
                watched.run();
            } finally {
                metrics.loopTurn(sample);
            }
        };
    }
}
