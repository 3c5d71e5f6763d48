package fullcourt.coordinator.intake;

import fullcourt.coordinator.Coordinator;
import fullcourt.coordinator.CoordinatorStopped;
import fullcourt.coordinator.metrics.CoordinatorMetrics;
import fullcourt.engine.tracing.TaskSpans;
import fullcourt.engine.transport.IncomingPubSubMetadata;
import fullcourt.engine.worker.DeadLetterAttributes;
import io.opentelemetry.api.trace.Span;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * The coordinator's inputs of requests, task events and dead letters (raw updates, which wait in
 * bursts, have their own: {@code freshness.RawUpdateIntake}). Each message is handed to the coordinator's loop and acked once
 * handled (its ledger rows written); an unexpected failure nacks it so Pub/Sub redelivers.
 * Requests and dead letters are handled one at a time (the next is taken once this one is acked);
 * task events, the bulk, are taken as they come and handled in batches.
 */
@ApplicationScoped
public class MessageIntake {

    private static final Logger LOG = Logger.getLogger(MessageIntake.class);

    @Inject
    Coordinator coordinator;
    @Inject
    CoordinatorMetrics metrics;
    @Inject
    TaskSpans spans;

    @Incoming("requests")
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public CompletionStage<Void> request(Message<byte[]> message) {
        String id = meta(message).messageId();
        return settle(message, coordinator.submit(() -> coordinator.handleRequest(message.getPayload(), id)));
    }

    /**
     * Returns at once, so the next task event comes in while this one waits for the loop: the
     * loop handles the events that have gathered in one turn (see {@link Coordinator#submitTaskEvent}).
     * Each is acked once its ledger row is written; the subscription's flow control
     * ({@code max-outstanding-messages}) bounds how many wait unacked. Its handling, from here until its row is
     * written, is a span of the task's trace, which the event carries.
     */
    @Incoming("task-events")
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public CompletionStage<Void> taskEvent(Message<byte[]> message) {
        var received = metrics.begin();
        Span span = spans.eventHandling(meta(message).attributes());
        CompletionStage<Void> handled = coordinator.submitTaskEvent(message.getPayload()).whenComplete((ok, failure) -> {
            if (failure != null) {
                TaskSpans.failed(span, failure.getMessage(), null);
            }
            span.end();
        });
        settle(message, handled).thenRun(() -> metrics.taskEventHandled(received));
        return CompletableFuture.completedFuture(null);
    }

    @Incoming("dead-letters")
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public CompletionStage<Void> deadLetter(Message<byte[]> message) {
        IncomingPubSubMetadata meta = meta(message);
        return settle(message, coordinator.submit(() -> coordinator.handleDeadLetter(message.getPayload(),
                meta.deadLetterDeliveryCount(), meta.attributes().get(DeadLetterAttributes.ERROR))));
    }

    private static IncomingPubSubMetadata meta(Message<byte[]> message) {
        return message.getMetadata(IncomingPubSubMetadata.class)
                .orElseThrow(() -> new IllegalStateException("coordinator channels must use the fullcourt-pubsub connector"));
    }

    private static CompletionStage<Void> settle(Message<byte[]> message, CompletionStage<Void> handled) {
        return handled.handle((ok, failure) -> {
            Throwable cause = failure instanceof java.util.concurrent.CompletionException c && c.getCause() != null
                    ? c.getCause() : failure;
            if (failure == null) {
                message.ack();
            } else if (cause instanceof fullcourt.coordinator.trust.UnknownRun) {
                // another coordinator may know the run (a handover): back to Pub/Sub, not dropped
                LOG.debugf("Nacking %s: %s", meta(message).messageId(), cause.getMessage());
                message.nack(cause);
            } else if (cause instanceof CoordinatorStopped) {
                // stopped, standing by, or not its run: the message goes back to Pub/Sub for the lease holder
                LOG.debugf("%s; nacking %s", cause.getMessage(), meta(message).messageId());
                message.nack(cause);
            } else {
                LOG.errorf(failure, "Handling failed; nacking for redelivery");
                message.nack(failure);
            }
            return null;
        });
    }
}
