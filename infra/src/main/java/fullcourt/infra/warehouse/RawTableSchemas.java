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
 * The raw input tables of {@code warehouse/raw_tables.sql} as BigQuery schemas, so DuckDB (which runs the file) and
 * BigQuery (which gets these schemas) share one declaration. The file keeps to one column per line and the four
 * types it documents, which map VARCHAR to STRING, DOUBLE to FLOAT64, INTEGER to INT64 and BOOLEAN to BOOL.
 */
public final class RawTableSchemas {

    public static final String RESOURCE = "warehouse/raw_tables.sql";

    private static final Pattern TABLE = Pattern.compile(
            "CREATE TABLE IF NOT EXISTS\\s+([a-z_]+)\\.([a-z_0-9]+)\\s*\\((.*?)\\);", Pattern.DOTALL);
    private static final Pattern COLUMN = Pattern.compile("^\\s*([a-z_0-9]+)\\s+([A-Z]+)(\\s+NOT NULL)?\\s*,?\\s*$");
    private static final Map<String, StandardSQLTypeName> TYPES = Map.of(
            "VARCHAR", StandardSQLTypeName.STRING,
            "DOUBLE", StandardSQLTypeName.FLOAT64,
            "INTEGER", StandardSQLTypeName.INT64,
            "BOOLEAN", StandardSQLTypeName.BOOL,
            "DATE", StandardSQLTypeName.DATE,
            "TIMESTAMP", StandardSQLTypeName.TIMESTAMP);

    private RawTableSchemas() {
    }

    /** {@code dataset.table} to schema, in file order, from the classpath resource. */
    public static Map<String, Schema> load() {
        try (InputStream in = RawTableSchemas.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Schema> parse(String ddl) {
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
                    throw new IllegalArgumentException(RESOURCE + ", table " + name + ": cannot map column '" + line.strip()
                            + "' (expected 'name TYPE [NOT NULL]' with TYPE one of " + TYPES.keySet() + ")");
                }
                fields.add(Field.newBuilder(column.group(1), TYPES.get(column.group(2)))
                        .setMode(column.group(3) == null ? Field.Mode.NULLABLE : Field.Mode.REQUIRED)
                        .build());
            }
            tables.put(name, Schema.of(fields));
        }
        if (tables.isEmpty()) {
            throw new IllegalArgumentException(RESOURCE + " declares no table");
        }
        return tables;
    }
}
