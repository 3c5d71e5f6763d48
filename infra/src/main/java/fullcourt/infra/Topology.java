package fullcourt.infra;

import fullcourt.messages.Topics;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every Pub/Sub topic and subscription Fullcourt needs, declared once as data and provisioned by
 * {@link TopologyProvisioner} against the emulator and real Pub/Sub alike.
 */
public record Topology(List<String> topics, List<SubscriptionSpec> subscriptions) {

    public Topology {
        topics = List.copyOf(topics);
        subscriptions = List.copyOf(subscriptions);
        List<String> problems = new ArrayList<>();
        Set<String> topicSet = new HashSet<>();
        for (String topic : topics) {
            checkName("topic", topic, problems);
            if (!topicSet.add(topic)) {
                problems.add("topic " + topic + " is declared twice");
            }
        }
        Set<String> subscriptionNames = new HashSet<>();
        for (SubscriptionSpec spec : subscriptions) {
            checkName("subscription", spec.name(), problems);
            if (!subscriptionNames.add(spec.name())) {
                problems.add("subscription " + spec.name() + " is declared twice");
            }
            if (!topicSet.contains(spec.topic())) {
                problems.add("subscription " + spec.name() + " reads undeclared topic " + spec.topic());
            }
            spec.deadLetterTopic().filter(t -> !topicSet.contains(t)).ifPresent(t ->
                    problems.add("subscription " + spec.name() + " dead-letters to undeclared topic " + t));
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid topology: " + String.join("; ", problems));
        }
    }

    /**
     * Fullcourt's topology: the request, task-event and run-event topics, and per phase a work topic whose
     * subscription dead-letters to that phase's DLQ topic after {@code policy.maxDeliveryAttempts()} deliveries.
     * Every subscription Fullcourt reads dead-letters: the coordinator's (requests, task events, each work DLQ) to
     * {@code coordinator-dlq}, so that no message it keeps failing on (a bug, a ledger down for days) is redelivered
     * forever. The coordinator rejects bad messages itself and acks them; what it nacks is what it could not handle
     * yet. Task events get {@link #TASK_EVENT_DELIVERY_ATTEMPTS}: an event of a run this coordinator does not know
     * is nacked (another coordinator may be taking over and know it), and must outlast a handover before it gives up.
     * The two operator-read sinks ({@code raw-updates-dlq-sub}, {@code coordinator-dlq-sub}) are the end of the line:
     * nothing nacks there, so they do not dead-letter.
     *
     * <p>Raw updates come from outside Fullcourt and are coalesced into one run per burst: a message the coordinator
     * cannot read it dead-letters to {@code raw-updates-dlq} itself, and its subscription dead-letters there too after
     * the maximum deliveries, so one message whose run keeps failing cannot hold back every later burst with it; the
     * DLQ's subscription is for operators (who republish after a fix), Fullcourt does not read it.
     *
     * <p>Run events have one subscription here, {@code run-events-operator}, which operators' commands share: each
     * acks the events of its own request and nacks the others' for the command that waits for them; what nobody
     * acks is gone after {@link #OPERATOR_RETENTION}. It lets an operator wait for answers with
     * {@code roles/pubsub.subscriber} on it alone. Other readers (notifications) bring their own.
     */
    public static Topology of(Topics names, DeliveryPolicy policy) {
        String coordinatorDlq = names.coordinatorDeadLetter();
        List<String> topics = new ArrayList<>(List.of(names.backfillRequests(), names.taskEvents(), names.runEvents(),
                names.rawUpdates(), names.rawUpdatesDeadLetter(), coordinatorDlq));
        List<SubscriptionSpec> subscriptions = new ArrayList<>(List.of(
                SubscriptionSpec.deadLettering(names.requestsSubscription(), names.backfillRequests(), coordinatorDlq,
                        policy),
                SubscriptionSpec.deadLettering(names.taskEventsSubscription(), names.taskEvents(), coordinatorDlq,
                        policy.withMaxDeliveryAttempts(TASK_EVENT_DELIVERY_ATTEMPTS)),
                SubscriptionSpec.of(names.coordinatorDeadLetterSubscription(), coordinatorDlq, policy),
                SubscriptionSpec.deadLettering(names.rawUpdatesSubscription(), names.rawUpdates(),
                        names.rawUpdatesDeadLetter(), policy),
                SubscriptionSpec.of(names.rawUpdatesDeadLetterSubscription(), names.rawUpdatesDeadLetter(), policy),
                SubscriptionSpec.shortLived(names.runEventsOperatorSubscription(), names.runEvents(),
                        OPERATOR_DELIVERY, OPERATOR_RETENTION)));
        for (int phase : Topics.PHASES) {
            topics.add(names.work(phase));
            topics.add(names.workDeadLetter(phase));
            subscriptions.add(SubscriptionSpec.deadLettering(
                    names.workSubscription(phase), names.work(phase), names.workDeadLetter(phase), policy));
            subscriptions.add(SubscriptionSpec.deadLettering(
                    names.workDeadLetterSubscription(phase), names.workDeadLetter(phase), coordinatorDlq, policy));
        }
        return new Topology(topics, subscriptions);
    }

    /**
     * Run events on the operators' subscription: a nacked event (another command's) comes back within seconds, so
     * the command waiting for it gets it soon; what nobody acks goes after Pub/Sub's shortest retention.
     */
    public static final DeliveryPolicy OPERATOR_DELIVERY =
            new DeliveryPolicy(5, java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(10), 10);
    public static final java.time.Duration OPERATOR_RETENTION = java.time.Duration.ofMinutes(10);

    /** Deliveries of a task event before it is dead-lettered: Pub/Sub's maximum, hours of backoff. */
    public static final int TASK_EVENT_DELIVERY_ATTEMPTS = 100;

    /** The declared subscription with this name, if any. */
    public Optional<SubscriptionSpec> subscription(String name) {
        return subscriptions.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The subscriptions that dead-letter, i.e. those needing the service agent's grants of
     * {@link fullcourt.infra.access.AccessMatrix#pubSubBindings}. */
    public List<SubscriptionSpec> deadLetteringSubscriptions() {
        return subscriptions.stream().filter(s -> s.deadLetterTopic().isPresent()).toList();
    }

    // Pub/Sub resource ids: 3..255 characters, start with a letter, letters/digits/-_.~+%, not starting with "goog".
    private static void checkName(String kind, String name, List<String> problems) {
        if (name == null || !name.matches("[A-Za-z][A-Za-z0-9\\-_.~+%]{2,254}") || name.startsWith("goog")) {
            problems.add(kind + " name '" + name + "' is not a valid Pub/Sub id (3-255 characters, starting with a letter,"
                    + " then letters, digits or -_.~+%, not starting with 'goog')");
        }
    }
}
