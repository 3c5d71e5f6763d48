package fullcourt.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The %test profile's JSON log file, read back by the tests. */
final class JsonLog {

    private JsonLog() {
    }

    /** Its lines, one object each, logged at or after {@code since} (the file outlives the JVM). */
    static List<JsonNode> linesSince(Instant since) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("target/fullcourt-test-log.json"), StandardCharsets.UTF_8)) {
            if (line.startsWith("{")) {
                JsonNode node = json.readTree(line);
                if (!Instant.parse(node.path("timestamp").asText()).isBefore(since)) {
                    out.add(node);
                }
            }
        }
        return out;
    }
}
