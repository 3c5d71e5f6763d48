package fullcourt.infra.warehouse;

import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.StandardSQLTypeName;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Declared table schemas as BigQuery schemas, so DuckDB (which runs the files) and BigQuery (which gets these schemas)
 * share one declaration: the raw input tables of {@code warehouse/raw_tables.sql} and the processors' output tables
 * of {@code warehouse/output_tables.sql}. The files keep to one column per line and the types they document, which map
 * VARCHAR to STRING, DOUBLE to FLOAT64, INTEGER and BIGINT to INT64 and BOOLEAN to BOOL.
 */
public final class TableSchemas {

    public static final String RAW = "warehouse/raw_tables.sql";
    public static final String OUTPUTS = "warehouse/output_tables.sql";

    private static final Pattern TABLE = Pattern.compile(
            "CREATE TABLE IF NOT EXISTS\\s+([a-z_]+)\\.([a-z_0-9]+)\\s*\\((.*?)\\);", Pattern.DOTALL);
    private static final Pattern COLUMN = Pattern.compile("^\\s*([a-z_0-9]+)\\s+([A-Z]+)(\\s+NOT NULL)?\\s*,?\\s*$");
    private static final Map<String, StandardSQLTypeName> TYPES = Map.of(
            "VARCHAR", StandardSQLTypeName.STRING,
            "BIGINT", StandardSQLTypeName.INT64,
            "DOUBLE", StandardSQLTypeName.FLOAT64,
            "INTEGER", StandardSQLTypeName.INT64,
            "BOOLEAN", StandardSQLTypeName.BOOL,
            "DATE", StandardSQLTypeName.DATE,
            "TIMESTAMP", StandardSQLTypeName.TIMESTAMP);

    private TableSchemas() {
    }

    /** The raw input tables, {@code dataset.table} to schema, in file order. */
    public static Map<String, Schema> raw() {
        return parse(RAW, text(RAW));
    }

    /** The processors' output tables, {@code dataset.table} to schema, in file order. */
    public static Map<String, Schema> outputs() {
        return parse(OUTPUTS, text(OUTPUTS));
    }

    /** Each {@code CREATE TABLE IF NOT EXISTS} statement of a declaration file, for DuckDB to run as it stands. */
    public static List<String> statements(String resource) {
        List<String> statements = new ArrayList<>();
        Matcher table = TABLE.matcher(text(resource).replaceAll("--[^\n]*", ""));
        while (table.find()) {
            statements.add(table.group());
        }
        return statements;
    }

    private static String text(String resource) {
        try (InputStream in = TableSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Schema> parse(String resource, String ddl) {
        String text = ddl.replaceAll("--[^\n]*", "");
        Map<String, Schema> tables = new LinkedHashMap<>();
        Matcher table = TABLE.matcher(text);
        while (table.find()) {
            String name = table.group(1) + "." + table.group(2);
            List<Field> fields = new ArrayList<>();
            for (String line : table.group(3).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                Matcher column = COLUMN.matcher(line);
                if (!column.matches() || !TYPES.containsKey(column.group(2))) {
                    throw new IllegalArgumentException(resource + ", table " + name + ": cannot map column '" + line.strip()
                            + "' (expected 'name TYPE [NOT NULL]' with TYPE one of " + TYPES.keySet() + ")");
                }
                fields.add(Field.newBuilder(column.group(1), TYPES.get(column.group(2)))
                        .setMode(column.group(3) == null ? Field.Mode.NULLABLE : Field.Mode.REQUIRED)
                        .build());
            }
            tables.put(name, Schema.of(fields));
        }
        if (tables.isEmpty()) {
            throw new IllegalArgumentException(resource + " declares no table");
        }
        return tables;
    }
}
