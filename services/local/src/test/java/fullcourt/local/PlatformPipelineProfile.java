package fullcourt.local;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The platform's own catalog and processors, on one generated season. */
public class PlatformPipelineProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "fullcourt.catalog", "classpath:fullcourt-catalog.json",
                "fullcourt.local.seasons", "2022-23",
                "fullcourt.coordinator.global-in-flight", "8");
    }
}
