package fullcourt.engine.transport;

import com.google.api.core.ApiFuture;
import com.google.api.core.ApiFutureCallback;
import com.google.api.core.ApiFutures;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.ReceivedMessage;
import fullcourt.engine.lifecycle.ShutdownOrder;
import fullcourt.messages.MessageCodec;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.smallrye.reactive.messaging.annotations.ConnectorAttribute;
import io.smallrye.reactive.messaging.connector.InboundConnector;
import io.smallrye.reactive.messaging.connector.OutboundConnector;
import io.smallrye.reactive.messaging.providers.helpers.MultiUtils;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.jboss.logging.Logger;

/**
 * SmallRye Reactive Messaging connector over the Google Pub/Sub client.
 *
 * <p>Written because the upstream GCP connector cannot nack, hides the delivery attempt and has no
 * flow control. Incoming: a {@link SubscriptionPuller} per listed subscription, flow control from
 * configuration; {@code ack()} acks, {@code nack()} nacks so Pub/Sub redelivers with the
 * subscription's backoff; the delivery attempt and attributes travel as
 * {@link IncomingPubSubMetadata}. Outgoing: the message is acked only once Pub/Sub confirmed the
 * publish, so an {@code Emitter.send(...)} future completes when the message is safely stored.
 */
@ApplicationScoped
@Connector(PubSubConnector.NAME)
@ConnectorAttribute(name = "subscription", direction = ConnectorAttribute.Direction.INCOMING, type = "string",
        mandatory = true, description = "Subscription id(s), comma-separated; the topic prefix is prepended")
@ConnectorAttribute(name = "max-outstanding-messages", direction = ConnectorAttribute.Direction.INCOMING,
        type = "int", defaultValue = "8", description = "Flow control: messages leased but not yet acked or nacked")
@ConnectorAttribute(name = "topic", direction = ConnectorAttribute.Direction.OUTGOING, type = "string",
        description = "Topic id; the topic prefix is prepended; a message may name another in OutgoingPubSubMetadata")
public class PubSubConnector implements InboundConnector, OutboundConnector {

    public static final String NAME = "fullcourt-pubsub";
    private static final Logger LOG = Logger.getLogger(PubSubConnector.class);

    private final PubSubRuntime runtime;
    private final Clock clock;
    // unseeded on purpose: processes seeded alike would draw the same jitter and pull again in step
    private final Random jitter = new Random();
    private final List<SubscriptionPuller> pullers = new CopyOnWriteArrayList<>();
    private final PublishHealth publishHealth;
    private final Map<String, Publisher> publishers = new ConcurrentHashMap<>();
    private boolean closed;

    public PubSubConnector(PubSubRuntime runtime, Clock clock) {
        this.runtime = runtime;
        this.clock = clock;
        this.publishHealth = new PublishHealth(clock);
    }

    /** Whether each outgoing channel can publish (readiness). */
    public PublishHealth publishHealth() {
        return publishHealth;
    }

    @Override
    public Flow.Publisher<? extends Message<?>> getPublisher(Config config) {
        String channel = config.getValue("channel-name", String.class);
        List<String> subscriptions = Arrays.stream(config.getValue("subscription", String.class).split(","))
                .map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> runtime.topics().prefix() + s).toList();
        int maxOutstanding = config.getOptionalValue("max-outstanding-messages", Integer.class).orElse(8);
        int ackDeadline = runtime.deliveryPolicy().ackDeadlineSeconds();
        return Multi.createFrom().<Message<?>>emitter(emitter -> {
            List<SubscriptionPuller> mine = subscriptions.stream().map(sub -> {
                SubscriptionPuller p = new SubscriptionPuller(runtime.connection().subscriptionAdmin(),
                        runtime.connection().subscription(sub).toString(), maxOutstanding, ackDeadline,
                        runtime.maxLeaseExtension(), clock, jitter,
                        (m, ack, nack) -> emitter.emit(toMessage(sub, m, ack, nack)));
                p.start();
                LOG.infof("Channel %s pulling from %s (flow control %d messages, leases extended up to %s)", channel,
                        sub, maxOutstanding, runtime.maxLeaseExtension());
                return p;
            }).toList();
            pullers.addAll(mine);
            emitter.onTermination(() -> mine.forEach(SubscriptionPuller::stop));
        }, BackPressureStrategy.BUFFER);
    }

    private static Message<byte[]> toMessage(String subscription, ReceivedMessage received, Runnable ack, Runnable nack) {
        PubsubMessage m = received.getMessage();
        IncomingPubSubMetadata meta = new IncomingPubSubMetadata(subscription, m.getMessageId(),
                Map.copyOf(m.getAttributesMap()), Math.max(1, received.getDeliveryAttempt()),
                Instant.ofEpochSecond(m.getPublishTime().getSeconds(), m.getPublishTime().getNanos()));
        return Message.of(m.getData().toByteArray(), Metadata.of(meta),
                () -> {
                    ack.run();
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    nack.run();
                    return CompletableFuture.completedFuture(null);
                });
    }

    @Override
    public Flow.Subscriber<? extends Message<?>> getSubscriber(Config config) {
        String defaultTopic = config.getOptionalValue("topic", String.class).orElse(null);
        String channel = config.getValue("channel-name", String.class);
        return MultiUtils.via(multi -> multi.onItem().transformToUniAndMerge(m -> publishSafely(channel, defaultTopic, m)));
    }

    /**
     * Publishes, never failing the stream: an exception here would terminate the channel, and every later send on its
     * emitter would fail (a run event too large to encode once stopped every later dispatch). The message is nacked
     * instead, so its sender learns of it, and the channel goes on.
     */
    private Uni<Void> publishSafely(String channel, String defaultTopic, Message<?> message) {
        try {
            return publish(channel, defaultTopic, message);
        } catch (IllegalArgumentException refusedContent) {
            // MessageCodec refused the payload (too large, say): this message's fault, not the channel's
            LOG.errorf("Channel %s: message refused before publishing: %s", channel, refusedContent.getMessage());
            return Uni.createFrom().completionStage(message.nack(refusedContent)).onFailure().recoverWithNull();
        } catch (RuntimeException e) {
            LOG.errorf("Channel %s: publish failed: %s", channel, e.toString());
            publishHealth.failed(channel, e);
            return Uni.createFrom().completionStage(message.nack(e)).onFailure().recoverWithNull();
        }
    }

    private Uni<Void> publish(String channel, String defaultTopic, Message<?> message) {
        OutgoingPubSubMetadata meta = message.getMetadata(OutgoingPubSubMetadata.class).orElse(null);
        String topic = meta != null && meta.topic() != null ? meta.topic() : defaultTopic;
        if (topic == null) {
            return Uni.createFrom().completionStage(message.nack(new IllegalStateException(
                    "no topic: configure the channel's 'topic' or set OutgoingPubSubMetadata.topic")));
        }
        Object payload = message.getPayload();
        byte[] data = payload instanceof byte[] bytes ? bytes : MessageCodec.encode(payload);
        PubsubMessage.Builder out = PubsubMessage.newBuilder().setData(ByteString.copyFrom(data));
        if (meta != null && meta.attributes() != null) {
            out.putAllAttributes(meta.attributes());
        }
        ApiFuture<String> id = publisher(topic).publish(out.build());
        CompletableFuture<Void> done = new CompletableFuture<>();
        ApiFutures.addCallback(id, new ApiFutureCallback<>() {
            @Override
            public void onFailure(Throwable t) {
                publishHealth.failed(channel, t);
                message.nack(t).whenComplete((v, e) -> done.complete(null));
            }

            @Override
            public void onSuccess(String messageId) {
                publishHealth.succeeded(channel);
                message.ack().whenComplete((v, e) -> done.complete(null));
            }
        }, MoreExecutors.directExecutor());
        return Uni.createFrom().completionStage(done);
    }

    private Publisher publisher(String topic) {
        return publishers.computeIfAbsent(runtime.topics().prefix() + topic, t -> {
            try {
                return runtime.connection().publisherBuilder(t).build();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** Publishes outside any channel (tools and tests); completes when Pub/Sub confirmed. */
    public CompletionStage<String> publishRaw(String topic, byte[] data, Map<String, String> attributes) {
        PubsubMessage m = PubsubMessage.newBuilder().setData(ByteString.copyFrom(data))
                .putAllAttributes(attributes).build();
        CompletableFuture<String> out = new CompletableFuture<>();
        ApiFutures.addCallback(publisher(topic).publish(m), new ApiFutureCallback<>() {
            @Override
            public void onFailure(Throwable t) {
                out.completeExceptionally(t);
            }

            @Override
            public void onSuccess(String id) {
                out.complete(id);
            }
        }, MoreExecutors.directExecutor());
        return out;
    }

    /** First at shutdown: no new message comes in while the rest of the process stops. */
    void stopPulling(@Observes @Priority(ShutdownOrder.STOP_PULLING) ShutdownEvent event) {
        pullers.forEach(SubscriptionPuller::stop);
    }

    /** After the work in hand and the coordinator stopped: what they published goes out, the broker still up. */
    void closePublishers(@Observes @Priority(ShutdownOrder.CLOSE_PUBLISHERS) ShutdownEvent event) {
        close();
    }

    @PreDestroy
    synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        pullers.forEach(SubscriptionPuller::stop);
        publishers.values().forEach(p -> {
            p.shutdown();
            try {
                p.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
