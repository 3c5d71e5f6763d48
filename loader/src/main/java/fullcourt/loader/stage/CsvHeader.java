package fullcourt.loader.stage;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The column names of a CSV file's first line. DuckDB is told the columns explicitly (no auto-detection), so the
 * header is read here to know which contract columns the file has and in which order.
 */
final class CsvHeader {

    private CsvHeader() {
    }

    static List<String> read(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = in.readLine();
            if (line == null) {
                return List.of();
            }
            if (line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            return split(line);
        }
    }

    /** Fields of one CSV line: comma-separated, double quotes around a field, "" for a quote inside one. */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                fields.add(field.toString().strip());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        fields.add(field.toString().strip());
        return fields;
    }
}
