package fullcourt.publishing.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import fullcourt.publishing.Export;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Checks exported documents against their JSON Schemas (exports/schemas/, draft 2020-12, formats
 * asserted) and against their file name: a document's gameDate must be the date it is filed under.
 */
public final class ExportValidator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Export, Schema> SCHEMAS = loadSchemas();

    private ExportValidator() {
    }

    /** Every export's files for the dates from {@code from} to {@code to} (inclusive) under the export root {@code root}. */
    public static ExportReport validate(Path root, LocalDate from, LocalDate to) {
        List<ExportReport.ExportCheck> checks = new ArrayList<>();
        for (Export export : Export.values()) {
            int present = 0;
            List<ExportReport.InvalidFile> invalid = new ArrayList<>();
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                String objectPath = export.objectPath(d);
                Path file = root.resolve(objectPath);
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                present++;
                List<String> reasons;
                try {
                    reasons = problems(export, d, Files.readAllBytes(file));
                } catch (IOException e) {
                    reasons = List.of("unreadable: " + e.getMessage());
                }
                if (!reasons.isEmpty()) {
                    invalid.add(new ExportReport.InvalidFile(objectPath, reasons));
                }
            }
            checks.add(new ExportReport.ExportCheck(export, present, present - invalid.size(), invalid.size(),
                    List.copyOf(invalid)));
        }
        return new ExportReport(from, to, List.copyOf(checks));
    }

    /** Why {@code content} is not a valid {@code export} document filed under {@code date}; empty when it is. */
    public static List<String> problems(Export export, LocalDate date, byte[] content) {
        JsonNode document;
        try {
            document = JSON.readTree(content);
        } catch (JsonProcessingException e) {
            return List.of("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> reasons = new ArrayList<>();
        for (Error error : SCHEMAS.get(export).validate(new String(content, StandardCharsets.UTF_8), InputFormat.JSON)) {
            reasons.add(error.toString());
        }
        JsonNode gameDate = document.path("gameDate");
        if (gameDate.isTextual() && !gameDate.asText().equals(date.toString())) {
            reasons.add("gameDate " + gameDate.asText() + " is not the date the file is named for (" + date + ")");
        }
        return reasons;
    }

    private static Map<Export, Schema> loadSchemas() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        Map<Export, Schema> schemas = new EnumMap<>(Export.class);
        for (Export export : Export.values()) {
            try (InputStream in = ExportValidator.class.getClassLoader().getResourceAsStream(export.schemaResource())) {
                if (in == null) {
                    throw new IllegalStateException("schema " + export.schemaResource() + " is not on the classpath");
                }
                schemas.put(export, registry.getSchema(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return schemas;
    }
}
