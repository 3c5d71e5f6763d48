package fullcourt.bench.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The scale benchmark's catalog: the shipped catalog's processors with their phases, date domains and upstream
 * windows as declared, each renamed {@code noop_<name>} (the all-in-one already implements the real names) and
 * served by a no-op ({@link ScaleProcessors}); no raw inputs (nothing is written, so there is no lineage) and every
 * processor's concurrency at the benchmark's global limit, so the engine, not a per-processor limit, sets the pace.
 */
final class ScaleCatalog {

    static final String PREFIX = "noop_";
    private static Path file;

    private ScaleCatalog() {
    }

    /** The catalog as a file, written once per JVM (test profiles ask for their configuration more than once). */
    static synchronized Path file(int concurrency) {
        if (file == null) {
            ObjectMapper json = new ObjectMapper();
            ObjectNode catalog = shipped();
            for (JsonNode p : catalog.withArray("processors")) {
                ObjectNode processor = (ObjectNode) p;
                String name = processor.get("name").asText();
                String dataset = processor.get("table").asText().split("\\.")[0];
                processor.put("name", PREFIX + name);
                processor.put("table", dataset + "." + PREFIX + name);
                processor.put("version", "v1");
                processor.put("concurrency", concurrency);
                processor.remove(List.of("rawInputs", "deadline"));
                if (processor.has("upstreams")) {
                    for (JsonNode u : processor.get("upstreams")) {
                        ((ObjectNode) u).put("processor", PREFIX + u.get("processor").asText());
                    }
                }
            }
            try {
                Path out = BenchProfiles.temporaryDirectory("fullcourt-bench-catalog").resolve("scale-catalog.json");
                json.writeValue(out.toFile(), catalog);
                file = out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return file;
    }

    /** The processors' names, in the shipped catalog's order. */
    static List<String> names() {
        List<String> names = new ArrayList<>();
        ((ArrayNode) shipped().get("processors")).forEach(p -> names.add(PREFIX + p.get("name").asText()));
        return names;
    }

    private static ObjectNode shipped() {
        try (InputStream in = ScaleCatalog.class.getClassLoader().getResourceAsStream("fullcourt-catalog.json")) {
            return (ObjectNode) new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
