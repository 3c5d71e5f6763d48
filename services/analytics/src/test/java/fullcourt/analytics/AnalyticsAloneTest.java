package fullcourt.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.pubsub.v1.PubsubMessage;
import fullcourt.engine.testing.PubSubEmulatorResource;
import fullcourt.engine.testing.TopicProbe;
import fullcourt.engine.transport.PubSubConnector;
import fullcourt.engine.transport.PubSubRuntime;
import fullcourt.messages.DateWork;
import fullcourt.messages.MessageCodec;
import fullcourt.messages.TaskEvent;
import fullcourt.messages.TaskEventType;
import fullcourt.messages.Topics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.junit.jupiter.api.Test;

/**
 * The phase 3 service deployed alone: work it cannot do (an unknown processor, a message that is
 * not DateWork) goes straight to the phase's dead-letter topic, with its error, and is not retried.
 */
@QuarkusTest
@QuarkusTestResource(PubSubEmulatorResource.class)
class AnalyticsAloneTest {

    @Inject
    PubSubRuntime runtime;
    @Inject
    @Connector(PubSubConnector.NAME)
    PubSubConnector connector;

    @Test
    void workItCannotDoIsDeadLetteredAtOnceWithItsError() throws Exception {
        try (TopicProbe dlq = new TopicProbe(runtime, Topics.DEFAULT.workDeadLetter(3));
             TopicProbe events = new TopicProbe(runtime, Topics.DEFAULT.taskEvents())) {
            // signed as the coordinator signs, under the local key (no fullcourt.dispatch.key in tests)
            DateWork unknown = fullcourt.messages.DispatchToken.withKey(fullcourt.engine.trust.DispatchTokens.LOCAL_KEY)
                    .signed(DateWork.of("r1", "nope/2022-01-01", "nope", LocalDate.of(2022, 1, 1), 1));
            connector.publishRaw(Topics.DEFAULT.work(3), MessageCodec.encode(unknown), unknown.attributes())
                    .toCompletableFuture().get();
            connector.publishRaw(Topics.DEFAULT.work(3), "{not json".getBytes(StandardCharsets.UTF_8), Map.of())
                    .toCompletableFuture().get();

            await().atMost(Duration.ofSeconds(30)).until(() -> dlq.messages().size() == 2);
            PubsubMessage deadUnknown = dlq.messages().stream()
                    .filter(m -> m.getAttributesMap().containsKey("runId")).findFirst().orElseThrow();
            assertThat(deadUnknown.getAttributesMap())
                    .containsEntry("CloudPubSubDeadLetterSourceDeliveryCount", "1")
                    .hasEntrySatisfying("fullcourtError", e -> assertThat(e).contains("processor 'nope' is not served"));
            PubsubMessage deadGarbage = dlq.messages().stream()
                    .filter(m -> !m.getAttributesMap().containsKey("runId")).findFirst().orElseThrow();
            assertThat(deadGarbage.getAttributesMap().get("fullcourtError")).contains("invalid work message");

            await().atMost(Duration.ofSeconds(30)).until(() -> !events.messages().isEmpty());
            TaskEvent failed = events.decoded(TaskEvent.class).get(0);
            assertThat(failed.type()).isEqualTo(TaskEventType.ATTEMPT_FAILED);
            assertThat(failed.retryable()).isFalse();
            assertThat(failed.taskId()).isEqualTo("nope/2022-01-01");
        }
    }
}
