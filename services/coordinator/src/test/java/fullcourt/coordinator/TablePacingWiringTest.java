package fullcourt.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fullcourt.engine.testing.PubSubEmulatorResource;
import fullcourt.engine.testing.TopicProbe;
import fullcourt.engine.transport.PubSubConnector;
import fullcourt.engine.transport.PubSubRuntime;
import fullcourt.messages.BackfillRequest;
import fullcourt.messages.MessageCodec;
import fullcourt.messages.Topics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.junit.jupiter.api.Test;

/**
 * The coordinator paces dispatches per output table and wakes itself when a table's window frees: no task event
 * comes in this test (nobody answers the work), yet the second date goes out once the first leaves the 10 s window
 * (the test catalog lets processor a run 2 at once, so only the pacing holds it).
 */
@QuarkusTest
@QuarkusTestResource(PubSubEmulatorResource.class)
@TestProfile(TablePacingWiringTest.OnePerTenSeconds.class)
class TablePacingWiringTest {

    /** One dispatch per table and 10 s. */
    public static class OnePerTenSeconds implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("fullcourt.coordinator.table-dispatches-per-10s", "1");
        }
    }

    @Inject
    PubSubRuntime runtime;
    @Inject
    @Connector(PubSubConnector.NAME)
    PubSubConnector connector;

    @Test
    void aPacedTableGetsItsNextDispatchWhenItsWindowFreesWithoutAnyOtherEvent() throws Exception {
        LocalDate d1 = LocalDate.of(2022, 3, 1);
        try (TopicProbe phase3 = new TopicProbe(runtime, Topics.DEFAULT.work(3))) {
            connector.publishRaw(Topics.DEFAULT.backfillRequests(), MessageCodec.encode(
                    BackfillRequest.forRange("paced", d1, d1.plusDays(1)).withPhases(List.of(3))), Map.of())
                    .toCompletableFuture().get();
            await().atMost(Duration.ofSeconds(30)).until(() -> phase3.messages().size() == 1);
            Instant first = Instant.now();
            await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(6))
                    .until(() -> phase3.messages().size() == 1);
            await().atMost(Duration.ofSeconds(20)).until(() -> phase3.messages().size() == 2);
            // the second left 10 s after the first (which went out before `first`), less 1 s of slack for the
            // probe's delivery of the first
            assertThat(Duration.between(first, Instant.now())).isGreaterThan(Duration.ofSeconds(9));
        }
    }
}
