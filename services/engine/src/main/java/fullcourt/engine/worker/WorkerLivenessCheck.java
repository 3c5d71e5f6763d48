package fullcourt.engine.worker;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * The worker loop is alive: its pool takes work, and the messages it handles make progress within
 * the longest task deadline of its processors plus the time to publish the attempt's events twice
 * (STARTED, then the end).
 */
@Liveness
@ApplicationScoped
@IfBuildProperty(name = "fullcourt.worker.enabled", stringValue = "true")
public class WorkerLivenessCheck implements HealthCheck {

    @Inject
    WorkConsumer consumer;

    @Override
    public HealthCheckResponse call() {
        Duration limit = consumer.longestDeadline().plusSeconds(2 * WorkConsumer.PUBLISH_TIMEOUT_SECONDS);
        WorkerHeartbeat heartbeat = consumer.heartbeat();
        Duration stalled = heartbeat.stalledFor();
        boolean up = consumer.accepting() && stalled.compareTo(limit) <= 0;
        return HealthCheckResponse.named("fullcourt-worker").status(up)
                .withData("handling", heartbeat.handling())
                .withData("stalledForMs", stalled.toMillis())
                .withData("stallLimitMs", limit.toMillis())
                .build();
    }
}
