package fullcourt.cli;

import com.google.api.core.ApiFuture;
import com.google.api.gax.grpc.GrpcCallContext;
import com.google.api.gax.retrying.RetrySettings;
import com.google.api.gax.rpc.ApiCallContext;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** Bounds for the Pub/Sub calls of one command, which must fail in seconds, not in the client's minutes. */
final class PubSubCalls {

    /** Longest a single Pub/Sub call (create, delete, publish) may take, retries included. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(20);

    /**
     * A few quick attempts: enough for a blip, short enough that a stopped emulator is reported as refused at once
     * rather than after the client's default of a minute of retries. The client jitters each wait (gax draws it
     * uniformly between 0 and the exponential step: full jitter, on by default and left on), as Google's retry
     * guidance asks.
     */
    static final RetrySettings RETRY = RetrySettings.newBuilder()
            .setMaxAttempts(3)
            .setInitialRetryDelayDuration(Duration.ofMillis(200))
            .setRetryDelayMultiplier(2.0)
            .setMaxRetryDelayDuration(Duration.ofSeconds(2))
            .setInitialRpcTimeoutDuration(Duration.ofSeconds(10))
            .setRpcTimeoutMultiplier(1.0)
            .setMaxRpcTimeoutDuration(Duration.ofSeconds(10))
            .setTotalTimeoutDuration(CALL_TIMEOUT)
            .build();

    static final ApiCallContext CONTEXT = GrpcCallContext.createDefault().withRetrySettings(RETRY);

    private final PubSubFailures failures;

    PubSubCalls(PubSubFailures failures) {
        this.failures = failures;
    }

    /** The result of the call started by {@code call}, within {@link #CALL_TIMEOUT}, or a described failure. */
    <T> T await(String action, Supplier<ApiFuture<T>> call) {
        ApiFuture<T> future;
        try {
            future = call.get();
        } catch (RuntimeException e) {
            throw failures.of(action, e);
        }
        try {
            // A little over the retry budget, so that the client's own error, which says more, wins the race.
            return future.get(CALL_TIMEOUT.plusSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw failures.of(action, e);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw failures.timedOut(action, CALL_TIMEOUT);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new SystemFailureException("interrupted while trying to " + action);
        }
    }
}
