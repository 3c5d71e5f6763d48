package fullcourt.infra;

import fullcourt.infra.testing.RunningEmulator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.cloud.pubsub.v1.Publisher;
import com.google.cloud.pubsub.v1.Subscriber;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import fullcourt.messages.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DeadLetterDeliveryTest {

    private static RunningEmulator pubsub;
    private static PubSubConnection connection;

    private final Topics names = Topics.withPrefix("t" + Integer.toUnsignedString(new Random().nextInt(), 36) + "-");
    // Five attempts (Pub/Sub's minimum) with no backoff to speak of, so the test runs in about a second.
    private final DeliveryPolicy quickPolicy = new DeliveryPolicy(5, Duration.ZERO, Duration.ofMillis(200), 10);
    private final Topology topology = Topology.of(names, quickPolicy);
    private final List<Subscriber> subscribers = new java.util.ArrayList<>();

    @BeforeAll
    static void startEmulator() {
        pubsub = RunningEmulator.start("fullcourt-test");
        connection = pubsub.connection();
    }

    @AfterAll
    static void stopEmulator() {
        if (pubsub != null) {
            pubsub.close();
        }
    }

    @AfterEach
    void stopSubscribersAndDeleteTopology() throws Exception {
        // Stopped and awaited, or the emulator's streaming pull can stall for the next test.
        for (Subscriber subscriber : subscribers) {
            subscriber.stopAsync().awaitTerminated(10, TimeUnit.SECONDS);
        }
        new TopologyProvisioner(connection).deleteAll(topology);
    }

    @Test
    void aMessageNackedMaxDeliveryAttemptsTimesLandsOnTheDeadLetterSubscription() throws Exception {
        new TopologyProvisioner(connection).provision(topology);
        Queue<Integer> workAttempts = new ConcurrentLinkedQueue<>();
        Queue<PubsubMessage> deadLetters = new ConcurrentLinkedQueue<>();
        start(connection.subscriberBuilder(names.workSubscription(3), (message, consumer) -> {
            workAttempts.add(Subscriber.getDeliveryAttempt(message));
            consumer.nack();
        }));
        start(connection.subscriberBuilder(names.workDeadLetterSubscription(3), (message, consumer) -> {
            deadLetters.add(message);
            consumer.ack();
        }));

        publish(names.work(3), PubsubMessage.newBuilder()
                .setData(ByteString.copyFromUtf8("{\"processor\":\"player_game_summary\",\"date\":\"2024-01-15\"}"))
                .putAttributes("processor", "player_game_summary")
                .putAttributes("date", "2024-01-15")
                .build());

        await().atMost(Duration.ofSeconds(30)).until(() -> !deadLetters.isEmpty());
        PubsubMessage deadLetter = deadLetters.peek();
        assertThat(deadLetter.getData().toStringUtf8()).contains("player_game_summary");
        assertThat(deadLetter.getAttributesMap())
                .containsEntry("processor", "player_game_summary")
                .containsEntry("date", "2024-01-15")
                .containsEntry("CloudPubSubDeadLetterSourceDeliveryCount", "5")
                .containsEntry("CloudPubSubDeadLetterSourceSubscription", names.workSubscription(3));
        assertThat(workAttempts).containsExactly(1, 2, 3, 4, 5);
    }

    private void start(Subscriber.Builder builder) {
        Subscriber subscriber = builder.build();
        subscribers.add(subscriber);
        subscriber.startAsync().awaitRunning();
    }

    private static void publish(String topic, PubsubMessage message) throws Exception {
        Publisher publisher = connection.publisherBuilder(topic).build();
        try {
            publisher.publish(message).get(10, TimeUnit.SECONDS);
        } finally {
            publisher.shutdown();
            publisher.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
