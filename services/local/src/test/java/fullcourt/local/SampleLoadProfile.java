package fullcourt.local;

import java.util.Map;

/**
 * The platform's own catalog and processors on no generated season: the raw tables hold only what a test loads
 * (samples/raw), and a quiet period of 2 s before the coordinator acts on raw updates.
 */
public class SampleLoadProfile extends PlatformPipelineProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new java.util.HashMap<>(super.getConfigOverrides());
        config.remove("fullcourt.local.seasons"); // the test profile's default: generate nothing
        config.put("fullcourt.coordinator.raw-updates.quiet-period", "2s");
        return config;
    }
}
