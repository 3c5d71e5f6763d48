package fullcourt.engine.worker;

import fullcourt.messages.TaskEvent;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * When a worker reports an attempt STARTED ({@code fullcourt.worker.started-after}): an attempt still running after
 * that delay is reported then, from a timer, while it runs; one that ends sooner is not, and its end event carries
 * its start instead ({@link TaskEvent#startedAt()}), from which the coordinator writes the STARTED row. With a delay
 * of zero every attempt is reported before it runs, confirmed on the worker's thread, as before the setting.
 */
final class StartReports {

    private static final Logger LOG = Logger.getLogger(StartReports.class);

    private final Duration after;
    private final ScheduledExecutorService timer;
    private final long confirmSeconds;

    /**
     * @param timer          runs the delayed reports (one thread is plenty: a report only hands its event to the
     *                       publisher); unused when {@code after} is zero
     * @param confirmSeconds how long an attempt's end waits for its delayed STARTED to be confirmed first
     */
    StartReports(Duration after, ScheduledExecutorService timer, long confirmSeconds) {
        if (after.isNegative()) {
            throw new IllegalArgumentException("fullcourt.worker.started-after must be 0s or more, got " + after);
        }
        this.after = after;
        this.timer = timer;
        this.confirmSeconds = confirmSeconds;
    }

    /**
     * The report of an attempt beginning now. {@code publish} sends an event and completes when Pub/Sub confirmed it.
     * With no delay, {@code confirmNow} publishes STARTED at once and waits for it (its failure is the attempt's, as
     * it always was); otherwise the STARTED event is published by the timer if the attempt outlives the delay.
     */
    Attempt begin(TaskEvent started, Function<TaskEvent, CompletableFuture<Void>> publish,
                  Consumer<TaskEvent> confirmNow) {
        Attempt attempt = new Attempt(started, publish);
        if (after.isZero()) {
            confirmNow.accept(started);
            attempt.reported = CompletableFuture.completedFuture(null);
        } else {
            attempt.scheduled = timer.schedule(attempt::report, after.toMillis(), TimeUnit.MILLISECONDS);
        }
        return attempt;
    }

    /** Stops the timer: the attempts still running report no STARTED; their ends carry their starts. */
    void close() {
        timer.shutdownNow();
    }

    /** One attempt's start: reported by the timer, or carried by its end. */
    final class Attempt {

        private final TaskEvent started;
        private final Function<TaskEvent, CompletableFuture<Void>> publish;
        private ScheduledFuture<?> scheduled;
        /** The STARTED publish once made; null while not (guarded by this). */
        private CompletableFuture<Void> reported;
        private boolean ended;

        private Attempt(TaskEvent started, Function<TaskEvent, CompletableFuture<Void>> publish) {
            this.started = started;
            this.publish = publish;
        }

        private synchronized void report() {
            if (ended) {
                return;
            }
            reported = publish.apply(started);
        }

        /**
         * {@code end} as it is to be published: carrying this attempt's start when no STARTED reported it (the attempt
         * ended before the delay, or its STARTED was not confirmed: the coordinator's row then comes from the end). A
         * STARTED on its way is waited for first, so that the end follows it.
         */
        TaskEvent end(TaskEvent end) {
            CompletableFuture<Void> sent;
            synchronized (this) {
                ended = true;
                if (scheduled != null) {
                    scheduled.cancel(false);
                }
                sent = reported;
            }
            if (sent == null) {
                return end.withStartedAt(started.at());
            }
            try {
                sent.get(confirmSeconds, TimeUnit.SECONDS);
                return end;
            } catch (ExecutionException | TimeoutException e) {
                LOG.warnf("%s %s attempt %d: its STARTED event was not confirmed (%s); its end carries its start",
                        started.processor(), started.date(), started.attempt(), e);
                return end.withStartedAt(started.at());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return end.withStartedAt(started.at());
            }
        }
    }
}
