package fullcourt.engine.transport;

import com.google.api.core.ApiFuture;
import com.google.api.core.ApiFutureCallback;
import com.google.api.core.ApiFutures;
import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.StatusCode;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.protobuf.Empty;
import com.google.pubsub.v1.AcknowledgeRequest;
import com.google.pubsub.v1.ModifyAckDeadlineRequest;
import com.google.pubsub.v1.PullRequest;
import com.google.pubsub.v1.PullResponse;
import com.google.pubsub.v1.ReceivedMessage;
import fullcourt.infra.retry.BackoffPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.jboss.logging.Logger;

/**
 * Pulls one subscription with unary Pull calls, never holding more than {@code maxOutstanding}
 * messages un-acked (flow control), and extends the leases of the messages it holds until they
 * are acked or nacked, or until {@code maxLeaseExtension} after their receipt: a task may run for
 * hours (its processor's deadline) while the ack deadline is at most 600 s, so the lease is renewed
 * every third of the ack deadline; past the bound a handler is taken to be stuck and the message is
 * left to expire, so Pub/Sub redelivers it (the bound is what the client library calls
 * maxAckExtensionPeriod).
 *
 * <p>Why not the client's streaming {@code Subscriber}: its StreamingPull sends keepalive pings
 * (protocol version 1, fixed in the client) that the emulator never answers, so every idle stream
 * is closed after 20 s and reopened, and after a few minutes of that the emulator stops delivering
 * to the subscription (seen here with client 1.148.0 and emulator 0.8.20). Unary Pull blocks on
 * the server until a message arrives, on the emulator and on real Pub/Sub alike.
 */
final class SubscriptionPuller {

    private static final Logger LOG = Logger.getLogger(SubscriptionPuller.class);

    /**
     * Waits between failed pulls: ceilings 100 ms doubling to 10 s, for as long as the failures last, with full
     * jitter so that every puller of a restarted Pub/Sub endpoint does not come back at the same instant.
     */
    static final BackoffPolicy PULL_BACKOFF =
            new BackoffPolicy(Integer.MAX_VALUE, Duration.ofMillis(100), 2.0, Duration.ofSeconds(10));

    /** Acks settled within this time of the first waiting one go out in one call. */
    static final Duration ACK_BATCH = Duration.ofMillis(20);

    /** Ack ids per Acknowledge call: well inside Pub/Sub's 512 KB request limit (an ack id is under 200 bytes). */
    static final int MAX_ACKS_PER_CALL = 1000;

    /** A pull waiting this long has been accepted by the broker: it holds no error to report. */
    static final Duration ACCEPTED_PULL = Duration.ofSeconds(2);

    /** What the puller hands over for each message; acks and nacks come back through it. */
    interface Handler {
        void accept(ReceivedMessage message, Runnable ack, Runnable nack);
    }

    private final SubscriptionAdminClient admin;
    private final String subscriptionPath;
    private final int maxOutstanding;
    private final int ackDeadlineSeconds;
    private final Duration maxLeaseExtension;
    private final Clock clock;
    private final Handler handler;
    private final RandomGenerator jitter;
    private final PullGate gate;
    private final Semaphore room;
    /** Messages in hand (ack id to when it was received), until acked or nacked. */
    private final Map<String, Instant> leased = new ConcurrentHashMap<>();
    /** Those of them past {@code maxLeaseExtension}: no longer extended, still acked if their handler ends. */
    private final Set<String> expiring = ConcurrentHashMap.newKeySet();
    /** Runs the lease renewals and sends the batched acks. */
    private final ScheduledExecutorService leaseKeeper;
    /** Acks settled and not sent yet, in settling order. */
    private final List<String> acksDue = new ArrayList<>();
    private final AtomicInteger acknowledgeCalls = new AtomicInteger();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile ApiFuture<PullResponse> pulling;
    /** How the latest pull ended: null after a success (or an empty long poll), else its error. */
    private volatile String lastPullFailure;
    private volatile Instant pullStarted = Instant.EPOCH;

    SubscriptionPuller(SubscriptionAdminClient admin, String subscriptionPath, int maxOutstanding,
                       int ackDeadlineSeconds, Duration maxLeaseExtension, Clock clock, RandomGenerator jitter,
                       Handler handler) {
        this(admin, subscriptionPath, maxOutstanding, ackDeadlineSeconds, maxLeaseExtension, clock, jitter,
                PullGate.ALWAYS_OPEN, handler);
    }

    /** A puller that pulls only while {@code gate} is open; what it receives after the gate closed, it nacks. */
    SubscriptionPuller(SubscriptionAdminClient admin, String subscriptionPath, int maxOutstanding,
                       int ackDeadlineSeconds, Duration maxLeaseExtension, Clock clock, RandomGenerator jitter,
                       PullGate gate, Handler handler) {
        this.gate = gate;
        this.admin = admin;
        this.subscriptionPath = subscriptionPath;
        this.maxOutstanding = maxOutstanding;
        this.ackDeadlineSeconds = ackDeadlineSeconds;
        this.maxLeaseExtension = maxLeaseExtension;
        this.clock = clock;
        this.handler = handler;
        this.jitter = jitter;
        this.room = new Semaphore(maxOutstanding);
        String name = subscriptionPath.substring(subscriptionPath.lastIndexOf('/') + 1);
        this.leaseKeeper = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "lease-" + name));
        this.thread = daemon(this::pullUntilStopped, "pull-" + name);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    void start() {
        long every = Math.max(1, ackDeadlineSeconds / 3);
        leaseKeeper.scheduleWithFixedDelay(this::extendLeases, every, every, TimeUnit.SECONDS);
        thread.start();
    }

    private void pullUntilStopped() {
        int failures = 0;
        while (running) {
            int asked;
            try {
                gate.awaitOpen();
                room.acquire();
                asked = 1 + room.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
            try {
                pullStarted = clock.instant();
                pulling = admin.pullCallable().futureCall(PullRequest.newBuilder()
                        .setSubscription(subscriptionPath).setMaxMessages(asked).build());
                List<ReceivedMessage> received = pulling.get().getReceivedMessagesList();
                room.release(asked - received.size());
                for (ReceivedMessage m : received) {
                    if (gate.isOpen()) {
                        hold(m);
                    } else {
                        handBack(m);
                    }
                }
                failures = 0;
                lastPullFailure = null;
            } catch (InterruptedException | CancellationException e) {
                room.release(asked);
                return;
            } catch (ExecutionException e) {
                room.release(asked);
                if (!running) {
                    return;
                }
                lastPullFailure = isDeadlineExceeded(e.getCause()) ? null : String.valueOf(e.getCause());
                if (!isDeadlineExceeded(e.getCause())) {
                    long backoffMillis = PULL_BACKOFF.delayAfter(++failures, jitter).toMillis();
                    LOG.warnf("Pull from %s failed (%s); retrying in %d ms", subscriptionPath, e.getCause(), backoffMillis);
                    if (!pause(backoffMillis)) {
                        return;
                    }
                }
            }
        }
    }

    /** Takes {@code m} in hand: its lease is extended from now on, and the handler gets it. */
    void hold(ReceivedMessage m) {
        leased.put(m.getAckId(), clock.instant());
        handler.accept(m, () -> settle(m.getAckId(), true), () -> settle(m.getAckId(), false));
    }

    /**
     * Nacks at once a message that a pull in progress received after the gate closed: it goes back to the
     * subscription for whoever pulls next (the lease holder), not to this process's handler. (Cancelling the pull
     * instead would strand what the broker had already handed it until its ack deadline.)
     */
    private void handBack(ReceivedMessage m) {
        leased.put(m.getAckId(), clock.instant());
        settle(m.getAckId(), false);
    }

    private static boolean isDeadlineExceeded(Throwable t) {
        return t instanceof ApiException a && a.getStatusCode().getCode() == StatusCode.Code.DEADLINE_EXCEEDED;
    }

    private boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /**
     * Acks, or nacks (deadline 0: Pub/Sub redelivers after the subscription's backoff), without
     * waiting for the call: the caller (the coordinator's loop, a worker thread) goes on at once, and room for one
     * more message is freed at once (the message is no longer in hand). Acks settled within {@link #ACK_BATCH} of each
     * other go out in one Acknowledge call ({@link #flushAcks}), as the client library's streaming subscriber batches
     * them: a unary call per ack was a third of the calls a task makes to Pub/Sub. A nack goes at once.
     */
    private void settle(String ackId, boolean ack) {
        if (leased.remove(ackId) == null) {
            return;
        }
        expiring.remove(ackId);
        room.release();
        if (ack) {
            queueAck(ackId);
            return;
        }
        try {
            ApiFutures.addCallback(admin.modifyAckDeadlineCallable().futureCall(ModifyAckDeadlineRequest.newBuilder()
                            .setSubscription(subscriptionPath).addAckIds(ackId).setAckDeadlineSeconds(0).build()),
                    settleCallback("nack", 1), MoreExecutors.directExecutor());
        } catch (RuntimeException e) {
            settleFailed("nack", 1, e);
        }
    }

    private void queueAck(String ackId) {
        boolean full;
        synchronized (acksDue) {
            acksDue.add(ackId);
            full = acksDue.size() >= MAX_ACKS_PER_CALL;
            if (!full && acksDue.size() > 1) {
                return; // a flush is on its way already
            }
        }
        try {
            if (full) {
                leaseKeeper.execute(this::flushAcks);
            } else {
                leaseKeeper.schedule(this::flushAcks, ACK_BATCH.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (RejectedExecutionException stopped) {
            flushAcks(); // stopped: send them from here
        }
    }

    /**
     * Sends the acks waiting, in one call ({@value #MAX_ACKS_PER_CALL} ack ids at most per call); the calls made,
     * each settled by its callback.
     */
    private List<ApiFuture<Empty>> flushAcks() {
        List<String> due;
        synchronized (acksDue) {
            due = List.copyOf(acksDue);
            acksDue.clear();
        }
        List<ApiFuture<Empty>> calls = new ArrayList<>();
        for (int from = 0; from < due.size(); from += MAX_ACKS_PER_CALL) {
            List<String> ids = due.subList(from, Math.min(due.size(), from + MAX_ACKS_PER_CALL));
            acknowledgeCalls.incrementAndGet();
            try {
                ApiFuture<Empty> call = admin.acknowledgeCallable().futureCall(AcknowledgeRequest.newBuilder()
                        .setSubscription(subscriptionPath).addAllAckIds(ids).build());
                ApiFutures.addCallback(call, settleCallback("ack", ids.size()), MoreExecutors.directExecutor());
                calls.add(call);
            } catch (RuntimeException e) {
                settleFailed("ack", ids.size(), e);
            }
        }
        return calls;
    }

    private ApiFutureCallback<Empty> settleCallback(String what, int messages) {
        return new ApiFutureCallback<>() {
            @Override
            public void onFailure(Throwable t) {
                settleFailed(what, messages, t);
            }

            @Override
            public void onSuccess(Empty done) {
                // settled
            }
        };
    }

    private void settleFailed(String what, int messages, Throwable e) {
        // the lease runs out and Pub/Sub redelivers: at-least-once, never lost
        LOG.warnf("Could not %s %d message(s) of %s (%s); they will be redelivered", what, messages, subscriptionPath,
                e.getMessage());
    }

    /** How many Acknowledge calls this puller made (tests: acks settled together share one). */
    int acknowledgeCalls() {
        return acknowledgeCalls.get();
    }

    /**
     * The ack ids whose lease is to be extended now: those received less than {@code maxLeaseExtension} ago. The
     * others are logged once as stuck and left to expire.
     */
    List<String> leasesToExtend() {
        Instant now = clock.instant();
        List<String> extend = new java.util.ArrayList<>();
        leased.forEach((ackId, received) -> {
            if (Duration.between(received, now).compareTo(maxLeaseExtension) < 0) {
                extend.add(ackId);
            } else if (expiring.add(ackId)) {
                LOG.warnf("A message of %s has been in hand since %s, longer than the lease extension limit of %s"
                        + " (fullcourt.pubsub.max-lease-extension); no longer extending it: Pub/Sub redelivers it",
                        subscriptionPath, received, maxLeaseExtension);
            }
        });
        return extend;
    }

    private void extendLeases() {
        List<String> held = leasesToExtend();
        if (held.isEmpty()) {
            return;
        }
        try {
            admin.modifyAckDeadlineCallable().futureCall(ModifyAckDeadlineRequest.newBuilder()
                    .setSubscription(subscriptionPath).addAllAckIds(held).setAckDeadlineSeconds(ackDeadlineSeconds)
                    .build()).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warnf("Could not extend %d leases on %s: %s", held.size(), subscriptionPath, e.getMessage());
        }
    }

    /**
     * Stops pulling; the acks settled and not sent yet are sent (waiting up to 10 s for the answer), so that work done
     * is not delivered again after a restart; messages still held are not acked and come back after their lease.
     */
    void stop() {
        running = false;
        ApiFuture<PullResponse> p = pulling;
        if (p != null) {
            p.cancel(true);
        }
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        leaseKeeper.shutdownNow();
        try {
            ApiFutures.successfulAsList(flushAcks()).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // a failed ack is logged by its callback; one not answered in time is redelivered
        }
    }

    /** The subscription's path. */
    String subscription() {
        return subscriptionPath;
    }

    /**
     * The error of the latest pull, empty when it succeeded, none ran yet, or the pull now in progress has been waiting
     * on the broker for a while (a refused pull, NOT_FOUND or PERMISSION_DENIED, comes back at once; an accepted one
     * waits for a message): what readiness reports.
     */
    java.util.Optional<String> lastPullFailure() {
        if (pullInProgress() && Duration.between(pullStarted, clock.instant()).compareTo(ACCEPTED_PULL) > 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.ofNullable(lastPullFailure);
    }

    /** Whether a pull is waiting on the broker now. */
    boolean pullInProgress() {
        ApiFuture<PullResponse> p = pulling;
        return p != null && !p.isDone();
    }

    int maxOutstanding() {
        return maxOutstanding;
    }

    Duration maxLeaseExtension() {
        return maxLeaseExtension;
    }

    int ackDeadlineSeconds() {
        return ackDeadlineSeconds;
    }
}
