package fullcourt.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The start-up banner names every port and path the all-in-one uses, each on its own line of one block. */
class StartBannerTest {

    @Test
    void everyPortAndPathInUseIsInOneBlock() {
        Optional<Path> duckdb = StartBanner.duckdbFile("duckdb", "data/../data/fullcourt.duckdb");
        Path cwd = Path.of("").toAbsolutePath();
        StartBanner banner = new StartBanner("http://localhost:18080", Optional.of("127.0.0.1:18085"), duckdb,
                cwd.resolve("data/logs/fullcourt.log"), Optional.of(cwd.resolve("data/exports")), "data/exports");

        assertThat(banner.lines()).containsExactly(
                "Fullcourt all-in-one",
                "  API:              http://localhost:18080/runs (dashboard http://localhost:18080/dashboard/)",
                "  Pub/Sub emulator: 127.0.0.1:18085   export PUBSUB_EMULATOR_HOST=127.0.0.1:18085",
                "  DuckDB file:      " + cwd.resolve("data/fullcourt.duckdb"),
                "  Data directory:   " + cwd.resolve("data"),
                "  Log file:         " + cwd.resolve("data/logs/fullcourt.log")
                        + "   (task-level INFO; warnings and errors also here)",
                "  Exports:          " + cwd.resolve("data/exports"));
    }

    @Test
    void productionBackendsSayWhatTheyAreInsteadOfAPath() {
        StartBanner banner = new StartBanner("http://localhost:8080", Optional.empty(),
                StartBanner.duckdbFile("bigquery", "data/fullcourt.duckdb"), Path.of("/var/log/fullcourt.log"),
                Optional.empty(), "gs://acme-exports/fullcourt");

        assertThat(banner.render()).contains("Pub/Sub emulator: none: Google Cloud Pub/Sub")
                .contains("DuckDB file:      none: BigQuery").contains("Exports:          gs://acme-exports/fullcourt");
        assertThat(StartBanner.duckdbFile("duckdb", ":memory:")).isEmpty();
    }
}
