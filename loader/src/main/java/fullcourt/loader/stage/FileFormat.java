package fullcourt.loader.stage;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The file formats a load reads, each with DuckDB's own reader. */
public enum FileFormat {
    CSV, PARQUET, JSON;

    /** The format named on the command line: csv, parquet or json. */
    public static Optional<FileFormat> named(String name) {
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The format a file's extension says: .csv, .parquet, .json/.ndjson/.jsonl (newline-delimited). */
    public static Optional<FileFormat> of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return Optional.of(CSV);
        }
        if (name.endsWith(".parquet")) {
            return Optional.of(PARQUET);
        }
        if (name.endsWith(".json") || name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
            return Optional.of(JSON);
        }
        return Optional.empty();
    }
}
