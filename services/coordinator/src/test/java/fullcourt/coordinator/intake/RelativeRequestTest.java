package fullcourt.coordinator.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fullcourt.engine.testing.PubSubEmulatorResource;
import fullcourt.engine.testing.TopicProbe;
import fullcourt.engine.transport.PubSubConnector;
import fullcourt.engine.transport.PubSubRuntime;
import fullcourt.messages.RunEvent;
import fullcourt.messages.RunEventType;
import fullcourt.messages.Topics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.junit.jupiter.api.Test;

/** A fixed scheduler message with relative dates and no request id, through the coordinator's request path. */
@QuarkusTest
@QuarkusTestResource(PubSubEmulatorResource.class)
class RelativeRequestTest {

    @Inject
    PubSubRuntime runtime;
    @Inject
    @Connector(PubSubConnector.NAME)
    PubSubConnector connector;

    @Test
    void relativeDatesAreResolvedInNewYorkAndTheRunIdIsDerived() throws Exception {
        // a dry run: planned and answered, nothing dispatched that this test would have to complete
        byte[] body = """
                {"schemaVersion": 1, "processors": ["a"], "cascade": false, "from": "yesterday", "to": "today",
                 "dryRun": true}
                """.getBytes(StandardCharsets.UTF_8);
        LocalDate today = LocalDate.now(ZoneId.of("America/New_York"));
        try (TopicProbe runEvents = new TopicProbe(runtime, Topics.DEFAULT.runEvents())) {
            connector.publishRaw(Topics.DEFAULT.backfillRequests(), body, Map.of()).toCompletableFuture().get();

            await().atMost(Duration.ofSeconds(30)).until(() -> !runEvents.messages().isEmpty());
            RunEvent answer = runEvents.decoded(RunEvent.class).get(0);
            // the day may have turned in New York since `today` was read
            LocalDate day = answer.runId().startsWith("auto-" + today.minusDays(1)) ? today : today.plusDays(1);
            assertThat(answer.type()).isEqualTo(RunEventType.ACCEPTED);
            assertThat(answer.runId()).startsWith("auto-" + day.minusDays(1) + "-");
            assertThat(answer.requestId()).isEqualTo(answer.runId());
            assertThat(answer.plan()).contains("DRY RUN", "2 tasks over 2 dates, " + day.minusDays(1) + " to " + day);
        }
    }
}
