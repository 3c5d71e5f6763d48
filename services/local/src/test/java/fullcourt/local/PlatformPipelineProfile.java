package fullcourt.local;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The platform's own catalog and processors on generated seasons: 2022-23 by default, or
 * {@code -Dphase3.seasons=2021-22..2024-25} for the four-season acceptance run.
 */
public class PlatformPipelineProfile implements QuarkusTestProfile {

    static final String SEASONS = System.getProperty("phase3.seasons", "2022-23");

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "fullcourt.catalog", "classpath:fullcourt-catalog.json",
                "fullcourt.local.seasons", SEASONS,
                "fullcourt.coordinator.global-in-flight", "8",
                "fullcourt.coordinator.max-range-days", "2000");
    }
}
