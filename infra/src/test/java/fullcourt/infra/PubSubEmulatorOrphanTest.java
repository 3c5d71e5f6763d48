package fullcourt.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A JVM killed with kill -9 runs no shutdown hook; its emulator must not outlive it, or the next
 * start on the same port fails on "port in use" (found by the crash drill, bench/DRILLS.md).
 */
class PubSubEmulatorOrphanTest {

    @Test
    void theEmulatorStopsWhenTheJvmThatStartedItIsKilled() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process jvm = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), PubSubEmulator.class.getName())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
            String hostPort = out.readLine();
            assertThat(hostPort).as("the child JVM prints the emulator's address once it answers").contains(":");
            List<ProcessHandle> emulators = jvm.descendants()
                    .filter(p -> p.info().commandLine().orElse("").contains("--port=")).toList();
            assertThat(emulators).isNotEmpty();

            jvm.destroyForcibly().waitFor();

            for (ProcessHandle emulator : emulators) {
                // the watchdog looks once a second; the emulator then stops on SIGTERM
                assertThat(emulator.onExit().completeOnTimeout(null, 20, TimeUnit.SECONDS).get())
                        .as("emulator %s still running 20 s after its JVM was killed", emulator.pid()).isNotNull();
            }
        } finally {
            jvm.destroyForcibly();
        }
    }
}
