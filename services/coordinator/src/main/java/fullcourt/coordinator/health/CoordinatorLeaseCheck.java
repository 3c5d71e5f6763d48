package fullcourt.coordinator.health;

import fullcourt.coordinator.Coordinator;
import fullcourt.coordinator.lease.CoordinatorLease;
import fullcourt.coordinator.lease.LeaseRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while this coordinator holds the coordinator lease and runs: a standby (another instance holds it) or a
 * coordinator that lost it is not ready, and says whom it waits for or why it stood down.
 */
@Readiness
@ApplicationScoped
public class CoordinatorLeaseCheck implements HealthCheck {

    @Inject
    Coordinator coordinator;

    @Override
    public HealthCheckResponse call() {
        CoordinatorLease lease = coordinator.lease();
        if (lease == null) {
            return HealthCheckResponse.named("fullcourt-coordinator-lease").down().withData("status", "not started")
                    .build();
        }
        boolean up = lease.held() && coordinator.running();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("fullcourt-coordinator-lease").status(up)
                .withData("holder", lease.holder())
                .withData("epoch", lease.epoch())
                .withData("status", lease.status());
        LeaseRow seen = lease.lastSeen();
        if (seen != null && !up) {
            response.withData("leaseHolder", seen.holder()).withData("leaseEpoch", seen.epoch())
                    .withData("leaseExpiresAt", seen.expiresAt().toString());
        }
        return response.build();
    }
}
