package fullcourt.cli;

import com.google.api.core.ApiService;
import com.google.api.gax.core.InstantiatingExecutorProvider;
import com.google.cloud.pubsub.v1.AckReplyConsumer;
import com.google.cloud.pubsub.v1.Subscriber;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.protobuf.Duration;
import com.google.pubsub.v1.DeleteSubscriptionRequest;
import com.google.pubsub.v1.ExpirationPolicy;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.Subscription;
import fullcourt.infra.PubSubConnection;
import fullcourt.messages.InvalidMessageException;
import fullcourt.messages.MessageCodec;
import fullcourt.messages.RunEvent;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * The run-events subscription a command hears the coordinator's answer on. Either the operators' subscription, which
 * provisioning creates and every operator's command shares: it acks the events of its own request and nacks the
 * others', which come back (within seconds, by the subscription's retry policy) for the command that waits for them,
 * so an operator needs only roles/pubsub.subscriber on it. Or a temporary one of this command's own (created before
 * it publishes, deleted when it exits, every event acked), which needs the right to create subscriptions.
 */
final class RunEventSubscription implements RunEventStream, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RunEventSubscription.class);

    // Google Cloud's minimum expiration: a subscription left by a killed process goes after a day unused.
    private static final long EXPIRE_UNUSED_SECONDS = 24 * 3600;
    // Google Cloud's minimum retention; the command reads within seconds anyway.
    private static final long RETAIN_SECONDS = 600;
    private static final long POLL_SLICE_MILLIS = 250;

    private final PubSubConnection connection;
    private final String subscriptionId;
    private final PubSubCalls calls;
    private final PubSubFailures failures;
    private final BlockingQueue<RunEvent> events = new LinkedBlockingQueue<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final AtomicBoolean deleted = new AtomicBoolean();
    private final Thread deleteOnExit = new Thread(this::deleteQuietly, "fullcourt-cli-delete-subscription");
    /** The events this command acks: on a shared subscription those of its request, on its own every one. */
    private final Predicate<RunEvent> own;
    private final boolean temporary;
    private Subscriber subscriber;

    private RunEventSubscription(PubSubConnection connection, String subscriptionId, PubSubCalls calls,
                                 PubSubFailures failures, Predicate<RunEvent> own, boolean temporary) {
        this.connection = connection;
        this.subscriptionId = subscriptionId;
        this.calls = calls;
        this.failures = failures;
        this.own = own;
        this.temporary = temporary;
    }

    /**
     * Starts receiving from the existing subscription {@code subscriptionId}, shared with other commands: acks the
     * events naming {@code requestId} (as run or request), nacks the rest; neither creates nor deletes it.
     */
    static RunEventSubscription shared(PubSubConnection connection, String subscriptionId, String requestId,
                                       PubSubCalls calls, PubSubFailures failures) {
        RunEventSubscription shared = new RunEventSubscription(connection, subscriptionId, calls, failures,
                e -> requestId.equals(e.runId()) || requestId.equals(e.requestId()), false);
        shared.start();
        return shared;
    }

    /** Creates subscription {@code subscriptionId} on {@code topicId} and starts receiving from it. */
    static RunEventSubscription temporary(PubSubConnection connection, String topicId, String subscriptionId,
                                          PubSubCalls calls, PubSubFailures failures) {
        Subscription spec = Subscription.newBuilder()
                .setName(connection.subscription(subscriptionId).toString())
                .setTopic(connection.topic(topicId).toString())
                .setAckDeadlineSeconds(10)
                .setExpirationPolicy(ExpirationPolicy.newBuilder()
                        .setTtl(Duration.newBuilder().setSeconds(EXPIRE_UNUSED_SECONDS)))
                .setMessageRetentionDuration(Duration.newBuilder().setSeconds(RETAIN_SECONDS))
                .build();
        calls.await("create a subscription on " + topicId, () -> connection.subscriptionAdmin()
                .createSubscriptionCallable().futureCall(spec, PubSubCalls.CONTEXT));
        RunEventSubscription created = new RunEventSubscription(connection, subscriptionId, calls, failures,
                e -> true, true);
        Runtime.getRuntime().addShutdownHook(created.deleteOnExit);
        try {
            created.start();
        } catch (RuntimeException e) {
            created.close();
            throw e;
        }
        return created;
    }

    private void start() {
        subscriber = connection.subscriberBuilder(subscriptionId, this::receive)
                .setParallelPullCount(1)
                .setExecutorProvider(InstantiatingExecutorProvider.newBuilder().setExecutorThreadCount(1).build())
                .build();
        subscriber.addListener(new ApiService.Listener() {
            @Override
            public void failed(ApiService.State from, Throwable cause) {
                failure.set(cause);
            }
        }, MoreExecutors.directExecutor());
        try {
            subscriber.startAsync().awaitRunning(PubSubCalls.CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw failures.timedOut("receive run events", PubSubCalls.CALL_TIMEOUT);
        } catch (IllegalStateException e) {
            throw failures.of("receive run events", failure.get() != null ? failure.get() : e);
        }
    }

    private void receive(PubsubMessage message, AckReplyConsumer reply) {
        RunEvent event;
        try {
            event = MessageCodec.decode(message.getData().toByteArray(), RunEvent.class);
        } catch (InvalidMessageException e) {
            LOG.debugf("Ignoring an undecodable run event: %s", e.getMessage());
            reply.ack(); // nobody can read it
            return;
        }
        events.add(event);
        if (own.test(event)) {
            reply.ack();
        } else {
            reply.nack(); // another command's: back to the subscription for it
        }
    }

    @Override
    public Optional<RunEvent> next(java.time.Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Throwable failed = failure.get();
            if (failed != null) {
                SystemFailureException reported = failures.of("receive run events on " + subscriptionId, failed);
                throw temporary ? reported : new SystemFailureException(reported.getMessage() + " (" + subscriptionId
                        + " is the operators' subscription: 'fullcourt provision' creates it, the all-in-one too;"
                        + " --run-events-subscription temporary uses one of this command's own instead, which needs"
                        + " the right to create subscriptions)", failed);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            try {
                // In slices, so that a subscriber failing meanwhile is reported at once rather than at the timeout.
                RunEvent event = events.poll(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, POLL_SLICE_MILLIS),
                        TimeUnit.MILLISECONDS);
                if (event != null) {
                    return Optional.of(event);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SystemFailureException("interrupted while waiting for the coordinator's answer");
            }
        }
    }

    /** Stops receiving, then deletes the subscription if it is this command's own. */
    @Override
    public void close() {
        if (subscriber != null) {
            try {
                subscriber.stopAsync().awaitTerminated(PubSubCalls.CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | IllegalStateException e) {
                LOG.debugf("Subscriber of %s did not stop cleanly: %s", subscriptionId, e);
            }
        }
        if (!temporary) {
            return;
        }
        deleteQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(deleteOnExit);
        } catch (IllegalStateException e) {
            // The JVM is exiting and the hook has run or will: nothing left to undo.
        }
    }

    private void deleteQuietly() {
        if (!deleted.compareAndSet(false, true)) {
            return;
        }
        DeleteSubscriptionRequest request = DeleteSubscriptionRequest.newBuilder()
                .setSubscription(connection.subscription(subscriptionId).toString())
                .build();
        try {
            calls.await("delete the temporary subscription " + subscriptionId, () -> connection.subscriptionAdmin()
                    .deleteSubscriptionCallable().futureCall(request, PubSubCalls.CONTEXT));
        } catch (RuntimeException e) {
            LOG.warnf("%s (it expires after a day unused)", e.getMessage());
        }
    }
}
