package fullcourt.bench.pipeline;

import com.google.api.core.ApiFuture;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.cloud.pubsub.v1.Subscriber;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.PushConfig;
import fullcourt.infra.PubSubConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The emulator's own end-to-end message rate with the Google client library the engine uses:
 * publish N messages to a fresh topic while a streaming-pull subscriber acks them; messages per
 * second from the first publish to the last ack.
 */
final class RawPubSubRate {

    private RawPubSubRate() {
    }

    static double messagesPerSecond(PubSubConnection connection, int messages, int payloadBytes) throws Exception {
        String id = "bench-raw-" + UUID.randomUUID().toString().substring(0, 8);
        connection.topicAdmin().createTopic(connection.topic(id));
        connection.subscriptionAdmin().createSubscription(connection.subscription(id), connection.topic(id),
                PushConfig.getDefaultInstance(), 60);
        CountDownLatch acked = new CountDownLatch(messages);
        Subscriber subscriber = connection.subscriberBuilder(id, (message, consumer) -> {
            consumer.ack();
            acked.countDown();
        }).build();
        subscriber.startAsync().awaitRunning();
        Publisher publisher = connection.publisherBuilder(id).build();
        ByteString payload = ByteString.copyFromUtf8("x".repeat(payloadBytes));
        try {
            long start = System.nanoTime();
            List<ApiFuture<String>> sent = new ArrayList<>(messages);
            for (int i = 0; i < messages; i++) {
                sent.add(publisher.publish(PubsubMessage.newBuilder().setData(payload)
                        .putAttributes("seq", Integer.toString(i)).build()));
            }
            for (ApiFuture<String> f : sent) {
                f.get(60, TimeUnit.SECONDS);
            }
            if (!acked.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException((messages - acked.getCount()) + " of " + messages + " messages acked in 5 min");
            }
            return messages / ((System.nanoTime() - start) / 1e9);
        } finally {
            publisher.shutdown();
            publisher.awaitTermination(30, TimeUnit.SECONDS);
            subscriber.stopAsync().awaitTerminated();
        }
    }
}
