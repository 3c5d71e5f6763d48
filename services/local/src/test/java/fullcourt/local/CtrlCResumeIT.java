package fullcourt.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged run command (target/quarkus-app, built by {@code package} before this integration
 * test) interrupted with Ctrl-C in the middle of a backfill: it stops cleanly, nothing running is
 * left behind, and the same command resumes the run to the end.
 */
class CtrlCResumeIT {

    private static final String RUN_ID = "backfill-2021-10-19-2021-11-01";
    private static final long GUARD_MINUTES = 5;
    /** SIGINT (signal 2) in a /proc signal mask: bit n-1 stands for signal n. */
    private static final long SIGINT_MASK = 1L << 1;

    @TempDir
    Path dir;
    private final List<Process> started = new ArrayList<>();

    /** A failed run leaves nothing behind: the all-in-ones and their emulators are killed. */
    @AfterEach
    void killLeftovers() {
        for (Process p : started) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    @Test
    void ctrlCStopsEverythingCleanlyAndTheSameCommandResumes() throws Exception {
        assertThat(sigintIgnored())
                .as("SIGINT is ignored in this environment (SigIgn of /proc/self/status): a process started in the"
                        + " background of a non-interactive shell (`cmd &`, nohup) ignores Ctrl-C, and so do the"
                        + " all-in-ones this test starts, which no program can undo; run the build in the foreground")
                .isFalse();
        List<String> command = command();

        Process first = start(command, "first.log");
        List<ProcessHandle> children = awaitLine(first, dir.resolve("first.log"), "Published backfill " + RUN_ID)
                ? first.descendants().toList() : List.of();
        assertThat(children).as("the embedded Pub/Sub emulator runs under the all-in-one").isNotEmpty();
        // a progress line: tasks are being dispatched and run when Ctrl-C comes
        assertThat(awaitLine(first, dir.resolve("first.log"), "phase 3")).isTrue();
        new ProcessBuilder("kill", "-INT", String.valueOf(first.pid())).start().waitFor();

        assertThat(first.waitFor(GUARD_MINUTES, TimeUnit.MINUTES)).as("exits after Ctrl-C").isTrue();
        String out = Files.readString(dir.resolve("first.log"));
        assertThat(first.exitValue()).as(out).isEqualTo(130);
        assertThat(out).contains("Stopped: run " + RUN_ID + " is not finished. The same command resumes it.");
        String shutdown = out.substring(out.indexOf("Stopped: run"));
        // the order of shutdown: pulling stops, work drains, then Pub/Sub closes; no pull, publish or
        // nack fails on an emulator already gone
        assertThat(shutdown.lines().filter(l -> l.contains(" ERROR ") || l.contains("UNAVAILABLE")).toList())
                .as("errors logged while stopping").isEmpty();
        for (ProcessHandle child : children) {
            child.onExit().get(GUARD_MINUTES, TimeUnit.MINUTES);
            assertThat(child.isAlive()).as("emulator process %d stopped", child.pid()).isFalse();
        }

        Process second = start(command, "second.log");
        assertThat(second.waitFor(GUARD_MINUTES * 2, TimeUnit.MINUTES)).as("the resumed run finishes").isTrue();
        String resumed = Files.readString(dir.resolve("second.log"));
        assertThat(resumed).contains("Resuming run " + RUN_ID + " (in progress)");
        assertThat(resumed).containsPattern("Run " + RUN_ID + " finished in .*DEAD=0");
        assertThat(second.exitValue()).as(resumed).isZero();

        // the terminal gets the live view (its non-terminal form here: a line per phase every few seconds), never a
        // line per task: those go to the log file under the data directory
        assertThat(resumed).contains("phase 3");
        assertThat(resumed.lines().filter(l -> l.contains(": SUCCEEDED in ")).toList())
                .as("per-task lines on the terminal").isEmpty();
        assertThat(Files.readString(dir.resolve("data/logs/fullcourt.log"))).contains(": SUCCEEDED in ");
    }

    private List<String> command() throws IOException {
        Path jar = Path.of(System.getProperty("fullcourt.it.jar", "target/quarkus-app/quarkus-run.jar")).toAbsolutePath();
        assertThat(jar).as("the packaged all-in-one; run through `./mvnw verify`").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-Dfullcourt.local.seasons=2021-22",
                "-Dfullcourt.local.from=2021-10-19",
                "-Dfullcourt.local.to=2021-11-01",
                "-Dquarkus.http.port=" + freePort(),
                "-Dfullcourt.pubsub.embedded-port=" + freePort()));
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }

    private Process start(List<String> command, String log) throws IOException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(log).toFile()).start();
        started.add(p);
        return p;
    }

    /** Whether {@code text} appears in the log before the process exits (or the guard passes). */
    private static boolean awaitLine(Process process, Path log, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(GUARD_MINUTES);
        while (System.nanoTime() < deadline) {
            if (Files.readString(log).contains(text)) {
                return true;
            }
            if (process.waitFor(200, TimeUnit.MILLISECONDS)) {
                return Files.readString(log).contains(text);
            }
        }
        return false;
    }

    /** Whether this JVM inherited SIGINT as ignored (its children inherit it too): SigIgn's bit for signal 2, on Linux. */
    private static boolean sigintIgnored() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return false; // not Linux: nothing to tell
        }
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("SigIgn:"))
                .map(l -> Long.parseUnsignedLong(l.substring("SigIgn:".length()).trim(), 16))
                .anyMatch(mask -> (mask & SIGINT_MASK) != 0);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
