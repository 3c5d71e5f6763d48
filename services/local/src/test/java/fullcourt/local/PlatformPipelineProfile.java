package fullcourt.local;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The platform's own catalog and processors on generated seasons: 2022-23 by default, or
 * {@code -Dpipeline.seasons=2021-22..2024-25} for the four-season acceptance run.
 */
public class PlatformPipelineProfile implements QuarkusTestProfile {

    static final String SEASONS = System.getProperty("pipeline.seasons", "2022-23");
    /** Where the run's JSON exports go: a fresh directory per test JVM. */
    static final Path EXPORTS = temporaryDirectory();

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("fullcourt-exports");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "fullcourt.catalog", "classpath:fullcourt-catalog.json",
                "fullcourt.local.seasons", SEASONS,
                "fullcourt.coordinator.global-in-flight", "8",
                "fullcourt.coordinator.max-range-days", "2000",
                "fullcourt.exports.location", EXPORTS.toString(),
                // the real processors: training a week's model takes seconds on a busy 2-core machine
                "fullcourt.worker.deadline", "2m");
    }
}
