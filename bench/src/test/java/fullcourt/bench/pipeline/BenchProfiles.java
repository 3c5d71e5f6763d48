package fullcourt.bench.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The benchmarks' configurations: one Quarkus application each. */
public final class BenchProfiles {

    private BenchProfiles() {
    }

    static Map<String, String> common(String seasons, int globalLimit, String latency) {
        Map<String, String> m = new HashMap<>();
        m.put("fullcourt.local.seasons", seasons);
        m.put("fullcourt.coordinator.global-in-flight", String.valueOf(globalLimit));
        // one worker thread (and one leased message) per query slot, so the limits are the coordinator's
        m.put("fullcourt.worker.workers", String.valueOf(globalLimit));
        m.put("fullcourt.warehouse.latency", latency);
        m.put("fullcourt.coordinator.max-range-days", "2000");
        m.put("fullcourt.worker.deadline", "10m");
        m.put("fullcourt.exports.location", temporaryDirectory("fullcourt-bench-exports").toString());
        m.put("quarkus.http.test-port", "0");
        m.put("quarkus.log.category.\"fullcourt.engine.worker\".level", "WARN");
        // as the run command: no tracing (services/local's tests turn it on for their in-memory exporter)
        m.put("quarkus.otel.sdk.disabled", "true");
        return m;
    }

    /** Benchmark 1: one season, latency on, per-processor limit 15, global 100. */
    public static class Policies implements QuarkusTestProfile {
        public static final int GLOBAL = 100;
        public static final int PER_PROCESSOR = 15;
        public static final String LATENCY = System.getProperty("bench.policy.latency", "500ms..1500ms");

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> m = common("2022-23", GLOBAL, LATENCY);
            m.put("fullcourt.catalog", platformCatalogWithConcurrency(PER_PROCESSOR).toString());
            return m;
        }
    }

    /** Benchmark 2: no-op processors, the engine alone. */
    public static class Noop implements QuarkusTestProfile {
        public static final int GLOBAL = 100;

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> m = common("", GLOBAL, "off");
            m.put("fullcourt.catalog", "classpath:noop-catalog.json");
            // no partition is written, so there is no lineage to record: the engine alone is measured
            m.put("fullcourt.worker.lineage", "false");
            return m;
        }
    }

    /** Benchmark 7: the platform catalog's shape with no-op processors, over many seasons written by the benchmark. */
    public static class Scale implements QuarkusTestProfile {
        public static final int GLOBAL = 100;

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> m = common("", GLOBAL, "off");
            m.put("fullcourt.catalog", ScaleCatalog.file(GLOBAL).toString());
            m.put("bench.scale.processors", "true");
            // nothing is written, so there is no lineage to record (as the no-op benchmark)
            m.put("fullcourt.worker.lineage", "false");
            // the largest size spans 40 seasons, about 14,500 days
            m.put("fullcourt.coordinator.max-range-days", "20000");
            return m;
        }
    }

    /** Benchmark 3: four seasons, the platform's catalog as it ships, latency off. */
    public static class FourSeasons implements QuarkusTestProfile {
        public static final int GLOBAL = 16;
        public static final String SEASONS = System.getProperty("bench.seasons", "2021-22..2024-25");

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> m = common(SEASONS, GLOBAL, "off");
            m.put("fullcourt.catalog", "classpath:fullcourt-catalog.json");
            return m;
        }
    }

    /** Benchmark 5: four seasons as in benchmark 3, lineage recorded (the default). */
    public static class LineageOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return new FourSeasons().getConfigOverrides();
        }
    }

    /** Benchmark 5: the same without lineage ({@code fullcourt.worker.lineage=false}). */
    public static class LineageOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> m = new FourSeasons().getConfigOverrides();
            m.put("fullcourt.worker.lineage", "false");
            return m;
        }
    }

    /** The shipped catalog with every processor's concurrency set to {@code limit}, as a file. */
    static Path platformCatalogWithConcurrency(int limit) {
        ObjectMapper json = new ObjectMapper();
        try (InputStream in = BenchProfiles.class.getClassLoader().getResourceAsStream("fullcourt-catalog.json")) {
            ObjectNode catalog = (ObjectNode) json.readTree(in);
            catalog.withArray("processors").forEach(p -> ((ObjectNode) p).put("concurrency", limit));
            Path file = temporaryDirectory("fullcourt-bench-catalog").resolve("catalog-" + limit + ".json");
            json.writeValue(file.toFile(), catalog);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path temporaryDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
