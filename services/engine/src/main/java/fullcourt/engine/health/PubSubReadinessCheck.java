package fullcourt.engine.health;

import com.google.pubsub.v1.GetTopicRequest;
import fullcourt.engine.transport.PubSubRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Pub/Sub answers: one cheap admin call (get the {@code task-events} topic, which every service
 * publishes to or reads from) on the configured connection, emulator or Google Cloud.
 */
@Readiness
@ApplicationScoped
public class PubSubReadinessCheck implements HealthCheck {

    static final long TIMEOUT_SECONDS = 5;

    @Inject
    PubSubRuntime pubsub;

    @Override
    public HealthCheckResponse call() {
        String topic = pubsub.topics().taskEvents();
        try {
            var connection = pubsub.connection();
            GetTopicRequest request = GetTopicRequest.newBuilder().setTopic(connection.topic(topic).toString()).build();
            connection.topicAdmin().getTopicCallable().futureCall(request).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return HealthCheckResponse.named("fullcourt-pubsub").up()
                    .withData("project", connection.projectId())
                    .withData("topic", topic)
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down(topic, "interrupted");
        } catch (Exception e) {
            return down(topic, e.getCause() != null ? e.getCause().toString() : e.toString());
        }
    }

    private static HealthCheckResponse down(String topic, String error) {
        return HealthCheckResponse.named("fullcourt-pubsub").down().withData("topic", topic).withData("error", error).build();
    }
}
