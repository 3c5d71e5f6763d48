package fullcourt.engine.warehouse.bigquery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * A local stand-in for the BigQuery REST API (v2), just the calls the adapter makes: jobs.insert,
 * jobs.get, jobs.cancel, tables.get, tabledata.list. It records every request and answers from a
 * per-route script (consumed in order), falling back to a default: an inserted job is RUNNING, a
 * polled job is DONE, an unknown table is 404 notFound. Shapes follow the v2 discovery document
 * as the Java client (google-api-services-bigquery) parses it.
 */
final class FakeBigQueryApi implements AutoCloseable {

    static final String PROJECT = "test-project";
    static final String ANONYMOUS_DATASET = "_anon_results";

    enum Route { INSERT_JOB, GET_JOB, CANCEL_JOB, GET_TABLE, LIST_TABLE_DATA }

    /** One recorded request; {@code id} is the job id or "dataset.table" the path names. */
    record Request(Route route, String method, String path, String id, Map<String, String> query, JsonNode body) {
    }

    /** An HTTP answer. */
    record Response(int status, JsonNode body) {
    }

    /** Computes the answer to a request, with access to the jobs inserted so far. */
    @FunctionalInterface
    interface Reply {
        Response to(Request request, FakeBigQueryApi api);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<Route, Deque<Reply>> scripts = new EnumMap<>(Route.class);
    private final Map<Route, Reply> alwaysReplies = new EnumMap<>(Route.class);
    private final Map<String, ObjectNode> jobs = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> tables = new ConcurrentHashMap<>();
    private final Map<String, ArrayNode> tableRows = new ConcurrentHashMap<>();
    private final Map<String, Long> partitionRowCounts = new ConcurrentHashMap<>();
    private volatile ObjectNode queryResultSchema = schema();
    private volatile ArrayNode queryResultRows = NODES.arrayNode();

    private FakeBigQueryApi(HttpServer server) {
        this.server = server;
    }

    static FakeBigQueryApi start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            FakeBigQueryApi api = new FakeBigQueryApi(server);
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

    @Override
    public void close() {
        server.stop(0);
    }

    // ---- scripting -------------------------------------------------------------------------

    synchronized void script(Route route, Reply... replies) {
        Deque<Reply> queue = scripts.computeIfAbsent(route, r -> new ArrayDeque<>());
        queue.addAll(List.of(replies));
    }

    /** Every later request on {@code route} gets {@code reply} (after what is already scripted). */
    synchronized void always(Route route, Reply reply) {
        alwaysReplies.put(route, reply);
    }

    /** The schema and rows every query's anonymous result table holds. */
    void queryResult(ObjectNode schema, ArrayNode rows) {
        this.queryResultSchema = schema;
        this.queryResultRows = rows;
    }

    /** The row count tabledata.list reports for {@code table}, e.g. "analytics.t$20220131". */
    void partitionRows(String table, long rows) {
        partitionRowCounts.put(table, rows);
    }

    void addTable(String table) {
        addTable(table, schema());
    }

    /** A table with this schema ({@link #schema(String...)}). */
    void addTable(String table, ObjectNode schema) {
        String[] parts = table.split("\\.");
        ObjectNode resource = NODES.objectNode();
        resource.put("kind", "bigquery#table");
        resource.put("id", PROJECT + ":" + table);
        resource.set("tableReference", tableReference(parts[0], parts[1]));
        resource.put("type", "TABLE");
        resource.set("schema", schema);
        tables.put(table, resource);
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<Request> requests(Route route) {
        return requests.stream().filter(r -> r.route() == route).toList();
    }

    // ---- canned replies --------------------------------------------------------------------

    /** A polled job that has finished successfully, with {@code queryStatistics} merged in. */
    static Reply done(String queryStatistics) {
        return (request, api) -> {
            ObjectNode job = api.jobs.get(request.id()).deepCopy();
            job.set("status", NODES.objectNode().put("state", "DONE"));
            ObjectNode stats = (ObjectNode) job.get("statistics");
            stats.put("startTime", "1643587200100").put("endTime", "1643587201000");
            stats.set("query", parse(queryStatistics));
            return new Response(200, job);
        };
    }

    static Reply done() {
        return done("{\"statementType\":\"SELECT\",\"totalBytesProcessed\":\"0\"}");
    }

    static Reply running() {
        return (request, api) -> new Response(200, api.jobs.get(request.id()));
    }

    /** A polled job that finished with {@code errorResult}: how BigQuery reports a failed job. */
    static Reply failed(String reason, String message) {
        return (request, api) -> {
            ObjectNode job = api.jobs.get(request.id()).deepCopy();
            ObjectNode error = NODES.objectNode().put("reason", reason).put("message", message);
            ObjectNode status = NODES.objectNode().put("state", "DONE");
            status.set("errorResult", error);
            status.set("errors", NODES.arrayNode().add(error.deepCopy()));
            job.set("status", status);
            return new Response(200, job);
        };
    }

    /** An HTTP error in Google's JSON error format, as the client library parses it. */
    static Reply error(int code, String reason, String message) {
        return (request, api) -> {
            ObjectNode error = NODES.objectNode().put("code", code).put("message", message);
            error.set("errors", NODES.arrayNode().add(NODES.objectNode()
                    .put("message", message).put("domain", "global").put("reason", reason)));
            error.put("status", code == 429 ? "RESOURCE_EXHAUSTED" : code >= 500 ? "UNAVAILABLE" : "INVALID_ARGUMENT");
            return new Response(code, NODES.objectNode().set("error", error));
        };
    }

    /** A tabledata.list page. */
    static Reply page(String pageToken, ArrayNode rows, long totalRows) {
        return (request, api) -> {
            ObjectNode body = NODES.objectNode().put("kind", "bigquery#tableDataList")
                    .put("totalRows", Long.toString(totalRows)); // int64 travels as a JSON string
            if (pageToken != null) {
                body.put("pageToken", pageToken);
            }
            body.set("rows", rows);
            return new Response(200, body);
        };
    }

    // ---- JSON helpers ----------------------------------------------------------------------

    static ObjectNode schema(String... nameTypePairs) {
        ArrayNode fields = NODES.arrayNode();
        for (int i = 0; i < nameTypePairs.length; i += 2) {
            fields.add(NODES.objectNode().put("name", nameTypePairs[i]).put("type", nameTypePairs[i + 1])
                    .put("mode", "NULLABLE"));
        }
        ObjectNode schema = NODES.objectNode();
        schema.set("fields", fields);
        return schema;
    }

    /** A row in tabledata.list's shape: {"f":[{"v":...}, ...]}; null cells stay JSON null. */
    static ObjectNode row(String... cells) {
        ArrayNode f = NODES.arrayNode();
        for (String cell : cells) {
            f.add(NODES.objectNode().put("v", cell));
        }
        ObjectNode row = NODES.objectNode();
        row.set("f", f);
        return row;
    }

    static ArrayNode rows(ObjectNode... rows) {
        ArrayNode out = NODES.arrayNode();
        for (ObjectNode r : rows) {
            out.add(r);
        }
        return out;
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode tableReference(String dataset, String table) {
        return NODES.objectNode().put("projectId", PROJECT).put("datasetId", dataset).put("tableId", table);
    }

    // ---- HTTP ------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Request request = parseRequest(exchange);
            requests.add(request);
            Reply reply = nextReply(request.route());
            Response response = reply != null ? reply.to(request, this) : defaultResponse(request);
            byte[] body = JSON.writeValueAsBytes(response.body());
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
            exchange.sendResponseHeaders(response.status(), body.length);
            exchange.getResponseBody().write(body);
        } catch (RuntimeException e) {
            e.printStackTrace();
            throw e;
        }
    }

    private synchronized Reply nextReply(Route route) {
        Deque<Reply> queue = scripts.get(route);
        if (queue != null && !queue.isEmpty()) {
            return queue.poll();
        }
        return alwaysReplies.get(route);
    }

    private Request parseRequest(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        Map<String, String> query = new LinkedHashMap<>();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        byte[] raw = exchange.getRequestBody().readAllBytes();
        InputStream in = new ByteArrayInputStream(raw);
        if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
            in = new GZIPInputStream(in);
        }
        byte[] content = in.readAllBytes();
        JsonNode body = content.length == 0 ? null : JSON.readTree(content);

        String prefix = "/bigquery/v2/projects/" + PROJECT + "/";
        if (!path.startsWith(prefix)) {
            throw new IllegalArgumentException("unexpected path " + path);
        }
        String[] parts = path.substring(prefix.length()).split("/");
        Route route;
        String id;
        if (parts[0].equals("jobs") && parts.length == 1 && method.equals("POST")) {
            route = Route.INSERT_JOB;
            id = body.path("jobReference").path("jobId").asText();
        } else if (parts[0].equals("jobs") && parts.length == 2) {
            route = Route.GET_JOB;
            id = parts[1];
        } else if (parts[0].equals("jobs") && parts.length == 3 && parts[2].equals("cancel")) {
            route = Route.CANCEL_JOB;
            id = parts[1];
        } else if (parts[0].equals("datasets") && parts.length == 4 && parts[2].equals("tables")) {
            route = Route.GET_TABLE;
            id = parts[1] + "." + parts[3];
        } else if (parts[0].equals("datasets") && parts.length == 5 && parts[4].equals("data")) {
            route = Route.LIST_TABLE_DATA;
            id = parts[1] + "." + parts[3];
        } else {
            throw new IllegalArgumentException("unexpected request " + method + " " + path);
        }
        return new Request(route, method, path, id, query, body);
    }

    private Response defaultResponse(Request request) {
        return switch (request.route()) {
            case INSERT_JOB -> new Response(200, insertJob(request));
            case GET_JOB -> done().to(request, this);
            case CANCEL_JOB -> {
                ObjectNode body = NODES.objectNode().put("kind", "bigquery#jobCancelResponse");
                body.set("job", jobs.get(request.id()));
                yield new Response(200, body);
            }
            case GET_TABLE -> {
                if (request.id().startsWith(ANONYMOUS_DATASET + ".")) {
                    addTable(request.id());
                    tables.get(request.id()).set("schema", queryResultSchema);
                }
                ObjectNode table = tables.get(request.id());
                yield table != null ? new Response(200, table)
                        : error(404, "notFound", "Not found: Table " + PROJECT + ":" + request.id()).to(request, this);
            }
            case LIST_TABLE_DATA -> {
                boolean anonymous = request.id().startsWith(ANONYMOUS_DATASET + ".");
                ArrayNode rows = anonymous ? queryResultRows : tableRows.getOrDefault(request.id(), NODES.arrayNode());
                long total = partitionRowCounts.getOrDefault(request.id(), (long) rows.size());
                yield page(null, "0".equals(request.query().get("maxResults")) ? NODES.arrayNode() : rows, total)
                        .to(request, this);
            }
        };
    }

    /** Stores the job as sent, completed the way BigQuery completes it, and returns it RUNNING. */
    private ObjectNode insertJob(Request request) {
        ObjectNode job = request.body().deepCopy();
        String id = request.id();
        ((ObjectNode) job.get("jobReference")).put("projectId", PROJECT).put("location", "US");
        job.put("kind", "bigquery#job");
        job.put("id", PROJECT + ":US." + id);
        ObjectNode query = (ObjectNode) job.path("configuration").path("query");
        if (!query.has("destinationTable")) {
            query.set("destinationTable", tableReference(ANONYMOUS_DATASET, "anon_" + id.replace('-', '_')));
        }
        job.set("status", NODES.objectNode().put("state", "RUNNING"));
        job.set("statistics", NODES.objectNode().put("creationTime", "1643587200000"));
        jobs.put(id, job);
        return job;
    }
}
