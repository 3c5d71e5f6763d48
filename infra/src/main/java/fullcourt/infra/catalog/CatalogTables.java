package fullcourt.infra.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What provisioning needs from the processor catalog (services/engine's {@code fullcourt-catalog.json}): each
 * processor's phase, output table, partition column and upstream processors. The engine's CatalogReader validates
 * the catalog fully; this reads only those fields, so infra (which the engine depends on) can plan datasets and
 * access without the engine.
 */
public record CatalogTables(List<OutputTable> tables) {

    /** One processor's output. */
    public record OutputTable(String processor, int phase, String dataset, String table, String partitionColumn,
                              Set<String> upstreams) {

        /** {@code dataset.table}. */
        public String qualifiedName() {
            return dataset + "." + table;
        }
    }

    public CatalogTables {
        tables = List.copyOf(tables);
    }

    public static CatalogTables read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the processor catalog " + file, e);
        }
    }

    public static CatalogTables read(InputStream in, String source) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not parse the processor catalog " + source, e);
        }
        List<OutputTable> tables = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (JsonNode p : root.path("processors")) {
            String name = p.path("name").asText("");
            String[] table = p.path("table").asText("").split("\\.");
            if (name.isBlank() || table.length != 2 || !p.path("phase").isInt()) {
                problems.add("processor '" + name + "' needs a name, a phase and a table 'dataset.table'");
                continue;
            }
            Set<String> upstreams = new LinkedHashSet<>();
            p.path("upstreams").forEach(u -> upstreams.add(u.path("processor").asText()));
            tables.add(new OutputTable(name, p.path("phase").asInt(), table[0], table[1],
                    p.path("partitionColumn").asText("game_date"), Set.copyOf(upstreams)));
        }
        if (tables.isEmpty()) {
            problems.add("no processors");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid processor catalog " + source + ": " + String.join("; ", problems));
        }
        return new CatalogTables(tables);
    }

    public List<OutputTable> ofPhase(int phase) {
        return tables.stream().filter(t -> t.phase() == phase).toList();
    }

    public Optional<OutputTable> ofProcessor(String processor) {
        return tables.stream().filter(t -> t.processor().equals(processor)).findFirst();
    }

    /** Every dataset a processor writes, sorted. */
    public Set<String> outputDatasets() {
        return tables.stream().map(OutputTable::dataset).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Datasets written by the phase's processors, sorted. */
    public Set<String> datasetsWrittenBy(int phase) {
        return ofPhase(phase).stream().map(OutputTable::dataset).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Datasets of the upstream tables the phase's processors read, sorted; upstreams not in the catalog are an error. */
    public Set<String> upstreamDatasetsOf(int phase) {
        Map<String, OutputTable> byName = tables.stream().collect(Collectors.toMap(OutputTable::processor, Function.identity()));
        Set<String> datasets = new TreeSet<>();
        for (OutputTable t : ofPhase(phase)) {
            for (String upstream : t.upstreams()) {
                OutputTable u = byName.get(upstream);
                if (u == null) {
                    throw new IllegalArgumentException("processor " + t.processor() + " reads unknown processor " + upstream);
                }
                datasets.add(u.dataset());
            }
        }
        return datasets;
    }
}
