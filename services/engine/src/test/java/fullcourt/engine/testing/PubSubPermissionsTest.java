package fullcourt.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import fullcourt.engine.testing.PubSubCallRecorder.Call;
import fullcourt.infra.access.FullcourtService;
import fullcourt.infra.access.ServiceAccess;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The method-to-permission table and the grant check, on calls written by hand. */
class PubSubPermissionsTest {

    private static final ServiceAccess WORKER = new ServiceAccess(FullcourtService.ANALYTICS,
            List.of("phase3-work-sub"), List.of("task-events", "phase3-work-dlq"), Set.of(), Set.of(), List.of(), false);

    private static Call call(String method, String resource) {
        return new Call("google.pubsub.v1." + method, "projects/p/" + resource);
    }

    @Test
    void pullsAcksAndPublishesOnGrantedResourcesPass() {
        List<Call> calls = List.of(call("Subscriber/Pull", "subscriptions/phase3-work-sub"),
                call("Subscriber/ModifyAckDeadline", "subscriptions/phase3-work-sub"),
                call("Subscriber/Acknowledge", "subscriptions/phase3-work-sub"),
                call("Publisher/Publish", "topics/task-events"));

        assertThat(PubSubPermissions.notGranted(WORKER, calls)).isEmpty();
        assertThat(PubSubPermissions.needs(calls)).containsExactly("pubsub.subscriptions.consume on"
                + " subscriptions/phase3-work-sub", "pubsub.topics.publish on topics/task-events");
    }

    @Test
    void adminReadsAnotherServicesSubscriptionAndUnknownMethodsFail() {
        List<Call> calls = List.of(call("Publisher/GetTopic", "topics/task-events"),
                call("Subscriber/Pull", "subscriptions/phase4-work-sub"),
                call("Publisher/Publish", "topics/phase4-work"),
                call("Subscriber/Seek", "subscriptions/phase3-work-sub"));

        assertThat(PubSubPermissions.notGranted(WORKER, calls)).containsExactly(
                "google.pubsub.v1.Subscriber/Seek on projects/p/subscriptions/phase3-work-sub: no permission known for"
                        + " this method",
                "pubsub.subscriptions.consume on subscriptions/phase4-work-sub (google.pubsub.v1.Subscriber/Pull) is"
                        + " not granted to ANALYTICS",
                "pubsub.topics.get on topics/task-events (google.pubsub.v1.Publisher/GetTopic) is not granted to"
                        + " ANALYTICS",
                "pubsub.topics.publish on topics/phase4-work (google.pubsub.v1.Publisher/Publish) is not granted to"
                        + " ANALYTICS");
    }
}
