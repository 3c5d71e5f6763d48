package fullcourt.coordinator.freshness;

import fullcourt.coordinator.Coordinator;
import fullcourt.coordinator.CoordinatorConfig;
import fullcourt.coordinator.CoordinatorStopped;
import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.SeasonCalendar;
import fullcourt.engine.lifecycle.ShutdownOrder;
import fullcourt.engine.logging.TaskMdc;
import fullcourt.engine.transport.ConfirmedPublisher;
import fullcourt.engine.transport.IncomingPubSubMetadata;
import fullcourt.engine.warehouse.Warehouse;
import fullcourt.engine.worker.DeadLetterAttributes;
import fullcourt.messages.BackfillRequest;
import fullcourt.messages.InvalidMessageException;
import fullcourt.messages.MessageCodec;
import fullcourt.messages.RawUpdate;
import fullcourt.messages.Topics;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * The coordinator's raw-updates input. Each announcement waits, unacked, in the pending burst; once
 * the burst is due ({@link BurstCoalescer}: no new one for the quiet period, or the max delay
 * reached) its stale run ({@link StaleRunRequests}) goes through the coordinator's request path on
 * its loop, and the burst's messages are acked once that returned (the run accepted and in the
 * ledger, or already there from an earlier delivery, or rejected with a run event) and nacked when it
 * failed. Nothing is lost if the coordinator dies meanwhile: Pub/Sub redelivers what was not acked.
 * A message that cannot be read goes to {@code raw-updates-dlq} with its problems and is acked: no
 * redelivery loop.
 */
@ApplicationScoped
public class RawUpdateIntake {

    private static final Logger LOG = Logger.getLogger(RawUpdateIntake.class);

    @Inject
    Coordinator coordinator;
    @Inject
    CoordinatorConfig config;
    @Inject
    Catalog catalog;
    @Inject
    Warehouse warehouse;
    @Inject
    Clock clock;
    @Inject
    @Channel("coordinator-out")
    Emitter<Object> out;

    private record Pending(Message<byte[]> message, ReceivedUpdate received) {
    }

    // One thread owns the coalescer and its timer, so neither needs a lock.
    private ScheduledExecutorService timer;
    private BurstCoalescer<Pending> coalescer;
    private StaleRunRequests requests;
    private ScheduledFuture<?> check;
    private final AtomicInteger unsettled = new AtomicInteger();

    @PostConstruct
    void init() {
        CoordinatorConfig.RawUpdates r = config.rawUpdates();
        Duration quiet = r.quietPeriod();
        coalescer = new BurstCoalescer<>(quiet, r.maxDelay().orElse(quiet.multipliedBy(10)));
        requests = new StaleRunRequests(catalog);
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "raw-updates");
            t.setDaemon(true);
            return t;
        });
    }

    /** Raw updates received and not yet acked or nacked: waiting in a burst, or their run being requested. */
    public int unsettled() {
        return unsettled.get();
    }

    @Incoming("raw-updates")
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public CompletionStage<Void> rawUpdate(Message<byte[]> message) {
        IncomingPubSubMetadata meta = message.getMetadata(IncomingPubSubMetadata.class)
                .orElseThrow(() -> new IllegalStateException("raw-updates must use the fullcourt-pubsub connector"));
        RawUpdate update;
        try {
            update = MessageCodec.decode(message.getPayload(), RawUpdate.class);
        } catch (InvalidMessageException e) {
            deadLetter(message, meta, e.getMessage());
            return CompletableFuture.completedFuture(null);
        }
        Pending pending = new Pending(message, new ReceivedUpdate(meta.messageId(), update));
        unsettled.incrementAndGet();
        try {
            timer.execute(() -> {
                coalescer.add(pending, clock.instant());
                scheduleCheck();
            });
        } catch (RejectedExecutionException stopping) {
            settle(pending, new CoordinatorStopped());
        }
        // returns at once, so the rest of the burst comes in while this one waits
        return CompletableFuture.completedFuture(null);
    }

    private void deadLetter(Message<byte[]> message, IncomingPubSubMetadata meta, String problems) {
        String topic = Topics.DEFAULT.rawUpdatesDeadLetter();
        LOG.errorf("Raw update %s is invalid, sent to %s: %s", meta.messageId(), topic,
                fullcourt.messages.LogText.of(String.valueOf(problems), 2000));
        Map<String, String> attributes = new LinkedHashMap<>(meta.attributes());
        attributes.put(DeadLetterAttributes.ERROR, problems.length() > 1000 ? problems.substring(0, 1000) + "..."
                : problems);
        ConfirmedPublisher.send(out, message.getPayload(), attributes, topic).whenComplete((ok, failure) -> {
            if (failure == null) {
                message.ack();
            } else {
                LOG.errorf("Could not dead-letter raw update %s (%s); nacking it", meta.messageId(), failure.getMessage());
                message.nack(failure);
            }
        });
    }

    /** On the timer thread: makes sure a check runs when the pending burst is due (a check reschedules itself). */
    private void scheduleCheck() {
        if (check != null) {
            return;
        }
        coalescer.dueAt().ifPresent(due -> {
            long delay = Math.max(0, Duration.between(clock.instant(), due).toMillis());
            check = timer.schedule(this::fireIfDue, delay, TimeUnit.MILLISECONDS);
        });
    }

    private void fireIfDue() {
        check = null;
        List<Pending> burst = coalescer.takeIfDue(clock.instant());
        if (!burst.isEmpty()) {
            List<ReceivedUpdate> received = burst.stream().map(Pending::received).toList();
            coordinator.submit(() -> requestStaleRun(received))
                    .whenComplete((ok, failure) -> burst.forEach(p -> settle(p, failure)));
        }
        scheduleCheck();
    }

    /** On the coordinator's loop: the burst's stale run, through the same path as a published request. */
    private void requestStaleRun(List<ReceivedUpdate> burst) {
        TreeSet<String> tables = new TreeSet<>(burst.stream().map(r -> r.update().table()).toList());
        Optional<BackfillRequest> request = requests.forBurst(burst, SeasonCalendar.load(warehouse));
        if (request.isEmpty()) {
            LOG.warnf("No processor reads %s: %d raw updates acknowledged without a run", tables, burst.size());
            return;
        }
        BackfillRequest r = request.get();
        try (TaskMdc mdc = TaskMdc.ofRun(r.requestId())) {
            LOG.infof("%d raw updates of %s: stale run %s of %s and downstream, %s..%s", burst.size(), tables,
                    r.requestId(), r.processors(), r.from(), r.to());
        }
        coordinator.handleRequest(MessageCodec.encode(r), r.requestId());
    }

    private void settle(Pending pending, Throwable failure) {
        unsettled.decrementAndGet();
        Throwable cause = failure instanceof CompletionException c && c.getCause() != null ? c.getCause() : failure;
        if (failure == null) {
            pending.message().ack();
        } else {
            if (!(cause instanceof CoordinatorStopped)) {
                LOG.errorf(cause, "Requesting the stale run of raw update %s failed; nacking it for redelivery",
                        pending.received().messageId());
            }
            pending.message().nack(cause);
        }
    }

    /** After pulling stopped: the bursts still waiting go back to Pub/Sub at once, for the next coordinator. */
    void onStop(@Observes @Priority(ShutdownOrder.STOP_PULLING + 1) ShutdownEvent event) {
        try {
            timer.submit(() -> coalescer.takeAll().forEach(p -> settle(p, new CoordinatorStopped()))).get(10,
                    TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warnf("Could not hand back the raw updates waiting in a burst (%s); their leases run out instead",
                    e.getMessage());
        }
        timer.shutdown();
    }

    @PreDestroy
    void close() {
        timer.shutdownNow();
    }
}
