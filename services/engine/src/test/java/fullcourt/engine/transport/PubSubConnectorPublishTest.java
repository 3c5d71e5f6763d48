package fullcourt.engine.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fullcourt.messages.MessageCodec;
import fullcourt.messages.RunEvent;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.mutiny.Multi;
import fullcourt.infra.PubSubEmulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An outgoing channel on the emulator: a message that cannot be published is nacked to its sender and the channel
 * goes on (an exception in it once terminated the coordinator's channel, and every later dispatch waited 60 s and
 * failed); a channel whose publishes fail in Pub/Sub is reported, and recovers with its next success.
 */
class PubSubConnectorPublishTest {

    private static PubSubEmulator emulator;
    private static PubSubRuntime runtime;
    private static PubSubConnector connector;

    @BeforeAll
    static void start() {
        emulator = PubSubEmulator.start();
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(PubSubConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(Map.of("fullcourt.pubsub.emulator-host", emulator.hostPort(),
                        "fullcourt.pubsub.topic-prefix", "t" + UUID.randomUUID().toString().substring(0, 8) + "-"),
                        "test", 100))
                .build();
        runtime = new PubSubRuntime(config.getConfigMapping(PubSubConfig.class));
        connector = new PubSubConnector(runtime, Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        if (connector != null) {
            connector.close();
        }
        if (runtime != null) {
            runtime.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    /** A message whose ack or nack is recorded: "acked" once Pub/Sub confirmed it, else the nack's reason. */
    private record Sent(Message<Object> message, CompletableFuture<String> outcome) {
        static Sent of(Object payload, String topic) {
            CompletableFuture<String> outcome = new CompletableFuture<>();
            Message<Object> m = Message.of(payload, Metadata.of(new OutgoingPubSubMetadata(topic, Map.of())), () -> {
                outcome.complete("acked");
                return CompletableFuture.completedFuture(null);
            }, failure -> {
                outcome.complete("nacked: " + failure.getMessage());
                return CompletableFuture.completedFuture(null);
            });
            return new Sent(m, outcome);
        }
    }

    @SuppressWarnings("unchecked")
    private static void sendThrough(String channel, List<Sent> messages) {
        SmallRyeConfig channelConfig = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(
                Map.of("channel-name", channel, "topic", fullcourt.messages.Topics.DEFAULT.runEvents()), "channel", 100))
                .build();
        Flow.Subscriber<Message<?>> subscriber = (Flow.Subscriber<Message<?>>) connector.getSubscriber(channelConfig);
        Multi.createFrom().iterable(messages).map(s -> (Message<?>) s.message()).subscribe(subscriber);
    }

    @Test
    void aMessageTooLargeToEncodeIsNackedAndTheMessagesAfterItAreStillPublished() {
        runtime.connection(); // provisions the topology
        RunEvent tooLarge = RunEvent.accepted("r", "r", Instant.EPOCH, "x".repeat(MessageCodec.MAX_BYTES));
        Sent first = Sent.of(tooLarge, null);
        Sent second = Sent.of(RunEvent.accepted("r", "r", Instant.EPOCH, "plan"), null);

        sendThrough("run-events-out", List.of(first, second));

        assertThat(first.outcome()).succeedsWithin(Duration.ofSeconds(30))
                .satisfies(o -> assertThat(o).startsWith("nacked: RunEvent: ").contains("exceeds the 65536-byte limit"));
        assertThat(second.outcome()).succeedsWithin(Duration.ofSeconds(30)).isEqualTo("acked");
        assertThat(connector.publishHealth().failingChannels()).doesNotContainKey("run-events-out");
    }

    @Test
    void aChannelWhosePublishesFailIsReportedUntilOneSucceeds() {
        runtime.connection();
        Sent lost = Sent.of(RunEvent.accepted("r", "r", Instant.EPOCH, "plan"), "no-such-topic");
        sendThrough("failing-out", List.of(lost));
        assertThat(lost.outcome()).succeedsWithin(Duration.ofSeconds(60)).asString().startsWith("nacked: ");
        assertThat(connector.publishHealth().failingChannels()).containsKey("failing-out");

        Sent fine = Sent.of(RunEvent.accepted("r", "r", Instant.EPOCH, "plan"), null);
        sendThrough("failing-out", List.of(fine));
        assertThat(fine.outcome()).succeedsWithin(Duration.ofSeconds(30)).isEqualTo("acked");
        await().atMost(Duration.ofSeconds(5)).until(() -> !connector.publishHealth().failingChannels()
                .containsKey("failing-out"));
    }
}
