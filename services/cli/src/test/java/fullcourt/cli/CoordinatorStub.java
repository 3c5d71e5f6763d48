package fullcourt.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

/** The coordinator's REST API played by a local HTTP server on a free port: canned answers, recorded requests. */
final class CoordinatorStub implements AutoCloseable {

    /** One request as the stub received it. */
    record Received(String method, String path, String query, String contentType, String client, String body) {
    }

    private record Answer(int status, String body) {
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, Deque<Answer>> inTurn = new ConcurrentHashMap<>();
    private final HttpServer server;

    CoordinatorStub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code method path} (e.g. "GET /runs") with {@code status} and a JSON {@code body}. */
    CoordinatorStub answer(String methodAndPath, int status, String body) {
        answers.put(methodAndPath, new Answer(status, body));
        return this;
    }

    /** Answers {@code method path} with each body in turn, 200, the last one from then on: a run that moves on. */
    CoordinatorStub answerInTurn(String methodAndPath, String... bodies) {
        Deque<Answer> queue = new ConcurrentLinkedDeque<>();
        for (String body : bodies) {
            queue.add(new Answer(200, body));
        }
        inTurn.put(methodAndPath, queue);
        return this;
    }

    Received only() {
        if (received.size() != 1) {
            throw new AssertionError("expected one request, got " + received);
        }
        return received.get(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        byte[] in = exchange.getRequestBody().readAllBytes();
        received.add(new Received(method, path, exchange.getRequestURI().getRawQuery(),
                exchange.getRequestHeaders().getFirst("Content-Type"),
                exchange.getRequestHeaders().getFirst("X-Fullcourt-Client"), new String(in, StandardCharsets.UTF_8)));
        String key = method + " " + path;
        Deque<Answer> queued = inTurn.get(key);
        Answer answer = queued != null && queued.size() > 1 ? queued.poll()
                : queued != null ? queued.peek() : answers.getOrDefault(key, new Answer(404, ""));
        byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
        if (out.length > 0) {
            exchange.getResponseBody().write(out);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
