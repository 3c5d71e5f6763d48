package fullcourt.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PubSubEmulatorDiscoveryTest {

    private static final PubSubEmulator.SdkRootLookup NO_GCLOUD = Optional::empty;

    @TempDir
    Path dir;

    @Test
    void overrideNamingAMissingFileIsAnErrorThatSaysHowToInstall() {
        String missing = dir.resolve("no-such-emulator.jar").toString();

        assertThatThrownBy(() -> PubSubEmulator.locateJar(missing, () -> Optional.of(dir)))
                .isInstanceOf(EmulatorNotFoundException.class)
                .hasMessageContaining("PUBSUB_EMULATOR_JAR=" + missing + " is not a file")
                .hasMessageContaining("gcloud components install pubsub-emulator")
                .hasMessageContaining("sudo apt-get install google-cloud-cli-pubsub-emulator");
    }

    @Test
    void overrideNamingAFileWinsOverGcloud() throws IOException {
        Path jar = Files.createFile(dir.resolve("emulator.jar"));

        assertThat(PubSubEmulator.locateJar(jar.toString(), NO_GCLOUD)).isEqualTo(jar);
    }

    @Test
    void missingGcloudIsAnErrorThatSaysHowToInstall() {
        assertThatThrownBy(() -> PubSubEmulator.locateJar(null, NO_GCLOUD))
                .isInstanceOf(EmulatorNotFoundException.class)
                .hasMessageContaining("gcloud")
                .hasMessageContaining("gcloud components install pubsub-emulator")
                .hasMessageContaining("PUBSUB_EMULATOR_JAR");
    }

    @Test
    void sdkWithoutTheEmulatorComponentIsAnErrorThatSaysHowToInstall() {
        assertThatThrownBy(() -> PubSubEmulator.locateJar("", () -> Optional.of(dir)))
                .isInstanceOf(EmulatorNotFoundException.class)
                .hasMessageContaining("no cloud-pubsub-emulator-*.jar in " + dir.resolve("platform/pubsub-emulator/lib"))
                .hasMessageContaining("sudo apt-get install google-cloud-cli-pubsub-emulator");
    }

    @Test
    void findsTheNewestEmulatorJarUnderTheSdkRoot() throws IOException {
        Path lib = Files.createDirectories(dir.resolve("platform/pubsub-emulator/lib"));
        Files.createFile(lib.resolve("cloud-pubsub-emulator-0.8.19-all.jar"));
        Path newest = Files.createFile(lib.resolve("cloud-pubsub-emulator-0.8.20-all.jar"));
        Files.createFile(lib.resolve("unrelated.jar"));

        assertThat(PubSubEmulator.locateJar(null, () -> Optional.of(dir))).isEqualTo(newest);
    }

    @Test
    void aJarThatIsNotAnEmulatorFailsWithTheTailOfItsLog() throws IOException {
        Path notAJar = Files.writeString(dir.resolve("broken.jar"), "not a zip");

        assertThatThrownBy(() -> PubSubEmulator.start(notAJar, Duration.ofSeconds(30), dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exited with code")
                .hasMessageContaining("broken.jar");
        // The failed start leaves its log behind for the operator; here it is in the test's own directory.
        try (var logs = Files.list(dir)) {
            assertThat(logs.map(p -> p.getFileName().toString())).anyMatch(name -> name.startsWith("pubsub-emulator-"));
        }
    }
}
