package fullcourt.engine.testing;

import fullcourt.infra.PubSubEmulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * Starts Google's Pub/Sub emulator on a free port for a Quarkus test and points the application at
 * it, with a fresh topic prefix and a fresh DuckDB file so tests never see each other's messages.
 */
public class PubSubEmulatorResource implements QuarkusTestResourceLifecycleManager {

    private PubSubEmulator emulator;
    private Path dir;

    @Override
    public Map<String, String> start() {
        emulator = PubSubEmulator.start();
        try {
            dir = Files.createTempDirectory("fullcourt-test");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return Map.of(
                "fullcourt.pubsub.emulator-host", emulator.hostPort(),
                "fullcourt.pubsub.topic-prefix", "t" + UUID.randomUUID().toString().substring(0, 8) + "-",
                "fullcourt.warehouse.duckdb-path", dir.resolve("warehouse.duckdb").toString());
    }

    @Override
    public void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }
}
