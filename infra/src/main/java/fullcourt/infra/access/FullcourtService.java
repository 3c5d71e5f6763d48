package fullcourt.infra.access;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/** The deployable services, each run under its own service account. */
public enum FullcourtService {
    COORDINATOR("coordinator", 0),
    ANALYTICS("analytics", 3),
    PRECOMPUTE("precompute", 4),
    PREDICTIONS("predictions", 5),
    PUBLISHING("publishing", 6);

    private final String id;
    private final int phase;

    FullcourtService(String id, int phase) {
        this.id = id;
        this.phase = phase;
    }

    /** The module and image name suffix: {@code analytics} for services/analytics and image fullcourt-analytics. */
    public String id() {
        return id;
    }

    /** The phase whose work the service consumes; empty for the coordinator. */
    public OptionalInt phase() {
        return phase == 0 ? OptionalInt.empty() : OptionalInt.of(phase);
    }

    /** The service account id, {@code fullcourt-analytics} (IAM allows 6-30 characters). */
    public String accountId() {
        return "fullcourt-" + id;
    }

    public String accountEmail(String project) {
        return accountId() + "@" + project + ".iam.gserviceaccount.com";
    }

    /** The IAM member of the service account, {@code serviceAccount:fullcourt-analytics@P.iam.gserviceaccount.com}. */
    public String member(String project) {
        return "serviceAccount:" + accountEmail(project);
    }

    public static List<FullcourtService> phaseServices() {
        return Arrays.stream(values()).filter(s -> s.phase().isPresent()).toList();
    }
}
