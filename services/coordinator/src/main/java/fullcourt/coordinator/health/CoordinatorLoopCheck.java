package fullcourt.coordinator.health;

import fullcourt.coordinator.Coordinator;
import fullcourt.coordinator.CoordinatorConfig;
import fullcourt.coordinator.LoopWatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/** The coordinator's loop is alive: started, its thread running, and its current turn shorter than the stall limit. */
@Liveness
@ApplicationScoped
public class CoordinatorLoopCheck implements HealthCheck {

    @Inject
    Coordinator coordinator;
    @Inject
    CoordinatorConfig config;

    @Override
    public HealthCheckResponse call() {
        LoopWatch.State loop = coordinator.loopState();
        // a standby has no loop running and is alive all the same: readiness (CoordinatorLeaseCheck) says it waits
        boolean standby = !coordinator.running() && coordinator.lease() != null && !coordinator.lease().held();
        boolean up = standby || coordinator.running() && loop.threadAlive()
                && loop.currentTurn().compareTo(config.loopStallLimit()) <= 0;
        HealthCheckResponseBuilder response = HealthCheckResponse.named("fullcourt-coordinator-loop").status(up)
                .withData("running", coordinator.running())
                .withData("standby", standby)
                .withData("threadAlive", loop.threadAlive())
                .withData("currentTurnMs", loop.currentTurn().toMillis())
                .withData("stallLimitMs", config.loopStallLimit().toMillis());
        if (loop.lastTurnEnded() != null) {
            response.withData("lastTurnEnded", loop.lastTurnEnded().toString());
        }
        return response.build();
    }
}
