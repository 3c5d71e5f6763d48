package fullcourt.local;

import com.google.cloud.pubsub.v1.Subscriber;
import com.google.pubsub.v1.PushConfig;
import fullcourt.engine.transport.PubSubRuntime;
import fullcourt.messages.MessageCodec;
import fullcourt.messages.RunEvent;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Listens to run-events on a subscription of its own, as the CLI or a notifier would. */
final class RunEventsProbe implements AutoCloseable {

    private final PubSubRuntime runtime;
    private final String subscription;
    private final Subscriber subscriber;
    private final ConcurrentLinkedQueue<RunEvent> events = new ConcurrentLinkedQueue<>();

    RunEventsProbe(PubSubRuntime runtime) {
        this.runtime = runtime;
        var conn = runtime.connection();
        this.subscription = runtime.topics().prefix() + "run-events-probe-" + UUID.randomUUID().toString().substring(0, 8);
        conn.subscriptionAdmin().createSubscription(conn.subscription(subscription),
                conn.topic(runtime.topics().runEvents()), PushConfig.getDefaultInstance(), 10);
        subscriber = conn.subscriberBuilder(subscription, (m, consumer) -> {
            events.add(MessageCodec.decode(m.getData().toByteArray(), RunEvent.class));
            consumer.ack();
        }).build();
        subscriber.startAsync().awaitRunning();
    }

    List<RunEvent> events() {
        return List.copyOf(events);
    }

    List<RunEvent> forRun(String runId) {
        return events.stream().filter(e -> runId.equals(e.runId())).toList();
    }

    @Override
    public void close() {
        subscriber.stopAsync().awaitTerminated();
        runtime.connection().subscriptionAdmin().deleteSubscription(runtime.connection().subscription(subscription));
    }
}
