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
     * The coordinator's subscriptions to requests, task events and each work DLQ share the policy's retry and ack
     * deadline but do not dead-letter: the coordinator rejects a bad request or drops a bad event itself, and a
     * failure to handle a good one (the ledger unreachable) must wait for the fix, not be dropped.
     *
     * <p>Raw updates come from outside Fullcourt and are coalesced into one run per burst: a message the coordinator
     * cannot read it dead-letters to {@code raw-updates-dlq} itself, and its subscription dead-letters there too after
     * the maximum deliveries, so one message whose run keeps failing cannot hold back every later burst with it; the
     * DLQ's subscription is for operators (who republish after a fix), Fullcourt does not read it. Run events have
     * no subscription here: each reader (CLI, notifications) brings its own.
     */
    public static Topology of(Topics names, DeliveryPolicy policy) {
        List<String> topics = new ArrayList<>(List.of(names.backfillRequests(), names.taskEvents(), names.runEvents(),
                names.rawUpdates(), names.rawUpdatesDeadLetter()));
        List<SubscriptionSpec> subscriptions = new ArrayList<>(List.of(
                SubscriptionSpec.of(names.requestsSubscription(), names.backfillRequests(), policy),
                SubscriptionSpec.of(names.taskEventsSubscription(), names.taskEvents(), policy),
                SubscriptionSpec.deadLettering(names.rawUpdatesSubscription(), names.rawUpdates(),
                        names.rawUpdatesDeadLetter(), policy),
                SubscriptionSpec.of(names.rawUpdatesDeadLetterSubscription(), names.rawUpdatesDeadLetter(), policy)));
        for (int phase : Topics.PHASES) {
            topics.add(names.work(phase));
            topics.add(names.workDeadLetter(phase));
            subscriptions.add(SubscriptionSpec.deadLettering(
                    names.workSubscription(phase), names.work(phase), names.workDeadLetter(phase), policy));
            subscriptions.add(SubscriptionSpec.of(
                    names.workDeadLetterSubscription(phase), names.workDeadLetter(phase), policy));
        }
        return new Topology(topics, subscriptions);
    }

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
