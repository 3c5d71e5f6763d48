package fullcourt.drills;

import com.google.cloud.pubsub.v1.Publisher;
import com.google.cloud.pubsub.v1.Subscriber;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.Subscription;
import fullcourt.infra.PubSubConnection;
import fullcourt.messages.InvalidMessageException;
import fullcourt.messages.MessageCodec;
import fullcourt.messages.RunEvent;
import fullcourt.messages.Topics;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** The all-in-one's request topic from outside, as any client sees it: publish raw bodies, read run events. */
final class RequestTopic implements AutoCloseable {

    private final PubSubConnection connection;
    private final Publisher publisher;
    private final Subscriber subscriber;
    private final List<RunEvent> events = new CopyOnWriteArrayList<>();

    RequestTopic(String emulator) throws Exception {
        connection = PubSubConnection.emulator(emulator, "fullcourt-local");
        String subscription = "drill-run-events-" + System.nanoTime();
        connection.subscriptionAdmin().createSubscription(Subscription.newBuilder()
                .setName(connection.subscription(subscription).toString())
                .setTopic(connection.topic(Topics.DEFAULT.runEvents()).toString())
                .setAckDeadlineSeconds(10).build());
        subscriber = connection.subscriberBuilder(subscription, (message, reply) -> {
            try {
                events.add(MessageCodec.decode(message.getData().toByteArray(), RunEvent.class));
            } catch (InvalidMessageException e) {
                // not a run event: nothing for the drill
            }
            reply.ack();
        }).build();
        subscriber.startAsync().awaitRunning(30, TimeUnit.SECONDS);
        publisher = connection.publisherBuilder(Topics.DEFAULT.backfillRequests()).build();
    }

    /** Publishes {@code body} as it is (with one attribute: Pub/Sub refuses a message with neither); its id. */
    String publish(byte[] body) throws Exception {
        return publisher.publish(PubsubMessage.newBuilder().setData(ByteString.copyFrom(body))
                .putAttributes("sender", "reliability-drills").build()).get(60, TimeUnit.SECONDS);
    }

    List<RunEvent> events() {
        return List.copyOf(events);
    }

    @Override
    public void close() throws Exception {
        publisher.shutdown();
        publisher.awaitTermination(30, TimeUnit.SECONDS);
        subscriber.stopAsync().awaitTerminated(30, TimeUnit.SECONDS);
        connection.close();
    }
}
