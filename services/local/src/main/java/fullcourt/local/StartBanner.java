package fullcourt.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every port and path the all-in-one really uses, printed in one block at start: what a person needs to point the
 * CLI at it ({@code --emulator}, {@code --duckdb}), to tail its log and to find its exports. Paths are absolute.
 *
 * @param apiUrl   the coordinator API's base URL, with the port the HTTP server listens on
 * @param emulator the Pub/Sub emulator's host:port, empty on Google Cloud Pub/Sub
 * @param duckdb   the DuckDB database file, empty on BigQuery
 * @param exports  the exports directory, empty when exports go to a bucket
 */
record StartBanner(String apiUrl, Optional<String> emulator, Optional<Path> duckdb, Path logFile,
                   Optional<Path> exports, String exportsLocation) {

    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("Fullcourt all-in-one");
        lines.add(row("API", apiUrl + "/runs (dashboard " + apiUrl + "/dashboard/)"));
        lines.add(row("Pub/Sub emulator", emulator.map(e -> e + "   export PUBSUB_EMULATOR_HOST=" + e)
                .orElse("none: Google Cloud Pub/Sub")));
        lines.add(row("DuckDB file", duckdb.map(Path::toString).orElse("none: BigQuery")));
        lines.add(row("Data directory", duckdb.map(Path::getParent).map(Path::toString).orElse("none")));
        lines.add(row("Log file", logFile + "   (task-level INFO; warnings and errors also here)"));
        lines.add(row("Exports", exports.map(Path::toString).orElse(exportsLocation)));
        return lines;
    }

    String render() {
        return String.join(System.lineSeparator(), lines()) + System.lineSeparator();
    }

    private static String row(String what, String value) {
        return String.format("  %-17s %s", what + ":", value);
    }

    /** A DuckDB path as the warehouse opens it: absolute and normalised; empty for an in-memory database. */
    static Optional<Path> duckdbFile(String backend, String duckdbPath) {
        if (!backend.equals("duckdb") || duckdbPath.equals(":memory:")) {
            return Optional.empty();
        }
        return Optional.of(absolute(Path.of(duckdbPath)));
    }

    static Path absolute(Path path) {
        return path.toAbsolutePath().normalize();
    }
}
