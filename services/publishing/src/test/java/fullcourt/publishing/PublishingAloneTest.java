package fullcourt.publishing;

import static fullcourt.publishing.ExportFixture.D;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fullcourt.engine.testing.PubSubEmulatorResource;
import fullcourt.engine.testing.TopicProbe;
import fullcourt.engine.transport.PubSubConnector;
import fullcourt.engine.transport.PubSubRuntime;
import fullcourt.engine.warehouse.Warehouse;
import fullcourt.messages.DateWork;
import fullcourt.messages.MessageCodec;
import fullcourt.messages.TaskEvent;
import fullcourt.messages.TaskEventType;
import fullcourt.messages.Topics;
import fullcourt.publishing.validation.ExportValidator;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.junit.jupiter.api.Test;

/**
 * The phase 6 service deployed alone: it starts only if its processors are exactly the catalog's
 * phase 6 entries, and a DateWork for an exporter publishes the file where
 * fullcourt.exports.location says (target/publishing-alone-exports in tests).
 */
@QuarkusTest
@QuarkusTestResource(PubSubEmulatorResource.class)
class PublishingAloneTest {

    @Inject
    PubSubRuntime runtime;
    @Inject
    @Connector(PubSubConnector.NAME)
    PubSubConnector connector;
    @Inject
    Warehouse warehouse;

    @Test
    void dateWorkForAnExporterPublishesItsDocumentAndSucceeds() throws Exception {
        ExportFixture.createTablesAndSchedule(warehouse);
        warehouse.update("""
                INSERT INTO analytics.team_offense_game_summary VALUES
                  ('20231115_NYK_BOS', DATE '2023-11-15', '2023-24', 'regular', 'NYK', 'BOS', FALSE, 101),
                  ('20231115_NYK_BOS', DATE '2023-11-15', '2023-24', 'regular', 'BOS', 'NYK', TRUE, 110)""", Map.of());
        Path file = Path.of("target/publishing-alone-exports").resolve(Export.RESULTS.objectPath(D));
        Files.deleteIfExists(file);

        try (TopicProbe events = new TopicProbe(runtime, Topics.DEFAULT.taskEvents())) {
            // signed as the coordinator signs, under the local key (no fullcourt.dispatch.key in tests)
            DateWork work = fullcourt.messages.DispatchToken.withKey(fullcourt.engine.trust.DispatchTokens.LOCAL_KEY)
                    .signed(DateWork.of("alone", "results_export/" + D, "results_export", D, 1));
            connector.publishRaw(Topics.DEFAULT.work(6), MessageCodec.encode(work), work.attributes())
                    .toCompletableFuture().get();

            await().atMost(Duration.ofSeconds(30)).until(() -> events.decoded(TaskEvent.class).stream()
                    .anyMatch(e -> e.type() == TaskEventType.SUCCEEDED));
        }
        assertThat(ExportValidator.problems(Export.RESULTS, D, Files.readAllBytes(file))).isEmpty();
        assertThat(new String(Files.readAllBytes(file))).contains("\"gameId\":\"20231115_NYK_BOS\"");
    }
}
