package fullcourt.engine.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.PushConfig;
import com.google.pubsub.v1.ReceivedMessage;
import fullcourt.engine.testing.ManualClock;
import fullcourt.infra.PubSubConnection;
import fullcourt.infra.PubSubEmulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The subscriber's lease settings: a message in hand keeps its lease past the ack deadline for as long as its handler
 * runs, up to the maximum extension; the pull retries back off with jitter. On the emulator where Pub/Sub's own
 * behaviour is the point, without a broker where only the puller's decision is.
 */
class SubscriptionPullerTest {

    private static final int ACK_DEADLINE_SECONDS = 10;

    private static PubSubEmulator emulator;
    private static PubSubConnection connection;

    private final String name = "t" + UUID.randomUUID().toString().substring(0, 8) + "-lease";
    private final List<ReceivedMessage> deliveries = new CopyOnWriteArrayList<>();
    private final List<Runnable> acks = new CopyOnWriteArrayList<>();
    private SubscriptionPuller puller;

    @BeforeAll
    static void startEmulator() {
        emulator = PubSubEmulator.start();
        connection = PubSubConnection.emulator(emulator.hostPort(), "fullcourt-test");
    }

    @AfterAll
    static void stopEmulator() {
        if (connection != null) {
            connection.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    @AfterEach
    void stopPuller() {
        if (puller != null) {
            acks.forEach(Runnable::run);
            puller.stop();
        }
    }

    @Test
    void aMessageInHandKeepsItsLeasePastTheAckDeadlineWhileItsHandlerRuns() throws Exception {
        puller = pullerOnEmulator(Duration.ofHours(5));
        publish("player_game_summary/2021-11-02");
        await().atMost(30, TimeUnit.SECONDS).until(() -> deliveries.size() == 1);

        // two and a half ack deadlines with the handler still working: without extension it would come back twice
        await().during(25, TimeUnit.SECONDS).atMost(30, TimeUnit.SECONDS).until(() -> deliveries.size() == 1);
    }

    @Test
    void pastTheMaximumExtensionAMessageIsLeftToExpireAndDeliveredAgain() throws Exception {
        puller = pullerOnEmulator(Duration.ofSeconds(1));
        publish("player_game_summary/2021-11-03");
        await().atMost(30, TimeUnit.SECONDS).until(() -> deliveries.size() == 1);

        // the first renewal (after 3 s) finds it held longer than 1 s: it expires 10 s after its pull, comes back
        await().atMost(40, TimeUnit.SECONDS).until(() -> deliveries.size() == 2);
        assertThat(deliveries.get(1).getMessage().getMessageId()).isEqualTo(deliveries.get(0).getMessage().getMessageId());
    }

    @Test
    void leasesAreExtendedUntilTheMaximumExtensionAfterReceipt() {
        ManualClock clock = new ManualClock(Instant.parse("2021-11-02T12:00:00Z"));
        SubscriptionPuller offline = new SubscriptionPuller(null, "projects/p/subscriptions/phase3-work-sub", 4,
                60, Duration.ofHours(5), clock, new Random(1), (m, ack, nack) -> { });
        offline.hold(ReceivedMessage.newBuilder().setAckId("early").build());
        clock.advance(Duration.ofHours(1));
        offline.hold(ReceivedMessage.newBuilder().setAckId("late").build());

        clock.advance(Duration.ofHours(3).plusMinutes(59));
        assertThat(offline.leasesToExtend()).as("4 h 59 min and 3 h 59 min in hand").containsExactlyInAnyOrder("early", "late");

        clock.advance(Duration.ofMinutes(1));
        assertThat(offline.leasesToExtend()).as("5 h and 4 h in hand").containsExactly("late");

        clock.advance(Duration.ofHours(1));
        assertThat(offline.leasesToExtend()).as("6 h and 5 h in hand").isEmpty();
    }

    @Test
    void failedPullsBackOffWithJitterBetweenZeroAndTenSeconds() {
        // ceilings 100 ms, 200 ms, 400 ms, ... 6.4 s, then 10 s from the 8th failure on
        assertThat(IntStream.rangeClosed(1, 9).mapToObj(SubscriptionPuller.PULL_BACKOFF::ceilingAfter).toList())
                .containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400),
                        Duration.ofMillis(800), Duration.ofMillis(1600), Duration.ofMillis(3200),
                        Duration.ofMillis(6400), Duration.ofSeconds(10), Duration.ofSeconds(10));
        Random jitter = new Random(5);
        List<Duration> tenthFailure = IntStream.range(0, 50)
                .mapToObj(i -> SubscriptionPuller.PULL_BACKOFF.delayAfter(10, jitter)).toList();
        assertThat(tenthFailure).allMatch(d -> !d.isNegative() && d.compareTo(Duration.ofSeconds(10)) <= 0);
        assertThat(tenthFailure.stream().distinct().count()).isGreaterThan(40);
    }

    @Test
    void pullerBehindAClosedGateTakesNothingAndHandsBackWhatItsPullInProgressReceives() throws Exception {
        PullGate gate = new PullGate("test", false);
        List<String> gated = new CopyOnWriteArrayList<>();
        List<String> holder = new CopyOnWriteArrayList<>();
        SubscriptionPuller standby = pullerOnEmulator(Duration.ofMinutes(5), gate, gated);
        SubscriptionPuller open = puller(PullGate.ALWAYS_OPEN, holder);
        try {
            publish("first");
            await().atMost(Duration.ofSeconds(30)).until(() -> holder.contains("first"));
            assertThat(gated).isEmpty(); // the closed gate let it start no pull
        } finally {
            open.stop();
        }

        gate.open();
        publish("second");
        await().atMost(Duration.ofSeconds(30)).until(() -> gated.contains("second") && standby.pullInProgress());
        gate.close(); // with its next pull waiting on the broker: what that pull receives must not reach the handler
        publish("third");
        SubscriptionPuller successor = puller(PullGate.ALWAYS_OPEN, holder);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> holder.contains("third"));
            assertThat(gated).containsExactly("second");
        } finally {
            successor.stop();
            standby.stop();
        }
    }

    @Test
    void pullOfASubscriptionItCannotReadIsReportedForReadinessUntilAPullSucceeds() {
        List<String> bodies = new CopyOnWriteArrayList<>();
        SubscriptionPuller missing = puller(PullGate.ALWAYS_OPEN, bodies); // nothing created under this name yet
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> missing.lastPullFailure().isPresent());
            assertThat(missing.lastPullFailure().orElseThrow()).contains("NOT_FOUND");

            connection.topicAdmin().createTopic(connection.topic(name));
            connection.subscriptionAdmin().createSubscription(connection.subscription(name), connection.topic(name),
                    PushConfig.getDefaultInstance(), ACK_DEADLINE_SECONDS);
            await().atMost(Duration.ofSeconds(30)).until(() -> missing.lastPullFailure().isEmpty());
        } finally {
            missing.stop();
        }
    }

    @Test
    void acksSettledTogetherGoOutInOneCallAndStoppingSendsThoseNotSentYet() throws Exception {
        int messages = 20;
        connection.topicAdmin().createTopic(connection.topic(name));
        connection.subscriptionAdmin().createSubscription(connection.subscription(name), connection.topic(name),
                PushConfig.getDefaultInstance(), ACK_DEADLINE_SECONDS);
        List<Runnable> held = new CopyOnWriteArrayList<>();
        SubscriptionPuller batching = new SubscriptionPuller(connection.subscriptionAdmin(),
                connection.subscription(name).toString(), messages, ACK_DEADLINE_SECONDS, Duration.ofMinutes(5),
                Clock.systemUTC(), new Random(3), (m, ack, nack) -> held.add(ack));
        batching.start();
        publish(IntStream.range(0, messages).mapToObj(i -> "m" + i).toList());
        await().atMost(Duration.ofSeconds(30)).until(() -> held.size() == messages);

        held.forEach(Runnable::run);
        batching.stop(); // within the batch's time or just after it: either way every ack goes out
        assertThat(batching.acknowledgeCalls()).as("Acknowledge calls for %d acks settled together", messages)
                .isBetween(1, messages / 4);

        // acked, so nothing comes back after the ack deadline
        List<String> again = new CopyOnWriteArrayList<>();
        SubscriptionPuller next = puller(PullGate.ALWAYS_OPEN, again);
        try {
            await().during(ACK_DEADLINE_SECONDS + 5, TimeUnit.SECONDS).atMost(ACK_DEADLINE_SECONDS + 15, TimeUnit.SECONDS)
                    .until(again::isEmpty);
        } finally {
            next.stop();
        }
    }

    /** A puller that acks each message at once, recording its body, on the subscription of {@link #pullerOnEmulator}. */
    private SubscriptionPuller puller(PullGate gate, List<String> bodies) {
        SubscriptionPuller p = new SubscriptionPuller(connection.subscriptionAdmin(),
                connection.subscription(name).toString(), 4, ACK_DEADLINE_SECONDS, Duration.ofMinutes(5),
                Clock.systemUTC(), new Random(3), gate, (m, ack, nack) -> {
                    bodies.add(m.getMessage().getData().toStringUtf8());
                    ack.run();
                });
        p.start();
        return p;
    }

    private SubscriptionPuller pullerOnEmulator(Duration maxLeaseExtension, PullGate gate, List<String> bodies) {
        connection.topicAdmin().createTopic(connection.topic(name));
        connection.subscriptionAdmin().createSubscription(connection.subscription(name), connection.topic(name),
                PushConfig.getDefaultInstance(), ACK_DEADLINE_SECONDS);
        return puller(gate, bodies);
    }

    private SubscriptionPuller pullerOnEmulator(Duration maxLeaseExtension) {
        connection.topicAdmin().createTopic(connection.topic(name));
        connection.subscriptionAdmin().createSubscription(connection.subscription(name), connection.topic(name),
                PushConfig.getDefaultInstance(), ACK_DEADLINE_SECONDS);
        SubscriptionPuller p = new SubscriptionPuller(connection.subscriptionAdmin(),
                connection.subscription(name).toString(), 4, ACK_DEADLINE_SECONDS, maxLeaseExtension,
                Clock.systemUTC(), new Random(3), (m, ack, nack) -> {
                    deliveries.add(m);
                    acks.add(ack);
                });
        p.start();
        return p;
    }

    private void publish(String body) throws Exception {
        publish(List.of(body));
    }

    private void publish(List<String> bodies) throws Exception {
        var publisher = connection.publisherBuilder(name).build();
        try {
            List<com.google.api.core.ApiFuture<String>> sent = bodies.stream().map(body -> publisher.publish(
                    PubsubMessage.newBuilder().setData(ByteString.copyFromUtf8(body)).build())).toList();
            com.google.api.core.ApiFutures.allAsList(sent).get(30, TimeUnit.SECONDS);
        } finally {
            publisher.shutdown();
            publisher.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
