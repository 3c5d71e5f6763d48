package fullcourt.engine.health;

import fullcourt.engine.transport.PubSubConnector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;

/**
 * Pub/Sub answers this service's own pulls: DOWN while the latest pull of any of its subscriptions failed (broker
 * unreachable, subscription missing, permission denied), naming it and the error. It makes no call of its own: a
 * service account holds roles/pubsub.subscriber on its subscriptions and roles/pubsub.publisher on its topics
 * (infra's AccessMatrix) and nothing more, and neither role grants the admin reads (topics.get, subscriptions.get) a
 * probe would need; the coordinator has no role on the task-events topic at all, only on its subscription.
 */
@Readiness
@ApplicationScoped
public class PubSubReadinessCheck implements HealthCheck {

    @Inject
    @Connector(PubSubConnector.NAME)
    PubSubConnector connector;

    @Override
    public HealthCheckResponse call() {
        Map<String, Optional<String>> pulls = connector.pullHealth();
        boolean up = pulls.values().stream().allMatch(Optional::isEmpty);
        HealthCheckResponseBuilder response = HealthCheckResponse.named("fullcourt-pubsub").status(up)
                .withData("subscriptions", pulls.size());
        pulls.forEach((subscription, failure) -> failure.ifPresent(error -> response.withData(subscription, error)));
        return response.build();
    }
}
