package fullcourt.engine.testing;

import com.google.cloud.pubsub.v1.Subscriber;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.PushConfig;
import fullcourt.engine.transport.PubSubRuntime;
import fullcourt.messages.MessageCodec;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Reads a topic through a subscription of its own, as any other consumer (the CLI, a notifier)
 * would; deletes the subscription on close.
 */
public final class TopicProbe implements AutoCloseable {

    private final PubSubRuntime runtime;
    private final String subscription;
    private final Subscriber subscriber;
    private final ConcurrentLinkedQueue<PubsubMessage> messages = new ConcurrentLinkedQueue<>();

    /** @param topic the unprefixed topic name, e.g. {@code Topics.DEFAULT.runEvents()} */
    public TopicProbe(PubSubRuntime runtime, String topic) {
        this.runtime = runtime;
        var conn = runtime.connection();
        this.subscription = runtime.topics().prefix() + topic + "-probe-" + UUID.randomUUID().toString().substring(0, 8);
        conn.subscriptionAdmin().createSubscription(conn.subscription(subscription),
                conn.topic(runtime.topics().prefix() + topic), PushConfig.getDefaultInstance(), 10);
        subscriber = conn.subscriberBuilder(subscription, (m, consumer) -> {
            messages.add(m);
            consumer.ack();
        }).build();
        subscriber.startAsync().awaitRunning();
    }

    public List<PubsubMessage> messages() {
        return List.copyOf(messages);
    }

    /** Every message decoded as {@code type}. */
    public <T> List<T> decoded(Class<T> type) {
        return messages.stream().map(m -> MessageCodec.decode(m.getData().toByteArray(), type)).toList();
    }

    @Override
    public void close() {
        subscriber.stopAsync().awaitTerminated();
        runtime.connection().subscriptionAdmin().deleteSubscription(runtime.connection().subscription(subscription));
    }
}
