package fullcourt.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/** The coordinator's REST API, with failures that say what was tried and how to fix it. */
public final class CoordinatorClient {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_MESSAGE_CHARS = 300;
    /** The coordinator's {@code StateChangeGuard.HEADER}. */
    static final String CLIENT_HEADER = "X-Fullcourt-Client";

    private final URI base;
    private final HttpClient http;

    CoordinatorClient(URI base, HttpClient http) {
        this.base = base;
        this.http = http;
    }

    /** A client for the API under {@code base}, e.g. http://localhost:8080. */
    public static CoordinatorClient at(URI base) {
        return new CoordinatorClient(base, HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build());
    }

    public URI base() {
        return base;
    }

    /** {@code GET /runs}: every run, as the coordinator's JSON. */
    public String runsJson() {
        return send(request("/runs").GET().build(), null);
    }

    /** {@code GET /runs/{id}}: one run with its processors and dead tasks, as the coordinator's JSON. */
    public String runJson(String runId) {
        return send(request(runPath(runId)).GET().build(), runId);
    }

    /** {@code GET /validation}: the warehouse checked over a range (optionally one phase), as the coordinator's JSON. */
    public String validationJson(LocalDate from, LocalDate to, Integer phase) {
        return send(request("/validation?from=" + from + "&to=" + to + (phase == null ? "" : "&phase=" + phase))
                .GET().build(), null);
    }

    /** {@code GET /stale}: stale partitions of a range (null ends: the calendar's) and scope, as its JSON. */
    public String staleJson(LocalDate from, LocalDate to, String processor, Integer phase, int limit) {
        StringBuilder query = new StringBuilder("/stale?limit=" + limit);
        if (from != null) {
            query.append("&from=").append(from);
        }
        if (to != null) {
            query.append("&to=").append(to);
        }
        if (processor != null) {
            query.append("&processor=").append(URLEncoder.encode(processor, StandardCharsets.UTF_8));
        }
        if (phase != null) {
            query.append("&phase=").append(phase);
        }
        return send(request(query.toString()).GET().build(), null);
    }

    /** {@code POST /runs/{id}/replay}: re-dispatches the matching dead tasks (all when both lists are empty). */
    public int replay(String runId, List<String> processors, List<LocalDate> dates) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode processorArray = body.putArray("processors");
        processors.forEach(processorArray::add);
        ArrayNode dateArray = body.putArray("dates");
        dates.forEach(date -> dateArray.add(date.toString()));
        HttpRequest request = change(runPath(runId) + "/replay", body.toString());
        return field(send(request, runId), "replayed", request).asInt();
    }

    /**
     * {@code POST /runs/{id}/ACTION} for {@code cancel} (stop dispatching for good), {@code pause} (until resumed)
     * or {@code resume}: refused, with the coordinator's reason, when the run's state rules it out.
     */
    public void runAction(String runId, String action) {
        send(change(runPath(runId) + "/" + action, "{}"), runId);
    }

    /** The failure of a body that is not what the API documents. */
    SystemFailureException unexpected(String what, String detail) {
        return new SystemFailureException("the coordinator at " + base + " answered " + what
                + " with something else than expected (" + detail + "): is --coordinator the coordinator's URL?");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json");
    }

    /**
     * A call that changes state: a JSON body and the client header, without which the coordinator refuses it (so
     * that no web page can send it from a user's browser).
     */
    private HttpRequest change(String path, String json) {
        return request(path)
                .header("Content-Type", "application/json")
                .header(CLIENT_HEADER, "cli")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
    }

    private static String runPath(String runId) {
        return "/runs/" + URLEncoder.encode(runId, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode field(String body, String name, HttpRequest request) {
        try {
            JsonNode value = JSON.readTree(body).get(name);
            if (value != null) {
                return value;
            }
        } catch (JsonProcessingException e) {
            // reported below
        }
        throw unexpected(describe(request), "no \"" + name + "\" in " + printable(body));
    }

    private String send(HttpRequest request, String runId) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SystemFailureException("cannot reach the coordinator at " + base + " (" + reason(e)
                    + "): is it running? set --coordinator or $" + CoordinatorOptions.ENV, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SystemFailureException("interrupted while waiting for the coordinator at " + base);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response.body();
        }
        String said = serverMessage(response.body());
        if (status == 404 && runId != null) {
            throw new RefusedException(said.isEmpty()
                    ? "no run '" + runId + "' at the coordinator " + base + " (list runs with: fullcourt status)"
                    : said);
        }
        String answer = "the coordinator at " + base + " answered " + status + " to " + describe(request)
                + (said.isEmpty() ? "" : ": " + said);
        if (status == 404) {
            throw new RefusedException(answer + " (is --coordinator the coordinator's URL?)");
        }
        if (status == 409 && !said.isEmpty()) {
            // the run is not in a state for this action: the coordinator says why
            throw new RefusedException(said);
        }
        if (status >= 400 && status < 500) {
            throw new RefusedException(answer);
        }
        throw new SystemFailureException(answer);
    }

    private static String describe(HttpRequest request) {
        return request.method() + " " + request.uri().getRawPath();
    }

    private static String reason(IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return "no connection within " + DurationText.of(CONNECT_TIMEOUT);
        }
        if (e instanceof HttpTimeoutException) {
            return "no answer within " + DurationText.of(REQUEST_TIMEOUT);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnresolvedAddressException) {
                return "unknown host";
            }
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    // The coordinator's errors may come as {"message": ...}, as plain text, or (behind a proxy) as an HTML page.
    private static String serverMessage(String body) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty() || text.startsWith("<")) {
            return "";
        }
        if (text.startsWith("{")) {
            try {
                JsonNode json = JSON.readTree(text);
                for (String name : List.of("message", "details", "title", "error")) {
                    JsonNode value = json.get(name);
                    if (value != null && value.isTextual() && !value.textValue().isBlank()) {
                        return printable(value.textValue());
                    }
                }
            } catch (JsonProcessingException e) {
                // not JSON after all: shown as text
            }
        }
        return printable(text);
    }

    // Server text lands in a terminal: no control characters, one line, bounded.
    private static String printable(String text) {
        String line = text.strip().replaceAll("\\s+", " ").replaceAll("\\p{Cntrl}", "?");
        return line.length() <= MAX_MESSAGE_CHARS ? line : line.substring(0, MAX_MESSAGE_CHARS - 3) + "...";
    }
}
