package fullcourt.engine.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the catalog file: a JSON document {@code {"processors": [...]}} that the coordinator and
 * every phase service read alike, so none of them imports another's code to learn the pipeline.
 */
public final class CatalogReader {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    /**
     * The longest task deadline a catalog may declare. The slowest date in the runbooks took 2.8 h; a task
     * declared to need more than a day is a typo (minutes for seconds), and its hung queries would hold a slot
     * and its message's lease that long.
     */
    static final Duration MAX_DEADLINE = Duration.ofHours(24);

    record UpstreamEntry(String processor, String window) {
    }

    record RawInputEntry(String table, String window) {
    }

    record Entry(String name, Integer phase, String table, String partitionColumn,
                 List<UpstreamEntry> upstreams, String dateDomain, String version, Integer concurrency,
                 List<RawInputEntry> rawInputs, JsonNode deadline) {
    }

    record Document(List<Entry> processors) {
    }

    private CatalogReader() {
    }

    /**
     * Reads a catalog from {@code classpath:NAME} or a file path.
     *
     * @throws InvalidCatalogException when the file is missing or a declaration is wrong
     */
    public static Catalog read(String location) {
        if (location.startsWith("classpath:")) {
            String name = location.substring("classpath:".length());
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name)) {
                if (in == null) {
                    throw new InvalidCatalogException(List.of("catalog '" + location
                            + "' not found on the classpath (set fullcourt.catalog to a file path or classpath:NAME)"));
                }
                return read(in, location);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Path path = Path.of(location);
        if (!Files.isRegularFile(path)) {
            throw new InvalidCatalogException(List.of("catalog file '" + path.toAbsolutePath() + "' does not exist"));
        }
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, location);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Catalog read(InputStream in, String source) throws IOException {
        Document doc;
        try {
            doc = JSON.readValue(in, Document.class);
        } catch (IOException e) {
            throw new InvalidCatalogException(List.of(source + ": " + e.getMessage()));
        }
        List<String> problems = new ArrayList<>();
        List<ProcessorDeclaration> declarations = new ArrayList<>();
        if (doc.processors() == null) {
            throw new InvalidCatalogException(List.of(source + ": 'processors' array is required"));
        }
        List<String> invalidNames = new ArrayList<>();
        for (int i = 0; i < doc.processors().size(); i++) {
            Entry e = doc.processors().get(i);
            String at = "processors[" + i + "]" + (e.name() == null ? "" : " (" + e.name() + ")");
            try {
                declarations.add(toDeclaration(e));
            } catch (IllegalArgumentException ex) {
                problems.add(at + ": " + ex.getMessage());
                invalidNames.add(e.name());
            }
        }
        if (problems.isEmpty()) {
            return Catalog.of(declarations);
        }
        // the valid entries' own cross-checks too, so one pass reports every problem; an upstream
        // naming an invalid entry is not "undeclared": that entry's problem is already listed
        try {
            Catalog.of(declarations);
        } catch (InvalidCatalogException cross) {
            cross.problems().stream()
                    .filter(p -> invalidNames.stream().noneMatch(n -> p.contains("upstream '" + n + "' is not declared")))
                    .forEach(problems::add);
        }
        throw new InvalidCatalogException(problems);
    }

    private static ProcessorDeclaration toDeclaration(Entry e) {
        if (e.name() == null || !e.name().matches("[a-z][a-z0-9_]{0,63}")) {
            throw new IllegalArgumentException("name must match [a-z][a-z0-9_]{0,63}, got " + e.name());
        }
        if (e.phase() == null) {
            throw new IllegalArgumentException("phase is required");
        }
        List<Upstream> upstreams = new ArrayList<>();
        if (e.upstreams() != null) {
            for (UpstreamEntry u : e.upstreams()) {
                upstreams.add(new Upstream(u.processor(), Window.parse(u.window() == null ? "same-date" : u.window())));
            }
        }
        List<RawInput> rawInputs = new ArrayList<>();
        if (e.rawInputs() != null) {
            for (RawInputEntry r : e.rawInputs()) {
                rawInputs.add(new RawInput(r.table(), Window.parse(r.window() == null ? "same-date" : r.window())));
            }
        }
        return new ProcessorDeclaration(
                e.name(),
                e.phase(),
                e.table() == null ? e.name() : e.table(),
                e.partitionColumn() == null ? "game_date" : e.partitionColumn(),
                upstreams,
                DateDomain.parse(e.dateDomain()),
                e.version() == null ? "1" : e.version(),
                e.concurrency() == null ? 4 : e.concurrency(),
                rawInputs,
                deadline(e.deadline()));
    }

    /** {@code "deadline"}: an ISO-8601 duration ({@code "PT4H"}, {@code "PT90M"}) or a whole number of minutes. */
    static Optional<Duration> deadline(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        Duration deadline;
        if (node.isIntegralNumber()) {
            deadline = Duration.ofMinutes(node.asLong());
        } else if (node.isTextual()) {
            try {
                deadline = Duration.parse(node.asText());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(notADeadline(node));
            }
        } else {
            throw new IllegalArgumentException(notADeadline(node));
        }
        if (deadline.isNegative() || deadline.isZero() || deadline.compareTo(MAX_DEADLINE) > 0) {
            throw new IllegalArgumentException("deadline must be more than 0 and at most " + MAX_DEADLINE.toHours()
                    + " h, got " + node);
        }
        return Optional.of(deadline);
    }

    private static String notADeadline(JsonNode node) {
        return "deadline must be an ISO-8601 duration such as \"PT4H\" or a whole number of minutes, got " + node;
    }
}
