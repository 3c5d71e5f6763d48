package fullcourt.coordinator.freshness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.pubsub.v1.PubsubMessage;
import fullcourt.coordinator.Coordinator;
import fullcourt.engine.testing.PubSubEmulatorResource;
import fullcourt.engine.testing.TopicProbe;
import fullcourt.engine.transport.PubSubConnector;
import fullcourt.engine.transport.PubSubRuntime;
import fullcourt.engine.worker.DeadLetterAttributes;
import fullcourt.messages.MessageCodec;
import fullcourt.messages.RawUpdate;
import fullcourt.messages.Topics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.junit.jupiter.api.Test;

/**
 * The coordinator's raw-updates subscription on the emulator (quiet period 1 s in the test
 * configuration). Its test catalog reads no raw table: the stale runs themselves are tested end to
 * end in services/local.
 */
@QuarkusTest
@QuarkusTestResource(PubSubEmulatorResource.class)
class RawUpdateIntakeTest {

    @Inject
    PubSubRuntime runtime;
    @Inject
    @Connector(PubSubConnector.NAME)
    PubSubConnector connector;
    @Inject
    RawUpdateIntake intake;
    @Inject
    Coordinator coordinator;

    private void publish(byte[] body, Map<String, String> attributes) throws Exception {
        connector.publishRaw(Topics.DEFAULT.rawUpdates(), body, attributes).toCompletableFuture().get();
    }

    @Test
    void anUnreadableRawUpdateGoesToTheDeadLetterTopicWithItsProblemsAndIsNotRedelivered() throws Exception {
        try (TopicProbe dlq = new TopicProbe(runtime, Topics.DEFAULT.rawUpdatesDeadLetter())) {
            byte[] bad = """
                    {"schemaVersion": 1, "table": "box_scores", "dates": []}
                    """.getBytes(StandardCharsets.UTF_8);
            publish(bad, Map.of("source", "test-loader"));

            await().atMost(Duration.ofSeconds(30)).until(() -> !dlq.messages().isEmpty());
            PubsubMessage dead = dlq.messages().get(0);
            assertThat(dead.getData().toByteArray()).isEqualTo(bad);
            assertThat(dead.getAttributesMap()).containsEntry("source", "test-loader")
                    .containsEntry(DeadLetterAttributes.ERROR, "table: expected raw.<name> (a lowercase letter, then up"
                            + " to 63 lowercase letters, digits or _), got \"box_scores\"; dates: expected 1..2000"
                            + " entries, got 0");
            assertThat(intake.unsettled()).isZero();
        }
    }

    @Test
    void aTableNoProcessorReadsIsAcknowledgedWithoutARun() throws Exception {
        int runsBefore = runs();
        RawUpdate update = RawUpdate.of("raw.injuries", List.of(LocalDate.of(2022, 1, 5)));
        publish(MessageCodec.encode(update), update.attributes());

        // waits its quiet period in a burst, then is settled (acked: nothing reads it)
        await().atMost(Duration.ofSeconds(30)).until(() -> intake.unsettled() == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> intake.unsettled() == 0);
        assertThat(runs()).isEqualTo(runsBefore);
    }

    private int runs() {
        return coordinator.read(s -> s.runs().size());
    }
}
