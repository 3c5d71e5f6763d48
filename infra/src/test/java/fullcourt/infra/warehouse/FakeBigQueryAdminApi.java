package fullcourt.infra.warehouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * A local stand-in for the BigQuery REST API (v2), just the calls provisioning makes: datasets get/insert/patch,
 * tables get/insert, jobs insert. It keeps what was created, records every request and answers as BigQuery does
 * (404 notFound for what does not exist; an inserted job is DONE at once).
 */
final class FakeBigQueryAdminApi implements AutoCloseable {

    static final String PROJECT = "acme-nba";

    /** One recorded request: method, path below /bigquery/v2/projects/PROJECT, body (null for none). */
    record Request(String method, String path, JsonNode body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DATASET = Pattern.compile("/datasets/([^/]+)");
    private static final Pattern TABLE = Pattern.compile("/datasets/([^/]+)/tables/([^/]+)");

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    final Map<String, ObjectNode> datasets = new ConcurrentHashMap<>();
    final Map<String, ObjectNode> tables = new ConcurrentHashMap<>();

    private FakeBigQueryAdminApi(HttpServer server) {
        this.server = server;
    }

    static FakeBigQueryAdminApi start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            FakeBigQueryAdminApi api = new FakeBigQueryAdminApi(server);
            server.createContext("/", api::handle);
            server.start();
            return api;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Requests that change something (POST, PATCH, PUT). */
    List<Request> writes() {
        return requests.stream().filter(r -> !r.method().equals("GET")).toList();
    }

    void clearRequests() {
        requests.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String prefix = "/bigquery/v2/projects/" + PROJECT;
        String path = exchange.getRequestURI().getPath();
        if (!path.startsWith(prefix)) {
            respond(exchange, 400, error(400, "invalid", "unexpected path " + path));
            return;
        }
        path = path.substring(prefix.length());
        // The client's HTTP transport (HttpURLConnection) cannot send PATCH: it POSTs with this header instead.
        String override = exchange.getRequestHeaders().getFirst("X-HTTP-Method-Override");
        String method = override == null ? exchange.getRequestMethod() : override;
        JsonNode body = readBody(exchange);
        requests.add(new Request(method, path, body));
        Matcher table = TABLE.matcher(path);
        Matcher dataset = DATASET.matcher(path);
        if (method.equals("POST") && path.equals("/jobs")) {
            ObjectNode job = ((ObjectNode) body).deepCopy();
            job.putObject("status").put("state", "DONE");
            job.putObject("statistics").put("creationTime", "1").put("startTime", "1").put("endTime", "2");
            respond(exchange, 200, job);
        } else if (method.equals("POST") && path.equals("/datasets")) {
            ObjectNode created = ((ObjectNode) body).deepCopy();
            datasets.put(created.path("datasetReference").path("datasetId").asText(), created);
            respond(exchange, 200, created);
        } else if (table.matches() && method.equals("GET")) {
            ObjectNode existing = tables.get(table.group(1) + "." + table.group(2));
            respond(exchange, existing == null ? 404 : 200, existing == null ? notFound(path) : existing);
        } else if (path.matches("/datasets/[^/]+/tables") && method.equals("POST")) {
            ObjectNode created = ((ObjectNode) body).deepCopy();
            created.put("type", "TABLE"); // BigQuery fills it in; the client needs it
            JsonNode ref = created.path("tableReference");
            tables.put(ref.path("datasetId").asText() + "." + ref.path("tableId").asText(), created);
            respond(exchange, 200, created);
        } else if (dataset.matches() && method.equals("GET")) {
            ObjectNode existing = datasets.get(dataset.group(1));
            respond(exchange, existing == null ? 404 : 200, existing == null ? notFound(path) : existing);
        } else if (dataset.matches() && (method.equals("PATCH") || method.equals("PUT"))) {
            ObjectNode existing = datasets.get(dataset.group(1));
            existing.setAll((ObjectNode) body);
            respond(exchange, 200, existing);
        } else {
            respond(exchange, 400, error(400, "invalid", "unexpected " + method + " " + path));
        }
    }

    static ObjectNode table(String dataset, String table, String partitionField) {
        ObjectNode resource = JSON.createObjectNode();
        resource.putObject("tableReference").put("projectId", PROJECT).put("datasetId", dataset).put("tableId", table);
        resource.put("type", "TABLE");
        if (partitionField != null) {
            resource.putObject("timePartitioning").put("type", "DAY").put("field", partitionField);
        }
        return resource;
    }

    static ObjectNode dataset(String dataset, String location) {
        ObjectNode resource = JSON.createObjectNode();
        resource.putObject("datasetReference").put("projectId", PROJECT).put("datasetId", dataset);
        resource.put("location", location);
        return resource;
    }

    private static ObjectNode notFound(String path) {
        return error(404, "notFound", "Not found: " + path);
    }

    private static ObjectNode error(int code, String reason, String message) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode error = root.putObject("error").put("code", code).put("message", message);
        error.putArray("errors").addObject().put("reason", reason).put("message", message).put("domain", "global");
        return root;
    }

    private static JsonNode readBody(HttpExchange exchange) throws IOException {
        InputStream in = exchange.getRequestBody();
        if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
            in = new GZIPInputStream(in);
        }
        byte[] bytes = in.readAllBytes();
        return bytes.length == 0 ? null : JSON.readTree(bytes);
    }

    private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
