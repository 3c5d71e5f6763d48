package fullcourt.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import fullcourt.infra.access.AccessMatrix;
import fullcourt.infra.access.FullcourtService;
import fullcourt.infra.access.ServiceAccess;
import fullcourt.infra.catalog.CatalogTables;
import fullcourt.messages.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What the coordinator is configured to pull and publish against what provisioning grants its service account
 * (infra's AccessMatrix): in production a subscription or topic outside its grants fails with PERMISSION_DENIED. Its
 * readiness checks add no Pub/Sub call of their own (PubSubReadinessCheck reports the pulls).
 */
class CoordinatorAccessTest {

    private final ServiceAccess granted;
    private final Properties channels = new Properties();

    CoordinatorAccessTest() throws IOException {
        try (InputStream catalog = getClass().getResourceAsStream("/coordinator-test-catalog.json");
             InputStream config = getClass().getResourceAsStream("/META-INF/microprofile-config.properties")) {
            granted = AccessMatrix.of(CatalogTables.read(catalog, "coordinator-test-catalog.json"), Topics.DEFAULT)
                    .of(FullcourtService.COORDINATOR);
            channels.load(config);
        }
    }

    @Test
    void itPullsExactlyTheSubscriptionsItIsGranted() {
        Set<String> pulled = channels.stringPropertyNames().stream()
                .filter(k -> k.startsWith("mp.messaging.incoming.") && k.endsWith(".subscription"))
                .flatMap(k -> Arrays.stream(channels.getProperty(k).split(",")).map(String::trim))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(pulled).containsExactlyInAnyOrderElementsOf(granted.subscriptions());
        assertThat(pulled).doesNotContain(Topics.DEFAULT.taskEvents()); // a topic, where it has no role
    }

    @Test
    void everyTopicItPublishesToIsGrantedAndTaskEventsIsNotAmongThem() {
        Set<String> published = new TreeSet<>();
        channels.stringPropertyNames().stream().filter(k -> k.startsWith("mp.messaging.outgoing.") && k.endsWith(".topic"))
                .forEach(k -> published.add(channels.getProperty(k)));
        for (int phase : Topics.PHASES) {
            published.add(Topics.DEFAULT.work(phase)); // Coordinator.dispatchReady
        }
        published.add(Topics.DEFAULT.rawUpdatesDeadLetter()); // RawUpdateIntake, an unreadable raw update

        assertThat(granted.publishes()).containsAll(published);
        assertThat(granted.publishes()).doesNotContain(Topics.DEFAULT.taskEvents());
    }
}
