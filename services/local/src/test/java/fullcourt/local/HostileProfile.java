package fullcourt.local;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The hostile-message suite holds an alpha task in flight while it forges; the 5 s test deadline would end it. */
public class HostileProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("fullcourt.worker.deadlines.alpha", "2m");
    }
}
