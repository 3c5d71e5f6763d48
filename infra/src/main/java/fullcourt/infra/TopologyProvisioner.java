package fullcourt.infra;

import com.google.api.gax.rpc.AlreadyExistsException;
import com.google.api.gax.rpc.NotFoundException;
import com.google.protobuf.Duration;
import com.google.protobuf.FieldMask;
import com.google.pubsub.v1.DeadLetterPolicy;
import com.google.pubsub.v1.ExpirationPolicy;
import com.google.pubsub.v1.RetryPolicy;
import com.google.pubsub.v1.Subscription;
import com.google.pubsub.v1.UpdateSubscriptionRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * Makes a Pub/Sub project match a {@link Topology}: creates what is missing and brings the delivery settings of
 * existing subscriptions in line, so running it again changes nothing.
 */
public final class TopologyProvisioner {

    private static final Logger LOG = Logger.getLogger(TopologyProvisioner.class);

    // Subscription fields this provisioner owns; UpdateSubscription touches only these.
    static final String DEAD_LETTER_POLICY = "dead_letter_policy";
    static final String RETRY_POLICY = "retry_policy";
    static final String ACK_DEADLINE_SECONDS = "ack_deadline_seconds";
    static final String MESSAGE_RETENTION_DURATION = "message_retention_duration";
    static final String EXPIRATION_POLICY = "expiration_policy";

    /**
     * An expiration policy without a ttl: the subscription never expires. Without any policy Pub/Sub deletes a
     * subscription after 31 days without a subscriber, and the work published to its topic after that is lost
     * (a phase service scaled to zero between seasons is exactly such an idle subscriber).
     */
    static final ExpirationPolicy NEVER_EXPIRES = ExpirationPolicy.getDefaultInstance();

    private final PubSubConnection connection;

    public TopologyProvisioner(PubSubConnection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    /**
     * Creates missing topics and subscriptions and updates the dead-letter, retry, ack-deadline and expiration
     * settings of existing subscriptions that differ from the topology. Safe to run concurrently and repeatedly.
     *
     * @throws IllegalStateException when an existing subscription reads another topic than declared: Pub/Sub cannot
     *     move a subscription, so an operator has to delete it first
     */
    public ProvisionReport provision(Topology topology) {
        List<String> created = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        for (String topic : topology.topics()) {
            String resource = "topics/" + topic;
            try {
                connection.topicAdmin().createTopic(connection.topic(topic));
                LOG.infof("Created topic %s", topic);
                created.add(resource);
            } catch (AlreadyExistsException e) {
                unchanged.add(resource);
            }
        }
        for (SubscriptionSpec spec : topology.subscriptions()) {
            String resource = "subscriptions/" + spec.name();
            switch (provision(spec)) {
                case CREATED -> created.add(resource);
                case UPDATED -> updated.add(resource);
                case UNCHANGED -> unchanged.add(resource);
            }
        }
        ProvisionReport report = new ProvisionReport(created, updated, unchanged);
        LOG.infof("Provisioned Pub/Sub project %s: %s", connection.projectId(), report);
        return report;
    }

    private enum Outcome { CREATED, UPDATED, UNCHANGED }

    private Outcome provision(SubscriptionSpec spec) {
        Subscription desired = desired(spec);
        Subscription existing;
        try {
            existing = connection.subscriptionAdmin().getSubscription(desired.getName());
        } catch (NotFoundException notFound) {
            try {
                connection.subscriptionAdmin().createSubscription(desired);
                LOG.infof("Created subscription %s on %s", spec.name(), spec.topic());
                return Outcome.CREATED;
            } catch (AlreadyExistsException raced) {
                // Another provisioner created it between our get and create: compare against theirs.
                existing = connection.subscriptionAdmin().getSubscription(desired.getName());
            }
        }
        if (!existing.getTopic().equals(desired.getTopic())) {
            throw new IllegalStateException("Subscription " + spec.name() + " exists on " + existing.getTopic()
                    + " but the topology declares it on " + desired.getTopic()
                    + "; Pub/Sub cannot move a subscription, delete it and provision again");
        }
        List<String> differing = new ArrayList<>(differingFields(existing, desired));
        if (connection.usesEmulator() && differing.remove(EXPIRATION_POLICY)) {
            // the emulator refuses the update ("Updating the expiration_policy field is currently unsupported in
            // the Pub/Sub Emulator", 0.8.20); it keeps the policy given at creation and deletes nothing idle
            LOG.debugf("Subscription %s: expiration policy left as it is on the emulator", spec.name());
        }
        if (differing.isEmpty()) {
            return Outcome.UNCHANGED;
        }
        connection.subscriptionAdmin().updateSubscription(UpdateSubscriptionRequest.newBuilder()
                .setSubscription(desired)
                .setUpdateMask(FieldMask.newBuilder().addAllPaths(differing))
                .build());
        LOG.infof("Updated subscription %s: %s", spec.name(), differing);
        return Outcome.UPDATED;
    }

    Subscription desired(SubscriptionSpec spec) {
        DeliveryPolicy policy = spec.policy();
        Subscription.Builder subscription = Subscription.newBuilder()
                .setName(connection.subscription(spec.name()).toString())
                .setTopic(connection.topic(spec.topic()).toString())
                .setAckDeadlineSeconds(policy.ackDeadlineSeconds())
                .setExpirationPolicy(NEVER_EXPIRES)
                .setRetryPolicy(RetryPolicy.newBuilder()
                        .setMinimumBackoff(protoDuration(policy.minBackoff()))
                        .setMaximumBackoff(protoDuration(policy.maxBackoff())));
        spec.retention().ifPresent(r -> subscription.setMessageRetentionDuration(protoDuration(r)));
        spec.deadLetterTopic().ifPresent(topic -> subscription.setDeadLetterPolicy(DeadLetterPolicy.newBuilder()
                .setDeadLetterTopic(connection.topic(topic).toString())
                .setMaxDeliveryAttempts(policy.maxDeliveryAttempts())));
        return subscription.build();
    }

    /** The update-mask paths of the owned fields whose values differ; compared by value, not by field presence. */
    static List<String> differingFields(Subscription existing, Subscription desired) {
        List<String> differing = new ArrayList<>();
        if (!sameDeadLetterPolicy(existing, desired)) {
            differing.add(DEAD_LETTER_POLICY);
        }
        if (!sameRetryPolicy(existing, desired)) {
            differing.add(RETRY_POLICY);
        }
        if (existing.getAckDeadlineSeconds() != desired.getAckDeadlineSeconds()) {
            differing.add(ACK_DEADLINE_SECONDS);
        }
        // only where declared: elsewhere the retention is Pub/Sub's default, or an operator's choice
        if (desired.hasMessageRetentionDuration()
                && !existing.getMessageRetentionDuration().equals(desired.getMessageRetentionDuration())) {
            differing.add(MESSAGE_RETENTION_DURATION);
        }
        // by presence too: no policy means the 31-day default, an empty one means never
        if (existing.hasExpirationPolicy() != desired.hasExpirationPolicy()
                || !existing.getExpirationPolicy().equals(desired.getExpirationPolicy())) {
            differing.add(EXPIRATION_POLICY);
        }
        return differing;
    }

    private static boolean sameDeadLetterPolicy(Subscription a, Subscription b) {
        if (a.hasDeadLetterPolicy() != b.hasDeadLetterPolicy()) {
            return false;
        }
        return a.getDeadLetterPolicy().getDeadLetterTopic().equals(b.getDeadLetterPolicy().getDeadLetterTopic())
                && a.getDeadLetterPolicy().getMaxDeliveryAttempts() == b.getDeadLetterPolicy().getMaxDeliveryAttempts();
    }

    // A subscription without a retry policy redelivers immediately, which is not "backoff of zero" on every server.
    private static boolean sameRetryPolicy(Subscription a, Subscription b) {
        if (a.hasRetryPolicy() != b.hasRetryPolicy()) {
            return false;
        }
        return a.getRetryPolicy().getMinimumBackoff().equals(b.getRetryPolicy().getMinimumBackoff())
                && a.getRetryPolicy().getMaximumBackoff().equals(b.getRetryPolicy().getMaximumBackoff());
    }

    private static Duration protoDuration(java.time.Duration duration) {
        return Duration.newBuilder().setSeconds(duration.getSeconds()).setNanos(duration.getNano()).build();
    }

    /** Deletes the topology's subscriptions, then its topics; what is already gone is skipped. Meant for tests. */
    public void deleteAll(Topology topology) {
        for (SubscriptionSpec spec : topology.subscriptions()) {
            try {
                connection.subscriptionAdmin().deleteSubscription(connection.subscription(spec.name()));
            } catch (NotFoundException e) {
                LOG.debugf("Subscription %s was already gone", spec.name());
            }
        }
        for (String topic : topology.topics()) {
            try {
                connection.topicAdmin().deleteTopic(connection.topic(topic));
            } catch (NotFoundException e) {
                LOG.debugf("Topic %s was already gone", topic);
            }
        }
    }
}
