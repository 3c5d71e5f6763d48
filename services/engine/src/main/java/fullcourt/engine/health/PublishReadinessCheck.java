package fullcourt.engine.health;

import fullcourt.engine.transport.PubSubConnector;
import fullcourt.engine.transport.PublishHealth;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;

/** Every outgoing channel can publish: DOWN, naming the channel and its error, while one's publishes keep failing. */
@ApplicationScoped
@org.eclipse.microprofile.health.Readiness
public class PublishReadinessCheck implements HealthCheck {

    @Inject
    @Connector(PubSubConnector.NAME)
    PubSubConnector connector;

    @Override
    public HealthCheckResponse call() {
        Map<String, PublishHealth.Failing> failing = connector.publishHealth().failingChannels();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("fullcourt-publish").status(failing.isEmpty());
        failing.forEach((channel, f) -> response.withData(channel, f.failures() + " publishes failed since " + f.since()
                + ": " + f.error()));
        return response.build();
    }
}
