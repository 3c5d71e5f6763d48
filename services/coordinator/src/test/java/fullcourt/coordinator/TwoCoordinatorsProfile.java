package fullcourt.coordinator;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Short lease timings, so a takeover is seconds away; an application of its own, as its coordinator gets killed. */
public class TwoCoordinatorsProfile implements QuarkusTestProfile {

    static final int LEASE_SECONDS = 3;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("fullcourt.coordinator.lease.duration", LEASE_SECONDS + "s",
                "fullcourt.coordinator.lease.renew-interval", "1s");
    }
}
