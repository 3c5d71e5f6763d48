package fullcourt.drills;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged all-in-one (coordinator, every phase's worker, the Pub/Sub emulator, DuckDB) as a
 * subprocess in its own directory: started with drill settings as system properties, killed with
 * SIGKILL or stopped with SIGTERM, its output appended to {@code all-in-one.log} there.
 */
final class AllInOne {

    private final Path jar;
    private final Path dir;
    private final Map<String, String> properties;
    private final int httpPort;
    private final int emulatorPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;

    AllInOne(Path jar, Path dir, Map<String, String> properties) {
        this.jar = jar;
        this.dir = dir;
        this.properties = new LinkedHashMap<>(properties);
        this.httpPort = freePort();
        this.emulatorPort = freePort();
    }

    Path dir() {
        return dir;
    }

    Path log() {
        return dir.resolve("all-in-one.log");
    }

    Path database() {
        return dir.resolve("data/fullcourt.duckdb");
    }

    /** The all-in-one's task-level log (INFO and up); its terminal output carries warnings and errors only. */
    Path taskLog() {
        return dir.resolve("data/logs/fullcourt.log");
    }

    String emulator() {
        return "127.0.0.1:" + emulatorPort;
    }

    /** Starts {@code java -jar quarkus-run.jar ARGS} with the drill's properties plus {@code extra}. */
    AllInOne start(Map<String, String> extra, String... args) throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("already running");
        }
        Files.createDirectories(dir);
        List<String> command = new ArrayList<>(List.of(javaBin(), "-Xmx2g"));
        Map<String, String> all = new LinkedHashMap<>(properties);
        all.put("quarkus.http.port", String.valueOf(httpPort));
        all.put("fullcourt.pubsub.embedded-port", String.valueOf(emulatorPort));
        all.putAll(extra);
        all.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        Files.writeString(log(), "\n=== " + String.join(" ", command) + "\n", java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile())).start();
        return this;
    }

    /** Waits for the process to exit; its exit status. */
    int await(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("the all-in-one did not finish within " + timeout + ": see " + log());
        }
        return process.exitValue();
    }

    /** Waits up to {@code timeout} for the process to exit; whether it did. */
    boolean exited(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The address of {@code path} on the coordinator's HTTP server, e.g. its dashboard. */
    String url(String path) {
        return "http://127.0.0.1:" + httpPort + path;
    }

    /**
     * kill -9 of the JVM alone: no shutdown hook, no flush, nothing. Its children (the Pub/Sub
     * emulator) must stop by themselves; whether they did within 30 s is returned, and any left is
     * killed so the drill can go on.
     */
    boolean kill9() throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        process.waitFor();
        return childrenStopped(children);
    }

    /** Waits for a process that ends by itself with Runtime.halt; whether its children stopped too. */
    boolean awaitHalt(Duration timeout) throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        await(timeout);
        return childrenStopped(children);
    }

    private static boolean childrenStopped(List<ProcessHandle> children) throws InterruptedException {
        boolean stoppedByThemselves = true;
        for (ProcessHandle child : children) {
            try {
                child.onExit().get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                stoppedByThemselves = false;
                child.destroyForcibly();
            }
        }
        return stoppedByThemselves;
    }

    /** Bytes of output so far: where to look from for what a start prints. */
    long logSize() throws IOException {
        return Files.exists(log()) ? Files.size(log()) : 0;
    }

    /** Waits until the output after {@code offset} matches {@code pattern}; false when the process exited first. */
    boolean awaitOutput(java.util.regex.Pattern pattern, long offset, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            byte[] all = Files.readAllBytes(log());
            String since = new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset),
                    java.nio.charset.StandardCharsets.UTF_8);
            if (pattern.matcher(since).find()) {
                return true;
            }
            if (!alive()) {
                return false;
            }
            // following a subprocess's output file: nothing to wait on but time
            Thread.sleep(200);
        }
        throw new IllegalStateException("no " + pattern + " within " + timeout + ": see " + log());
    }

    /** SIGTERM, the clean stop of Ctrl-C. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** GET or POST on the coordinator API; the body, or null when it does not answer (yet). */
    String api(String method, String path, String body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    // the coordinator refuses a state-changing call without it (StateChangeGuard)
                    .header("X-Fullcourt-Client", "drills");
            request = "POST".equals(method)
                    ? request.POST(HttpRequest.BodyPublishers.ofString(body == null ? "{}" : body))
                    : request.GET();
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() < 300 ? response.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Polls the API until it answers {@code path}; the answer. */
    String awaitApi(String path, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String body = api("GET", path, null);
            if (body != null) {
                return body;
            }
            if (!alive()) {
                throw new IllegalStateException("the all-in-one exited: see " + log());
            }
            // polling a subprocess's HTTP API: nothing to wait on but time
            Thread.sleep(500);
        }
        throw new IllegalStateException("no answer on " + path + " within " + timeout + ": see " + log());
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
