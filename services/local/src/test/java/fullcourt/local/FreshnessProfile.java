package fullcourt.local;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The freshness test pipeline (freshness-catalog.json, SQL models in the test resources): processors
 * that read raw tables, so that raw updates have readers; and a quiet period of 3 s instead of 30 s,
 * long enough for a test's burst of messages, short enough not to wait for.
 */
public class FreshnessProfile implements QuarkusTestProfile {

    static final String QUIET_PERIOD = "3s";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "fullcourt.catalog", "classpath:freshness-catalog.json",
                "fullcourt.coordinator.raw-updates.quiet-period", QUIET_PERIOD);
    }
}
