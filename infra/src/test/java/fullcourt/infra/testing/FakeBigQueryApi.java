package fullcourt.infra.testing;

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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

/**
 * A local stand-in for the BigQuery REST API (v2), the one every BigQuery test uses: the calls the engine's adapter,
 * the provisioner and the raw loader make. Jobs: insert, get, cancel, and the resumable upload that loads local data
 * (POST /upload/...?uploadType=resumable, then PUT of the bytes to the session URL it answers with). Tables: get,
 * insert, tabledata.list. Datasets: get, insert, patch.
 *
 * <p>It records every request and answers from a per-route script (consumed in order), falling back to a default
 * that behaves as BigQuery does: an inserted or uploaded job is RUNNING and DONE when polled; what was created is
 * kept and read back; what does not exist is 404 notFound. Shapes follow the v2 discovery document as the Java client
 * (google-api-services-bigquery) parses it.
 */
public final class FakeBigQueryApi implements AutoCloseable {

    public static final String PROJECT = "test-project";
    public static final String ANONYMOUS_DATASET = "_anon_results";

    public enum Route {
        INSERT_JOB, GET_JOB, CANCEL_JOB, START_UPLOAD, UPLOAD,
        GET_TABLE, INSERT_TABLE, LIST_TABLE_DATA,
        GET_DATASET, INSERT_DATASET, PATCH_DATASET
    }

    /**
     * One recorded request. {@code path} is below /bigquery/v2/projects/PROJECT (upload sessions too); {@code id} is
     * the job id, the upload session, or "dataset.table" / "dataset" the path names; {@code content} the raw bytes of an
     * upload, {@code contentRange} its Content-Range header.
     */
    public record Request(Route route, String method, String path, String id, Map<String, String> query, JsonNode body,
                          byte[] content, String contentRange) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** An HTTP answer; {@code location} is the Location header, null for none. */
    public record Response(int status, JsonNode body, String location) {
        public Response(int status, JsonNode body) {
            this(status, body, null);
        }
    }

    /** Computes the answer to a request, with access to what the fake holds. */
    @FunctionalInterface
    public interface Reply {
        Response to(Request request, FakeBigQueryApi api);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final HttpServer server;
    private final String project;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<Route, Deque<Reply>> scripts = new EnumMap<>(Route.class);
    private final Map<Route, Reply> alwaysReplies = new EnumMap<>(Route.class);
    private final Map<String, ObjectNode> jobs = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> uploads = new ConcurrentHashMap<>();
    private final Map<String, byte[]> uploaded = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> tables = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> datasets = new ConcurrentHashMap<>();
    private final Map<String, ArrayNode> tableRows = new ConcurrentHashMap<>();
    private final Map<String, Long> partitionRowCounts = new ConcurrentHashMap<>();
    private final AtomicInteger sessions = new AtomicInteger();
    private volatile ObjectNode queryResultSchema = schema();
    private volatile ArrayNode queryResultRows = NODES.arrayNode();
    /** A query's result: the schema and rows of its anonymous result table. */
    private record QueryResult(ObjectNode schema, ArrayNode rows) {
    }
    /** Results of the queries whose text contains the key, the first key given first. */
    private final Map<String, QueryResult> resultsBySql = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    /** The query text of each job's anonymous result table, by "dataset.table". */
    private final Map<String, String> resultTableQueries = new ConcurrentHashMap<>();

    private FakeBigQueryApi(HttpServer server, String project) {
        this.server = server;
        this.project = project;
    }

    public static FakeBigQueryApi start() {
        return start(PROJECT);
    }

    public static FakeBigQueryApi start(String project) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            FakeBigQueryApi api = new FakeBigQueryApi(server, project);
            server.createContext("/", api::handle);
            server.start();
            return api;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String project() {
        return project;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // ---- scripting and state ---------------------------------------------------------------

    public synchronized void script(Route route, Reply... replies) {
        Deque<Reply> queue = scripts.computeIfAbsent(route, r -> new ArrayDeque<>());
        queue.addAll(List.of(replies));
    }

    /** Every later request on {@code route} gets {@code reply} (after what is already scripted). */
    public synchronized void always(Route route, Reply reply) {
        alwaysReplies.put(route, reply);
    }

    /**
     * The schema and rows every query's anonymous result table holds, but those of queries
     * {@link #queryResult(String, ObjectNode, ArrayNode)} answers.
     */
    public void queryResult(ObjectNode schema, ArrayNode rows) {
        this.queryResultSchema = schema;
        this.queryResultRows = rows;
    }

    /**
     * The schema and rows of the result of every query whose text contains {@code sqlContaining}; of several such
     * fragments, the one given first decides.
     */
    public void queryResult(String sqlContaining, ObjectNode schema, ArrayNode rows) {
        resultsBySql.put(sqlContaining, new QueryResult(schema, rows));
    }

    /** The result the anonymous table {@code table} ("dataset.table") holds. */
    private QueryResult resultOf(String table) {
        String sql = resultTableQueries.get(table);
        if (sql != null) {
            synchronized (resultsBySql) {
                for (Map.Entry<String, QueryResult> e : resultsBySql.entrySet()) {
                    if (sql.contains(e.getKey())) {
                        return e.getValue();
                    }
                }
            }
        }
        return new QueryResult(queryResultSchema, queryResultRows);
    }

    /** The row count tabledata.list reports for {@code table}, e.g. "analytics.t$20220131". */
    public void partitionRows(String table, long rows) {
        partitionRowCounts.put(table, rows);
    }

    /** The rows tabledata.list returns for {@code table} (e.g. "raw.schedule$20211019"), in its {"f":[...]} shape. */
    public void tableRows(String table, ArrayNode rows) {
        tableRows.put(table, rows);
    }

    public void addTable(String table) {
        addTable(table, schema());
    }

    /** A table with this schema ({@link #schema(String...)}). */
    public void addTable(String table, ObjectNode schema) {
        String[] parts = table.split("\\.");
        ObjectNode resource = table(parts[0], parts[1], null);
        resource.put("kind", "bigquery#table");
        resource.put("id", project + ":" + table);
        resource.set("schema", schema);
        tables.put(table, resource);
    }

    /** Tables by "dataset.table", as tables.get answers them; tests may add and read. */
    public Map<String, ObjectNode> tables() {
        return tables;
    }

    /** Datasets by id, as datasets.get answers them; tests may add and read. */
    public Map<String, ObjectNode> datasets() {
        return datasets;
    }

    /** The bytes uploaded for each load job, by job id. */
    public Map<String, byte[]> uploaded() {
        return Map.copyOf(uploaded);
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requests(Route route) {
        return requests.stream().filter(r -> r.route() == route).toList();
    }

    /** Requests that change something (POST, PATCH, PUT). */
    public List<Request> writes() {
        return requests.stream().filter(r -> !r.method().equals("GET")).toList();
    }

    public void clearRequests() {
        requests.clear();
    }

    // ---- canned replies --------------------------------------------------------------------

    /** A polled job that has finished successfully, with {@code queryStatistics} merged in (query jobs). */
    public static Reply done(String queryStatistics) {
        return (request, api) -> {
            ObjectNode job = api.jobs.get(request.id()).deepCopy();
            job.set("status", NODES.objectNode().put("state", "DONE"));
            ObjectNode stats = (ObjectNode) job.get("statistics");
            stats.put("startTime", "1643587200100").put("endTime", "1643587201000");
            if (job.path("configuration").has("query")) {
                stats.set("query", parse(queryStatistics));
            }
            return new Response(200, job);
        };
    }

    public static Reply done() {
        return done("{\"statementType\":\"SELECT\",\"totalBytesProcessed\":\"0\"}");
    }

    /** The default answer, for a script whose later entries are what matters. */
    public static Reply asUsual() {
        return (request, api) -> api.defaultResponse(request);
    }

    /** An inserted job that is DONE at once (for callers that do not test polling). */
    public static Reply doneAtOnce() {
        return (request, api) -> {
            api.defaultResponse(request);
            return done().to(request, api);
        };
    }

    public static Reply running() {
        return (request, api) -> new Response(200, api.jobs.get(request.id()));
    }

    /** A polled job that finished with {@code errorResult}: how BigQuery reports a failed job. */
    public static Reply failed(String reason, String message) {
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
    public static Reply error(int code, String reason, String message) {
        return (request, api) -> errorResponse(code, reason, message);
    }

    /**
     * The request is carried out as by default (a job created, an upload finished), but its answer is an error: how
     * a lost or failed answer to a request that did succeed looks to the client.
     */
    public static Reply doneButAnswered(int code, String reason, String message) {
        return (request, api) -> {
            api.defaultResponse(request);
            return errorResponse(code, reason, message);
        };
    }

    /** A tabledata.list page. */
    public static Reply page(String pageToken, ArrayNode rows, long totalRows) {
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

    public static ObjectNode schema(String... nameTypePairs) {
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
    public static ObjectNode row(String... cells) {
        ArrayNode f = NODES.arrayNode();
        for (String cell : cells) {
            f.add(NODES.objectNode().put("v", cell));
        }
        ObjectNode row = NODES.objectNode();
        row.set("f", f);
        return row;
    }

    public static ArrayNode rows(ObjectNode... rows) {
        ArrayNode out = NODES.arrayNode();
        for (ObjectNode r : rows) {
            out.add(r);
        }
        return out;
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A table resource, day-partitioned on {@code partitionField} unless it is null. */
    public ObjectNode table(String dataset, String table, String partitionField) {
        ObjectNode resource = NODES.objectNode();
        resource.set("tableReference", tableReference(dataset, table));
        resource.put("type", "TABLE");
        if (partitionField != null) {
            resource.putObject("timePartitioning").put("type", "DAY").put("field", partitionField);
        }
        return resource;
    }

    public ObjectNode dataset(String dataset, String location) {
        ObjectNode resource = NODES.objectNode();
        resource.putObject("datasetReference").put("projectId", project).put("datasetId", dataset);
        resource.put("location", location);
        return resource;
    }

    private ObjectNode tableReference(String dataset, String table) {
        return NODES.objectNode().put("projectId", project).put("datasetId", dataset).put("tableId", table);
    }

    private static Response errorResponse(int code, String reason, String message) {
        ObjectNode error = NODES.objectNode().put("code", code).put("message", message);
        error.set("errors", NODES.arrayNode().add(NODES.objectNode()
                .put("message", message).put("domain", "global").put("reason", reason)));
        error.put("status", code == 429 ? "RESOURCE_EXHAUSTED" : code >= 500 ? "UNAVAILABLE"
                : code == 404 ? "NOT_FOUND" : "INVALID_ARGUMENT");
        return new Response(code, NODES.objectNode().set("error", error));
    }

    // ---- HTTP ------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Request request = parseRequest(exchange);
            requests.add(request);
            Reply reply = nextReply(request.route());
            Response response = reply != null ? reply.to(request, this) : defaultResponse(request);
            byte[] body = response.body() == null ? new byte[0] : JSON.writeValueAsBytes(response.body());
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
            if (response.location() != null) {
                exchange.getResponseHeaders().set("Location", response.location());
            }
            exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
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
        // The client's HTTP transport (HttpURLConnection) cannot send PATCH: it POSTs with this header instead.
        String override = exchange.getRequestHeaders().getFirst("X-HTTP-Method-Override");
        String method = override == null ? exchange.getRequestMethod() : override;
        String fullPath = exchange.getRequestURI().getPath();
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
        String contentRange = exchange.getRequestHeaders().getFirst("Content-Range");

        boolean upload = fullPath.startsWith("/upload/");
        String prefix = (upload ? "/upload" : "") + "/bigquery/v2/projects/" + project;
        if (!fullPath.startsWith(prefix)) {
            throw new IllegalArgumentException("unexpected path " + fullPath);
        }
        String path = fullPath.substring(prefix.length());
        if (upload) {
            if (method.equals("POST")) {
                JsonNode body = JSON.readTree(content);
                return new Request(Route.START_UPLOAD, method, path, body.path("jobReference").path("jobId").asText(),
                        query, body, content, contentRange);
            }
            return new Request(Route.UPLOAD, method, path, query.get("upload_id"), query, null, content, contentRange);
        }
        JsonNode body = content.length == 0 ? null : JSON.readTree(content);
        String[] parts = path.substring(1).split("/");
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
        } else if (parts[0].equals("datasets") && parts.length == 1 && method.equals("POST")) {
            route = Route.INSERT_DATASET;
            id = body.path("datasetReference").path("datasetId").asText();
        } else if (parts[0].equals("datasets") && parts.length == 2) {
            route = method.equals("GET") ? Route.GET_DATASET : Route.PATCH_DATASET;
            id = parts[1];
        } else if (parts[0].equals("datasets") && parts.length == 3 && parts[2].equals("tables")
                && method.equals("POST")) {
            route = Route.INSERT_TABLE;
            id = parts[1] + "." + body.path("tableReference").path("tableId").asText();
        } else if (parts[0].equals("datasets") && parts.length == 4 && parts[2].equals("tables")) {
            route = Route.GET_TABLE;
            id = parts[1] + "." + parts[3];
        } else if (parts[0].equals("datasets") && parts.length == 5 && parts[4].equals("data")) {
            route = Route.LIST_TABLE_DATA;
            id = parts[1] + "." + parts[3];
        } else {
            throw new IllegalArgumentException("unexpected request " + method + " " + fullPath);
        }
        return new Request(route, method, path, id, query, body, content, contentRange);
    }

    private Response defaultResponse(Request request) {
        return switch (request.route()) {
            case INSERT_JOB -> new Response(200, storeJob(request.body(), request.id()));
            case GET_JOB -> jobs.containsKey(request.id()) ? done().to(request, this)
                    : errorResponse(404, "notFound", "Not found: Job " + project + ":" + request.id());
            case CANCEL_JOB -> {
                ObjectNode body = NODES.objectNode().put("kind", "bigquery#jobCancelResponse");
                body.set("job", jobs.get(request.id()));
                yield new Response(200, body);
            }
            case START_UPLOAD -> {
                String session = "session-" + sessions.incrementAndGet();
                uploads.put(session, (ObjectNode) request.body());
                yield new Response(200, null, endpoint() + "/upload/bigquery/v2/projects/" + project
                        + "/jobs?uploadType=resumable&upload_id=" + session);
            }
            case UPLOAD -> {
                ObjectNode job = uploads.get(request.id());
                if (job == null) {
                    yield errorResponse(404, "notFound", "no upload session " + request.id());
                }
                String jobId = job.path("jobReference").path("jobId").asText();
                byte[] before = uploaded.getOrDefault(jobId, new byte[0]);
                byte[] all = java.util.Arrays.copyOf(before, before.length + request.content().length);
                System.arraycopy(request.content(), 0, all, before.length, request.content().length);
                uploaded.put(jobId, all);
                // "bytes 0-99/*": more to come (308 Resume Incomplete); "bytes 0-99/100": the last chunk
                if (request.contentRange() != null && request.contentRange().endsWith("/*")) {
                    yield new Response(308, null);
                }
                uploads.remove(request.id());
                yield new Response(200, storeJob(job, jobId));
            }
            case GET_TABLE -> {
                if (request.id().startsWith(ANONYMOUS_DATASET + ".")) {
                    addTable(request.id());
                    tables.get(request.id()).set("schema", resultOf(request.id()).schema());
                }
                ObjectNode table = tables.get(request.id());
                yield table != null ? new Response(200, table)
                        : errorResponse(404, "notFound", "Not found: Table " + project + ":" + request.id());
            }
            case INSERT_TABLE -> {
                ObjectNode created = ((ObjectNode) request.body()).deepCopy();
                created.put("type", "TABLE"); // BigQuery fills it in; the client needs it
                tables.put(request.id(), created);
                yield new Response(200, created);
            }
            case LIST_TABLE_DATA -> {
                boolean anonymous = request.id().startsWith(ANONYMOUS_DATASET + ".");
                ArrayNode rows = anonymous ? resultOf(request.id()).rows() : tableRows.get(request.id());
                if (rows == null && !partitionRowCounts.containsKey(request.id())
                        && !tables.containsKey(request.id().replaceFirst("\\$.*", ""))) {
                    yield errorResponse(404, "notFound", "Not found: Table " + project + ":" + request.id());
                }
                rows = rows == null ? NODES.arrayNode() : rows;
                long total = partitionRowCounts.getOrDefault(request.id(), (long) rows.size());
                yield page(null, "0".equals(request.query().get("maxResults")) ? NODES.arrayNode() : rows, total)
                        .to(request, this);
            }
            case GET_DATASET -> {
                ObjectNode existing = datasets.get(request.id());
                yield existing != null ? new Response(200, existing)
                        : errorResponse(404, "notFound", "Not found: Dataset " + project + ":" + request.id());
            }
            case INSERT_DATASET -> {
                ObjectNode created = ((ObjectNode) request.body()).deepCopy();
                datasets.put(request.id(), created);
                yield new Response(200, created);
            }
            case PATCH_DATASET -> {
                ObjectNode existing = datasets.get(request.id());
                existing.setAll((ObjectNode) request.body());
                yield new Response(200, existing);
            }
        };
    }

    /** Stores the job as sent, completed the way BigQuery completes it, and returns it RUNNING. */
    private ObjectNode storeJob(JsonNode sent, String id) {
        ObjectNode job = sent.deepCopy();
        ((ObjectNode) job.get("jobReference")).put("projectId", project).put("location", "US");
        job.put("kind", "bigquery#job");
        job.put("id", project + ":US." + id);
        JsonNode query = job.path("configuration").path("query");
        if (query.isObject() && !query.has("destinationTable")) {
            String result = "anon_" + id.replace('-', '_');
            ((ObjectNode) query).set("destinationTable", tableReference(ANONYMOUS_DATASET, result));
            resultTableQueries.put(ANONYMOUS_DATASET + "." + result, query.path("query").asText());
        }
        job.set("status", NODES.objectNode().put("state", "RUNNING"));
        job.set("statistics", NODES.objectNode().put("creationTime", "1643587200000"));
        jobs.put(id, job);
        return job;
    }
}
