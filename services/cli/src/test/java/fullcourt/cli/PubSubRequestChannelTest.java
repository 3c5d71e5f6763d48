package fullcourt.cli;

import fullcourt.infra.testing.RunningEmulator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.google.cloud.pubsub.v1.Publisher;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.PullResponse;
import com.google.pubsub.v1.PushConfig;
import com.google.pubsub.v1.ReceivedMessage;
import fullcourt.infra.PubSubConnection;
import fullcourt.infra.PubSubEmulator;
import fullcourt.messages.BackfillRequest;
import fullcourt.messages.MessageCodec;
import fullcourt.messages.RunEvent;
import fullcourt.messages.Topics;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The request channel on the real Pub/Sub emulator: publish, hear the answer, leave no subscription behind. */
class PubSubRequestChannelTest {

    private static final String PROJECT = "fullcourt-cli-test";

    private static RunningEmulator pubsub;
    private static PubSubEmulator emulator;
    private static PubSubConnection connection;

    private final Topics topics = RunningEmulator.freshTopics();

    @BeforeAll
    static void startEmulator() {
        pubsub = RunningEmulator.start(PROJECT);
        emulator = pubsub.emulator();
        connection = pubsub.connection();
    }

    @AfterAll
    static void stopEmulator() {
        if (pubsub != null) {
            pubsub.close();
        }
    }

    private PubSubOptions options(String emulatorHostPort) {
        PubSubOptions options = new PubSubOptions();
        options.emulator = emulatorHostPort;
        options.project = PROJECT;
        options.topicPrefix = topics.prefix();
        return options;
    }

    /** The topics the services provision, and the coordinator's subscription on the requests. */
    private String provision() {
        connection.topicAdmin().createTopic(connection.topic(topics.backfillRequests()));
        connection.topicAdmin().createTopic(connection.topic(topics.runEvents()));
        String coordinatorSubscription = topics.requestsSubscription();
        connection.subscriptionAdmin().createSubscription(connection.subscription(coordinatorSubscription),
                connection.topic(topics.backfillRequests()), PushConfig.getDefaultInstance(), 10);
        return coordinatorSubscription;
    }

    private List<String> runEventSubscriptions() {
        return StreamSupport.stream(connection.topicAdmin()
                .listTopicSubscriptions(connection.topic(topics.runEvents())).iterateAll().spliterator(), false)
                .toList();
    }

    private void publishRunEvent(RunEvent event) throws Exception {
        Publisher publisher = connection.publisherBuilder(topics.runEvents()).build();
        try {
            publisher.publish(PubsubMessage.newBuilder()
                    .setData(ByteString.copyFrom(MessageCodec.encode(event))).build()).get(10, TimeUnit.SECONDS);
        } finally {
            publisher.shutdown();
            publisher.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void publishesTheRequestAndHearsTheAnswerOnATemporarySubscription() throws Exception {
        String coordinatorSubscription = provision();
        BackfillRequest request = BackfillRequest.forRange("bf-test-1", LocalDate.of(2022, 1, 1),
                LocalDate.of(2022, 1, 31)).withPhases(List.of(3));

        try (PubSubRequestChannel channel = new PubSubRequestChannel(options(emulator.hostPort()), new Random(7))) {
            RunEventStream events = channel.openRunEvents("bf-test-1", Optional.empty());
            assertThat(runEventSubscriptions()).singleElement().asString().contains(topics.runEvents() + "-cli-");

            String messageId = channel.publish(request);

            List<ReceivedMessage> received = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                PullResponse pulled = connection.subscriptionAdmin()
                        .pull(connection.subscription(coordinatorSubscription), 10);
                received.addAll(pulled.getReceivedMessagesList());
                return !received.isEmpty();
            });
            PubsubMessage message = received.get(0).getMessage();
            assertThat(message.getMessageId()).isEqualTo(messageId);
            assertThat(message.getAttributesMap()).containsEntry("runId", "bf-test-1");
            assertThat(MessageCodec.decode(message.getData().toByteArray(), BackfillRequest.class)).isEqualTo(request);

            RunEvent accepted = RunEvent.accepted("bf-test-1", "bf-test-1", Instant.parse("2024-01-05T10:15:01Z"),
                    "31 tasks");
            publishRunEvent(accepted);

            assertThat(events.next(Duration.ofSeconds(20))).contains(accepted);
        }
        assertThat(runEventSubscriptions()).as("the temporary subscription is deleted at close").isEmpty();
    }

    @Test
    void commandsSharingTheOperatorsSubscriptionEachGetTheirOwnAnswerAndLeaveItInPlace() throws Exception {
        provision();
        String shared = topics.runEventsOperatorSubscription();
        connection.subscriptionAdmin().createSubscription(connection.subscription(shared),
                connection.topic(topics.runEvents()), PushConfig.getDefaultInstance(), 10);
        RunEvent acceptedA = RunEvent.accepted("bf-a", "bf-a", Instant.parse("2024-01-05T10:15:01Z"), "3 tasks");
        RunEvent acceptedB = RunEvent.accepted("bf-b", "bf-b", Instant.parse("2024-01-05T10:15:02Z"), "4 tasks");

        try (PubSubRequestChannel a = new PubSubRequestChannel(options(emulator.hostPort()), new Random(7));
             PubSubRequestChannel b = new PubSubRequestChannel(options(emulator.hostPort()), new Random(8))) {
            RunEventStream eventsA = a.openRunEvents("bf-a", Optional.of(shared));
            RunEventStream eventsB = b.openRunEvents("bf-b", Optional.of(shared));
            // B's answer first: whichever command receives it, it reaches B (A nacks it, it comes back)
            publishRunEvent(acceptedB);
            publishRunEvent(acceptedA);

            assertThat(answer(eventsA, "bf-a")).contains(acceptedA);
            assertThat(answer(eventsB, "bf-b")).contains(acceptedB);
        }
        assertThat(runEventSubscriptions()).as("the operators' subscription stays, no other was made")
                .containsExactly(connection.subscription(shared).toString());
    }

    private static Optional<RunEvent> answer(RunEventStream events, String requestId) {
        return new AwaitedAnswer(requestId, null).awaitFrom(events, Duration.ofSeconds(30), java.time.Clock.systemUTC());
    }

    @Test
    void noEventIsAnEmptyAnswerAfterTheTimeout() {
        provision();

        try (PubSubRequestChannel channel = new PubSubRequestChannel(options(emulator.hostPort()), new Random(7))) {
            Optional<RunEvent> event = channel.openRunEvents("bf-none", Optional.empty()).next(Duration.ofMillis(300));

            assertThat(event).isEmpty();
        }
    }

    @Test
    void missingTopicsAreReportedWithWhatToCheck() {
        try (PubSubRequestChannel channel = new PubSubRequestChannel(options(emulator.hostPort()), new Random(7))) {
            assertThatThrownBy(() -> channel.openRunEvents("bf-x", Optional.empty()))
                    .isInstanceOf(SystemFailureException.class)
                    .hasMessageContaining("cannot create a subscription on " + topics.runEvents())
                    .hasMessageContaining("the Pub/Sub emulator at " + emulator.hostPort())
                    .hasMessageContaining("not found")
                    .hasMessageContaining("--topic-prefix");
        }
    }

    @Test
    void stoppedEmulatorIsReportedAsRefusedWithHowToFixIt() throws Exception {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        String nowhere = "127.0.0.1:" + freePort;

        try (PubSubRequestChannel channel = new PubSubRequestChannel(options(nowhere), new Random(7))) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> channel.openRunEvents("bf-x", Optional.empty()))
                    .isInstanceOf(SystemFailureException.class)
                    .hasMessageContaining("cannot reach the Pub/Sub emulator at " + nowhere)
                    .hasMessageContaining("connection refused")
                    .hasMessageContaining("set --emulator or $PUBSUB_EMULATOR_HOST");
            // A few quick attempts, not the Google client's default minute of retries.
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(PubSubCalls.CALL_TIMEOUT);
        }
    }
}
