package fullcourt.drills;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Malformed and hostile bodies for the request topic, each with the text its rejection must contain
 * (the field it names and what was wrong), so a rejection for the wrong reason fails the drill.
 */
final class HostileRequests {

    /** One body to publish, its requestId when it carries a usable one, and the reason it must be rejected for. */
    record Hostile(String name, byte[] body, String requestId, String expectedReason) {
    }

    private HostileRequests() {
    }

    private static Hostile json(String name, String requestId, String body, String expected) {
        return new Hostile(name, body.getBytes(StandardCharsets.UTF_8), requestId, expected);
    }

    /** A request with {@code fields} spliced in after the schema version and request id. */
    private static Hostile request(String name, String requestId, String fields, String expected) {
        String id = requestId == null ? "" : ",\"requestId\":\"" + requestId + "\"";
        return json(name, requestId, "{\"schemaVersion\":1" + id + (fields.isEmpty() ? "" : "," + fields) + "}", expected);
    }

    static List<Hostile> all() {
        List<Hostile> out = new ArrayList<>();
        String scope = "\"phases\":[3],";
        String range = "\"from\":\"2021-10-18\",\"to\":\"2021-10-20\"";
        out.add(json("empty body", null, "", "body: empty"));
        out.add(json("not JSON", null, "this is not json", "body: not JSON"));
        out.add(json("truncated JSON", null, "{\"schemaVersion\":1,\"requestId\":\"h-trunc\"", "body: not JSON"));
        out.add(json("JSON array", null, "[1,2,3]", "body: expected a JSON object"));
        out.add(json("JSON null", null, "null", "body"));
        out.add(json("trailing garbage", null, "{\"schemaVersion\":1} {}", "body: not JSON"));
        out.add(json("duplicate key", null, "{\"schemaVersion\":1,\"schemaVersion\":1}", "body: not JSON"));
        out.add(json("binary garbage", null, "\u0000\u0001\u0002\uFFFD", "body: not JSON"));
        out.add(json("missing schemaVersion", null, "{\"requestId\":\"h-nover\"," + scope + range + "}", "schemaVersion"));
        out.add(json("unknown schemaVersion 99", null, "{\"schemaVersion\":99,\"requestId\":\"h-v99\"}",
                "schemaVersion: unsupported 99"));
        out.add(json("schemaVersion as text", null, "{\"schemaVersion\":\"1\",\"requestId\":\"h-vtext\"}", "schemaVersion"));
        // a missing requestId is no longer hostile: the coordinator derives one from the request
        out.add(request("empty requestId", null, "\"requestId\":\"\"," + scope + range, "requestId: expected"));
        out.add(request("requestId as number", null, "\"requestId\":42," + scope + range, "requestId"));
        out.add(request("SQL injection in requestId", null,
                "\"requestId\":\"x'; DROP TABLE ops.task_events; --\"," + scope + range, "requestId: expected"));
        out.add(request("path traversal in requestId", null, "\"requestId\":\"../../etc/passwd\"," + scope + range,
                "requestId: expected"));
        out.add(request("requestId of 129 characters", null, "\"requestId\":\"" + "a".repeat(129) + "\"," + scope + range,
                "requestId: expected"));
        out.add(request("no scope", "h-noscope", range, "empty scope"));
        out.add(request("phase 7", "h-phase7", "\"phases\":[7]," + range, "phases"));
        out.add(request("phase as text", "h-phasetext", "\"phases\":[\"three\"]," + range, "phases"));
        out.add(request("phases not a list", "h-phaseobj", "\"phases\":{\"a\":3}," + range, "phases"));
        out.add(request("SQL injection as processor", "h-sqlproc",
                "\"processors\":[\"player_game_summary; DROP TABLE analytics.player_game_summary\"]," + range,
                "processors[0]"));
        out.add(request("quoted injection as processor", "h-quoteproc", "\"processors\":[\"x' OR '1'='1\"]," + range,
                "processors[0]"));
        out.add(request("unknown processor", "h-unknownproc", "\"processors\":[\"player_game_summary_v9\"]," + range,
                "unknown processor"));
        out.add(request("processor as number", "h-procnum", "\"processors\":[12]," + range, "processors"));
        out.add(request("injection as date", "h-sqldate", scope + "\"from\":\"2021-10-18' OR 1=1 --\",\"to\":\"2021-10-20\"",
                "from"));
        out.add(request("impossible date", "h-feb30", scope + "\"from\":\"2022-02-30\",\"to\":\"2022-03-02\"", "from"));
        out.add(request("date as number", "h-datenum", scope + "\"from\":20211018,\"to\":\"2021-10-20\"", "from"));
        out.add(request("relative date in the future", "h-tomorrow", scope + "\"from\":\"tomorrow\",\"to\":\"today\"",
                "from: expected a date like 2022-01-31, or today, yesterday, today-N"));
        out.add(request("to before from", "h-backwards", scope + "\"from\":\"2021-11-20\",\"to\":\"2021-10-20\"",
                "is before from"));
        out.add(request("huge range (year 1 to 9999)", "h-hugerange", scope + "\"from\":\"0001-01-01\",\"to\":\"9999-12-31\"",
                "exceeds the limit"));
        out.add(request("range and list together", "h-both", scope + range + ",\"dates\":[\"2021-10-18\"]",
                "not both"));
        out.add(request("from without to", "h-fromonly", scope + "\"from\":\"2021-10-18\"", "to: required"));
        out.add(request("no dates at all", "h-nodates", "\"phases\":[3]", "required"));
        String manyDates = IntStream.range(0, 2500).mapToObj(i -> "\"" + LocalDate.of(2000, 1, 1).plusDays(i) + "\"")
                .collect(Collectors.joining(","));
        out.add(request("2,500 dates", "h-manydates", scope + "\"dates\":[" + manyDates + "]", "exceed the limit"));
        out.add(request("duplicate dates", "h-dupdates", scope + "\"dates\":[\"2021-10-18\",\"2021-10-18\"]", "duplicate"));
        out.add(request("mode unknown", "h-mode", scope + range + ",\"mode\":\"everything\"", "mode"));
        out.add(request("policy unknown", "h-policy", scope + range + ",\"policy\":\"fastest\"", "policy"));
        out.add(request("cascade as text", "h-cascade", scope + range + ",\"cascade\":\"yes\"", "cascade"));
        out.add(request("labels not text", "h-labels", scope + range + ",\"labels\":{\"a\":{\"b\":1}}", "labels"));
        out.add(json("oversized body (100 KB)", null, "{\"schemaVersion\":1,\"requestId\":\"h-big\",\"labels\":{\"pad\":\""
                + "x".repeat(100_000) + "\"}}", "exceeds the 65536-byte limit"));
        out.add(json("deeply nested", null, "[".repeat(5000) + "]".repeat(5000), "body"));
        return out;
    }
}
