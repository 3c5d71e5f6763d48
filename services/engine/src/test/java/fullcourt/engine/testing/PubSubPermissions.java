package fullcourt.engine.testing;

import fullcourt.infra.access.ServiceAccess;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The IAM permission each Pub/Sub call needs, and whether a service's grants (infra's AccessMatrix) hold it.
 *
 * <p>Permissions per method, from Google's "Access control with IAM" page for Pub/Sub
 * (https://cloud.google.com/pubsub/docs/access-control, "Required permissions"): Publish needs
 * {@code pubsub.topics.publish} on the topic; Pull, StreamingPull, Acknowledge and ModifyAckDeadline need
 * {@code pubsub.subscriptions.consume} on the subscription; GetTopic {@code pubsub.topics.get}; GetSubscription
 * {@code pubsub.subscriptions.get}; UpdateSubscription {@code pubsub.subscriptions.update}; CreateTopic and
 * CreateSubscription a create permission on the project. The matrix grants roles/pubsub.publisher on its topics,
 * which holds {@code pubsub.topics.publish} only, and roles/pubsub.subscriber on its subscriptions, which holds
 * {@code pubsub.subscriptions.consume} (with {@code pubsub.topics.attachSubscription} and
 * {@code pubsub.snapshots.seek}, on topics and snapshots, none of which Fullcourt's calls need); neither holds a
 * get, update or create.
 */
public final class PubSubPermissions {

    private static final String PUBLISHER = "google.pubsub.v1.Publisher/";
    private static final String SUBSCRIBER = "google.pubsub.v1.Subscriber/";

    /** The permission each method needs on the resource its request names. */
    static final Map<String, String> PERMISSION_OF_METHOD = Map.ofEntries(
            Map.entry(PUBLISHER + "Publish", "pubsub.topics.publish"),
            Map.entry(PUBLISHER + "GetTopic", "pubsub.topics.get"),
            Map.entry(PUBLISHER + "CreateTopic", "pubsub.topics.create"),
            Map.entry(PUBLISHER + "DeleteTopic", "pubsub.topics.delete"),
            Map.entry(SUBSCRIBER + "Pull", "pubsub.subscriptions.consume"),
            Map.entry(SUBSCRIBER + "StreamingPull", "pubsub.subscriptions.consume"),
            Map.entry(SUBSCRIBER + "Acknowledge", "pubsub.subscriptions.consume"),
            Map.entry(SUBSCRIBER + "ModifyAckDeadline", "pubsub.subscriptions.consume"),
            Map.entry(SUBSCRIBER + "GetSubscription", "pubsub.subscriptions.get"),
            Map.entry(SUBSCRIBER + "UpdateSubscription", "pubsub.subscriptions.update"),
            Map.entry(SUBSCRIBER + "CreateSubscription", "pubsub.subscriptions.create"),
            Map.entry(SUBSCRIBER + "DeleteSubscription", "pubsub.subscriptions.delete"));

    private PubSubPermissions() {
    }

    /** A permission needed on a resource ({@code topics/ID} or {@code subscriptions/ID}). */
    public record Need(String permission, String resource) {
        @Override
        public String toString() {
            return permission + " on " + resource;
        }
    }

    /** What {@code call} needs; empty for a method this table does not know (reported by {@link #notGranted}). */
    public static Optional<Need> needOf(PubSubCallRecorder.Call call) {
        String permission = PERMISSION_OF_METHOD.get(call.method());
        if (permission == null) {
            return Optional.empty();
        }
        // projects/P/topics/ID -> topics/ID
        String[] parts = call.resource().split("/");
        String resource = parts.length == 4 ? parts[2] + "/" + parts[3] : call.resource();
        return Optional.of(new Need(permission, resource));
    }

    /** Whether {@code access} holds {@code need}: the roles it is granted, on the resources it is granted them on. */
    public static boolean granted(ServiceAccess access, Need need) {
        return switch (need.permission()) {
            case "pubsub.topics.publish" -> access.publishes().stream().anyMatch(t -> need.resource().equals("topics/" + t));
            case "pubsub.subscriptions.consume" ->
                    access.subscriptions().stream().anyMatch(s -> need.resource().equals("subscriptions/" + s));
            default -> false;
        };
    }

    /** Each distinct need of {@code calls} that {@code access} does not hold, and each method with no known need. */
    public static Set<String> notGranted(ServiceAccess access, Collection<PubSubCallRecorder.Call> calls) {
        Set<String> problems = new TreeSet<>();
        for (PubSubCallRecorder.Call call : calls) {
            Optional<Need> need = needOf(call);
            if (need.isEmpty()) {
                problems.add(call.method() + " on " + call.resource() + ": no permission known for this method");
            } else if (!granted(access, need.get())) {
                problems.add(need.get() + " (" + call.method() + ") is not granted to " + access.service());
            }
        }
        return problems;
    }

    /** The distinct needs of {@code calls}, sorted: what the test shows when it passes. */
    public static List<String> needs(Collection<PubSubCallRecorder.Call> calls) {
        return new ArrayList<>(calls.stream().map(PubSubPermissions::needOf).flatMap(Optional::stream)
                .map(Need::toString).collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
    }
}
