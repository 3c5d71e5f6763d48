package fullcourt.infra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Google's Pub/Sub emulator (the Google Cloud CLI component) running as a child process on a free local port.
 *
 * <p>Run {@link #main} to start one for manual use; it prints the address and runs until killed.
 */
public final class PubSubEmulator implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PubSubEmulator.class);

    /** Environment variable naming the emulator jar, overriding discovery through {@code gcloud}. */
    public static final String JAR_ENV = "PUBSUB_EMULATOR_JAR";

    static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration GCLOUD_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final String JAR_GLOB = "cloud-pubsub-emulator-*.jar";
    private static final String HOST = "127.0.0.1";
    private static final int LOG_TAIL_LINES = 40;

    private final Process process;
    private final int port;
    private final Path logFile;
    private final AtomicBoolean closed = new AtomicBoolean();
    // Stops the emulator should this JVM exit without close(), e.g. a test run interrupted with Ctrl-C.
    private final Thread stopOnExit;

    private PubSubEmulator(Process process, int port, Path logFile) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
        this.stopOnExit = new Thread(() -> {
            closed.set(true);
            stopProcess();
            deleteLog();
        }, "pubsub-emulator-stop-" + port);
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /**
     * Starts the emulator found by {@link #findJar()} and waits until it answers.
     *
     * @throws EmulatorNotFoundException when there is no emulator to start; its message says how to install one
     * @throws IllegalStateException when the emulator exits or does not answer within 60 s; the message ends with its log
     */
    public static PubSubEmulator start() {
        return start(locateJar(System.getenv(JAR_ENV), PubSubEmulator::gcloudSdkRoot), STARTUP_TIMEOUT, tempDirectory());
    }

    /**
     * Starts the emulator on a given port ({@code 0}: a free one), so tools outside this process
     * (the CLI) can find it at a known address.
     *
     * @throws IllegalStateException when the port is taken, naming it
     */
    public static PubSubEmulator start(int port) {
        if (port == 0) {
            return start();
        }
        Path jar = locateJar(System.getenv(JAR_ENV), PubSubEmulator::gcloudSdkRoot);
        try (java.net.ServerSocket probe = new java.net.ServerSocket(port, 1, java.net.InetAddress.getByName(HOST))) {
            probe.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " on " + HOST + " is in use (another emulator or Fullcourt"
                    + " running?). Stop it, or choose another port with fullcourt.pubsub.embedded-port (0 = any free port)");
        }
        return startOn(port, jar, STARTUP_TIMEOUT, tempDirectory());
    }

    /** The emulator jar: {@code $PUBSUB_EMULATOR_JAR} if set, else the one installed with the Google Cloud CLI. */
    public static Optional<Path> findJar() {
        try {
            return Optional.of(locateJar(System.getenv(JAR_ENV), PubSubEmulator::gcloudSdkRoot));
        } catch (EmulatorNotFoundException e) {
            LOG.debug(e.getMessage());
            return Optional.empty();
        }
    }

    /** Where the Google Cloud CLI is installed, if it can be asked. */
    interface SdkRootLookup {
        Optional<Path> sdkRoot();
    }

    /**
     * Discovery with its inputs explicit, so it is testable without touching the environment. An override that names
     * a missing file is an error, not a reason to fall back: the operator asked for that jar.
     */
    static Path locateJar(String override, SdkRootLookup lookup) {
        if (override != null && !override.isBlank()) {
            Path jar = Path.of(override);
            if (!Files.isRegularFile(jar)) {
                throw new EmulatorNotFoundException(JAR_ENV + "=" + override + " is not a file");
            }
            return jar;
        }
        Path sdkRoot = lookup.sdkRoot().orElseThrow(() -> new EmulatorNotFoundException(
                "the Google Cloud CLI (gcloud) is not on the PATH or `gcloud info` failed;"
                        + " install the Google Cloud CLI (https://cloud.google.com/sdk/docs/install), then the emulator"));
        Path lib = sdkRoot.resolve("platform/pubsub-emulator/lib");
        return newestJar(lib).orElseThrow(() -> new EmulatorNotFoundException(
                "no " + JAR_GLOB + " in " + lib + " (the pubsub-emulator component of the Google Cloud CLI is not installed)"));
    }

    private static Optional<Path> newestJar(Path lib) {
        if (!Files.isDirectory(lib)) {
            return Optional.empty();
        }
        List<Path> jars = new ArrayList<>();
        try (var stream = Files.newDirectoryStream(lib, JAR_GLOB)) {
            stream.forEach(jars::add);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + lib, e);
        }
        // Normally exactly one; should an upgrade leave two, the lexically greatest is the newest 0.x release.
        return jars.stream().filter(Files::isRegularFile).max(Comparator.comparing(Path::toString));
    }

    static Optional<Path> gcloudSdkRoot() {
        Process gcloud;
        try {
            gcloud = new ProcessBuilder("gcloud", "info", "--format=value(installation.sdk_root)")
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException notOnPath) {
            LOG.debugf("gcloud could not be run: %s", notOnPath.getMessage());
            return Optional.empty();
        }
        // Wait first, read after: the answer is one short line, well within the pipe's buffer.
        try (BufferedReader out = new BufferedReader(new InputStreamReader(gcloud.getInputStream(), StandardCharsets.UTF_8))) {
            if (!gcloud.waitFor(GCLOUD_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                LOG.warnf("`gcloud info` did not answer within %s", GCLOUD_TIMEOUT);
                gcloud.destroyForcibly();
                return Optional.empty();
            }
            String root = out.readLine();
            if (gcloud.exitValue() != 0 || root == null || root.isBlank()) {
                return Optional.empty();
            }
            return Optional.of(Path.of(root.trim()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            gcloud.destroyForcibly();
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Starts the given emulator jar with this JVM's {@code java} on a free port and waits until it answers "Ok". */
    static PubSubEmulator start(Path jar, Duration timeout, Path logDirectory) {
        for (int attempt = 1; ; attempt++) {
            try {
                return startOnFreePort(jar, timeout, logDirectory);
            } catch (PortTakenException e) {
                if (attempt == 3) {
                    throw e;
                }
                LOG.infof("Port %s was taken before the emulator bound it; trying another", e.hostPort);
            }
        }
    }

    /** The emulator exited because another process bound its port between our check and its start. */
    private static final class PortTakenException extends IllegalStateException {
        final String hostPort;

        PortTakenException(String hostPort, String logTail) {
            super("The Pub/Sub emulator could not bind " + hostPort + ":\n" + logTail);
            this.hostPort = hostPort;
        }
    }

    private static PubSubEmulator startOnFreePort(Path jar, Duration timeout, Path logDirectory) {
        return startOn(freePort(), jar, timeout, logDirectory);
    }

    private static PubSubEmulator startOn(int port, Path jar, Duration timeout, Path logDirectory) {
        Path logFile;
        Process process;
        try {
            logFile = Files.createTempFile(logDirectory, "pubsub-emulator-", ".log");
            process = new ProcessBuilder(javaCommand(), "-jar", jar.toString(), "--host=" + HOST, "--port=" + port)
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the Pub/Sub emulator " + jar, e);
        }
        stopWhenThisJvmDies(process);
        PubSubEmulator emulator = new PubSubEmulator(process, port, logFile);
        LOG.infof("Starting the Pub/Sub emulator %s on %s (log: %s)", jar.getFileName(), emulator.hostPort(), logFile);
        try {
            emulator.awaitReady(timeout);
        } catch (RuntimeException e) {
            // The log stays behind: the exception names it.
            emulator.closed.set(true);
            emulator.removeShutdownHook();
            emulator.stopProcess();
            throw e;
        }
        return emulator;
    }

    /**
     * Leaves stopping to the owner's {@link #close()}: no JVM shutdown hook, which would stop the
     * emulator while the owner's own shutdown still talks to it (hooks run all at once). The
     * watchdog still stops it should the JVM die without {@code close()}.
     */
    public PubSubEmulator stoppedByOwner() {
        removeShutdownHook();
        return this;
    }

    public String hostPort() {
        return HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    /** The file receiving the emulator's output; deleted on {@link #close()}. */
    public Path logFile() {
        return logFile;
    }

    /** Stops the emulator and any process it started, waits for them, and deletes its log. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        removeShutdownHook();
        stopProcess();
        deleteLog();
    }

    private void deleteLog() {
        try {
            Files.deleteIfExists(logFile);
        } catch (IOException e) {
            LOG.debugf("Could not delete %s: %s", logFile, e.getMessage());
        }
    }

    private void removeShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // The hook is already running or has run.
        }
    }

    private void stopProcess() {
        List<ProcessHandle> descendants = process.descendants().toList();
        descendants.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                LOG.warnf("The Pub/Sub emulator on %s did not stop in %s; killing it", hostPort(), STOP_TIMEOUT);
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
            for (ProcessHandle child : descendants) {
                child.destroyForcibly();
                child.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warnf("A child of the Pub/Sub emulator on %s did not stop: %s", hostPort(), e.getMessage());
        }
    }

    /**
     * A shutdown hook does not run on kill -9 (or the OOM killer): the emulator would live on, holding
     * its port, and the next start of the same command would fail on "port in use". A watchdog shell
     * stops it within a second of this JVM's death; it ends by itself when the emulator stops first.
     * Where there is no {@code sh} (Windows) there is no watchdog.
     */
    private static void stopWhenThisJvmDies(Process emulator) {
        long parent = ProcessHandle.current().pid();
        long child = emulator.pid();
        // kills only when the JVM is gone: after a normal stop the emulator's pid may already belong to another process
        String script = "while kill -0 " + parent + " 2>/dev/null && kill -0 " + child + " 2>/dev/null; do sleep 1; done;"
                + " kill -0 " + parent + " 2>/dev/null || kill " + child + " 2>/dev/null";
        try {
            new ProcessBuilder("sh", "-c", script).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            LOG.debugf("No watchdog for the Pub/Sub emulator (%s): if this JVM is killed, stop it by hand", e.getMessage());
        }
    }

    private void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + hostPort() + "/"))
                .timeout(Duration.ofSeconds(2))
                .build();
        Instant deadline = Instant.now().plus(timeout);
        Instant started = Instant.now();
        while (true) {
            if (!process.isAlive()) {
                String tail = logTail();
                if (tail.contains("Address already in use")) {
                    throw new PortTakenException(hostPort(), tail);
                }
                throw new IllegalStateException("The Pub/Sub emulator exited with code " + process.exitValue()
                        + " before answering on " + hostPort() + ". Last lines of " + logFile + ":\n" + tail);
            }
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().trim().equals("Ok")) {
                    LOG.infof("Pub/Sub emulator ready on %s after %d ms", hostPort(),
                            Duration.between(started, Instant.now()).toMillis());
                    return;
                }
            } catch (ConnectException | java.net.http.HttpTimeoutException notYetListening) {
                // Still starting.
            } catch (IOException e) {
                LOG.debugf("Emulator readiness probe failed: %s", e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the Pub/Sub emulator", e);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("The Pub/Sub emulator did not answer on " + hostPort() + " within "
                        + timeout.toSeconds() + " s. Last lines of " + logFile + ":\n" + logTail());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the Pub/Sub emulator", e);
            }
        }
    }

    String logTail() {
        try (Stream<String> lines = Files.lines(logFile, StandardCharsets.UTF_8)) {
            List<String> all = lines.toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - LOG_TAIL_LINES), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static Path tempDirectory() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    // The port is free when we look; the emulator binds it a moment later. A lost race shows up as an early exit.
    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free local port", e);
        }
    }

    /** Starts an emulator, prints its address and the environment variable clients read, and runs until killed. */
    public static void main(String[] args) throws InterruptedException {
        PubSubEmulator emulator;
        try {
            emulator = start();
        } catch (EmulatorNotFoundException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        System.out.println(emulator.hostPort());
        System.out.println("export PUBSUB_EMULATOR_HOST=" + emulator.hostPort());
        System.out.flush();
        // Blocks until the emulator dies on its own, or this JVM is killed and its shutdown hook stops the emulator.
        int exit = emulator.process.waitFor();
        if (emulator.closed.get()) {
            return;
        }
        System.err.println("The Pub/Sub emulator exited with code " + exit + ":\n" + emulator.logTail());
        System.exit(exit == 0 ? 0 : 1);
    }
}
