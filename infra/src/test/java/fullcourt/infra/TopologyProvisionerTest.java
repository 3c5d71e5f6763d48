package fullcourt.infra;

import fullcourt.infra.testing.RunningEmulator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Duration;
import com.google.pubsub.v1.DeadLetterPolicy;
import com.google.pubsub.v1.ExpirationPolicy;
import com.google.pubsub.v1.ProjectName;
import com.google.pubsub.v1.RetryPolicy;
import com.google.pubsub.v1.Subscription;
import com.google.pubsub.v1.Topic;
import fullcourt.messages.Topics;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TopologyProvisionerTest {

    private static final String PROJECT = "fullcourt-test";

    private static RunningEmulator pubsub;
    private static PubSubConnection connection;

    private final Topics names = RunningEmulator.freshTopics();
    private final Topology topology = Topology.of(names, DeliveryPolicy.DEFAULTS);
    private TopologyProvisioner provisioner;

    @BeforeAll
    static void startEmulator() {
        pubsub = RunningEmulator.start(PROJECT);
        connection = pubsub.connection();
    }

    @AfterAll
    static void stopEmulator() {
        if (pubsub != null) {
            pubsub.close();
        }
    }

    @AfterEach
    void deleteTopology() {
        if (provisioner != null) {
            provisioner.deleteAll(topology);
        }
    }

    private TopologyProvisioner provisioner() {
        provisioner = new TopologyProvisioner(connection);
        return provisioner;
    }

    @Test
    void provisioningCreatesEveryTopicAndSubscription() {
        ProvisionReport report = provisioner().provision(topology);

        assertThat(report.created()).containsExactlyElementsOf(Stream.concat(
                topology.topics().stream().map(t -> "topics/" + t),
                topology.subscriptions().stream().map(s -> "subscriptions/" + s.name())).toList());
        assertThat(report.updated()).isEmpty();
        assertThat(report.unchanged()).isEmpty();
        assertThat(topicsInProject()).containsAll(topology.topics().stream().map(t -> connection.topic(t).toString()).toList());
        for (SubscriptionSpec spec : topology.subscriptions()) {
            assertThat(read(spec.name()).getTopic()).isEqualTo(connection.topic(spec.topic()).toString());
        }
    }

    @Test
    void workSubscriptionsGetTheirDeadLetterRetryAndAckDeadlinePolicies() {
        provisioner().provision(topology);

        for (int phase : Topics.PHASES) {
            Subscription work = read(names.workSubscription(phase));
            assertThat(work.getDeadLetterPolicy()).isEqualTo(DeadLetterPolicy.newBuilder()
                    .setDeadLetterTopic("projects/" + PROJECT + "/topics/" + names.workDeadLetter(phase))
                    .setMaxDeliveryAttempts(5)
                    .build());
            assertThat(work.getRetryPolicy()).isEqualTo(retryPolicy(10, 600));
            assertThat(work.getAckDeadlineSeconds()).isEqualTo(60);

            Subscription deadLetters = read(names.workDeadLetterSubscription(phase));
            assertThat(deadLetters.getTopic()).isEqualTo("projects/" + PROJECT + "/topics/" + names.workDeadLetter(phase));
            assertThat(deadLetters.getDeadLetterPolicy().getDeadLetterTopic())
                    .isEqualTo("projects/" + PROJECT + "/topics/" + names.coordinatorDeadLetter());
        }
        assertThat(read(names.requestsSubscription()).getDeadLetterPolicy()).isEqualTo(DeadLetterPolicy.newBuilder()
                .setDeadLetterTopic("projects/" + PROJECT + "/topics/" + names.coordinatorDeadLetter())
                .setMaxDeliveryAttempts(5)
                .build());
        assertThat(read(names.taskEventsSubscription()).getDeadLetterPolicy().getMaxDeliveryAttempts())
                .isEqualTo(Topology.TASK_EVENT_DELIVERY_ATTEMPTS);
        assertThat(read(names.coordinatorDeadLetterSubscription()).hasDeadLetterPolicy()).isFalse();
        assertThat(read(names.rawUpdatesSubscription()).getDeadLetterPolicy()).isEqualTo(DeadLetterPolicy.newBuilder()
                .setDeadLetterTopic("projects/" + PROJECT + "/topics/" + names.rawUpdatesDeadLetter())
                .setMaxDeliveryAttempts(5)
                .build());
        assertThat(read(names.rawUpdatesDeadLetterSubscription()).hasDeadLetterPolicy()).isFalse();
        assertThat(read(names.taskEventsSubscription()).getRetryPolicy()).isEqualTo(retryPolicy(10, 600));
    }

    @Test
    void everySubscriptionReadsBackNeverExpiringWithItsRetryAndDeadLetterPolicies() {
        provisioner().provision(topology);

        for (SubscriptionSpec spec : topology.subscriptions()) {
            Subscription read = read(spec.name());
            assertThat(read.hasExpirationPolicy()).as(spec.name() + " has an expiration policy").isTrue();
            assertThat(read.getExpirationPolicy().hasTtl()).as(spec.name() + " has no ttl: it never expires").isFalse();
            assertThat(read.getRetryPolicy()).as(spec.name()).isEqualTo(
                    retryPolicy(spec.policy().minBackoff().toSeconds(), spec.policy().maxBackoff().toSeconds()));
            spec.retention().ifPresent(r -> assertThat(read.getMessageRetentionDuration().getSeconds())
                    .as(spec.name() + " retention").isEqualTo(r.toSeconds()));
            if (spec.deadLetterTopic().isPresent()) {
                assertThat(read.getDeadLetterPolicy()).as(spec.name()).isEqualTo(DeadLetterPolicy.newBuilder()
                        .setDeadLetterTopic("projects/" + PROJECT + "/topics/" + spec.deadLetterTopic().get())
                        .setMaxDeliveryAttempts(spec.policy().maxDeliveryAttempts())
                        .build());
            } else {
                assertThat(read.hasDeadLetterPolicy()).as(spec.name()).isFalse();
            }
        }
    }

    @Test
    void aSubscriptionCreatedWithoutThePolicyIsLeftAloneOnTheEmulatorWhichCannotUpdateIt() {
        // as created by a version before the expiration policy: on real Pub/Sub the provisioner updates it to never
        // expire (onlyTheOwnedFieldsThatDifferGoInTheUpdateMask); the emulator answers such an update with
        // INVALID_ARGUMENT "Updating the expiration_policy field is currently unsupported in the Pub/Sub Emulator"
        String work = names.workSubscription(3);
        Topology one = new Topology(List.of(names.work(3), names.workDeadLetter(3)),
                List.of(topology.subscription(work).orElseThrow()));
        connection.topicAdmin().createTopic(connection.topic(names.work(3)));
        connection.topicAdmin().createTopic(connection.topic(names.workDeadLetter(3)));
        connection.subscriptionAdmin().createSubscription(provisioner().desired(one.subscriptions().get(0)).toBuilder()
                .clearExpirationPolicy().build());

        ProvisionReport report = provisioner().provision(one);

        assertThat(report.changedNothing()).as(report.toString()).isTrue();
        provisioner().deleteAll(one);
    }

    @Test
    void provisioningTwiceChangesNothingTheSecondTime() {
        provisioner().provision(topology);

        ProvisionReport second = provisioner().provision(topology);

        assertThat(second.changedNothing()).isTrue();
        // 14 topics (3 message topics + raw updates and their DLQ + the coordinator's DLQ + 4 phases x 2) and 14
        // subscriptions (2 coordinator + its DLQ's + raw updates and their DLQ + the operators' run events + 4 phases
        // x 2).
        assertThat(second.unchanged()).hasSize(14 + 14);
    }

    @Test
    void changedDeliveryPolicyUpdatesTheExistingSubscriptions() {
        provisioner().provision(topology);
        DeliveryPolicy stricter = new DeliveryPolicy(7, java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(30), 20);

        ProvisionReport report = provisioner().provision(Topology.of(names, stricter));

        assertThat(report.created()).isEmpty();
        // every subscription on the topology's policy; the operators' keeps its own
        assertThat(report.updated()).containsExactlyElementsOf(topology.subscriptions().stream()
                .filter(s -> !s.name().equals(names.runEventsOperatorSubscription()))
                .map(s -> "subscriptions/" + s.name()).toList());
        assertThat(report.unchanged()).hasSize(14 + 1);
        Subscription work = read(names.workSubscription(4));
        assertThat(work.getDeadLetterPolicy().getMaxDeliveryAttempts()).isEqualTo(7);
        assertThat(work.getDeadLetterPolicy().getDeadLetterTopic()).endsWith("/topics/" + names.workDeadLetter(4));
        assertThat(work.getRetryPolicy()).isEqualTo(retryPolicy(1, 30));
        assertThat(work.getAckDeadlineSeconds()).isEqualTo(20);
        assertThat(read(names.requestsSubscription()).getAckDeadlineSeconds()).isEqualTo(20);
        assertThat(provisioner().provision(Topology.of(names, stricter)).changedNothing()).isTrue();
    }

    @Test
    void aDeletedSubscriptionIsRecreatedAndTheRestLeftAlone() {
        provisioner().provision(topology);
        connection.subscriptionAdmin().deleteSubscription(connection.subscription(names.workSubscription(5)));

        ProvisionReport report = provisioner().provision(topology);

        assertThat(report.created()).containsExactly("subscriptions/" + names.workSubscription(5));
        assertThat(report.updated()).isEmpty();
        assertThat(read(names.workSubscription(5)).getDeadLetterPolicy().getMaxDeliveryAttempts()).isEqualTo(5);
    }

    @Test
    void aSubscriptionOnAnotherTopicIsReportedNotSilentlyKept() {
        Topology misplaced = new Topology(List.of(names.work(3), names.work(4)),
                List.of(SubscriptionSpec.of(names.workSubscription(3), names.work(4), DeliveryPolicy.DEFAULTS)));
        provisioner().provision(misplaced);

        assertThatThrownBy(() -> provisioner().provision(topology))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Subscription " + names.workSubscription(3) + " exists on projects/" + PROJECT
                        + "/topics/" + names.work(4))
                .hasMessageContaining("delete it and provision again");
    }

    @Test
    void deleteAllRemovesEveryTopicAndSubscriptionAndToleratesMissingOnes() {
        provisioner().provision(topology);

        provisioner().deleteAll(topology);
        provisioner().deleteAll(topology);

        assertThat(topicsInProject()).doesNotContainAnyElementsOf(
                topology.topics().stream().map(t -> connection.topic(t).toString()).toList());
        assertThat(subscriptionsInProject()).noneMatch(s -> s.contains("/subscriptions/" + names.prefix()));
    }

    @Test
    void onlyTheOwnedFieldsThatDifferGoInTheUpdateMask() {
        Subscription desired = provisioner().desired(topology.subscription(names.workSubscription(3)).orElseThrow());
        Subscription onlyAckDeadlineDiffers = desired.toBuilder().setAckDeadlineSeconds(30).putLabels("owner", "someone").build();
        Subscription noRetryPolicy = desired.toBuilder().clearRetryPolicy().clearDeadLetterPolicy().build();
        Subscription defaultExpiration = desired.toBuilder().clearExpirationPolicy().build();
        Subscription expiresIn31Days = desired.toBuilder().setExpirationPolicy(ExpirationPolicy.newBuilder()
                .setTtl(Duration.newBuilder().setSeconds(31L * 24 * 3600))).build();

        assertThat(TopologyProvisioner.differingFields(desired, desired)).isEmpty();
        assertThat(TopologyProvisioner.differingFields(onlyAckDeadlineDiffers, desired)).containsExactly("ack_deadline_seconds");
        assertThat(TopologyProvisioner.differingFields(noRetryPolicy, desired)).containsExactly("dead_letter_policy", "retry_policy");
        assertThat(TopologyProvisioner.differingFields(defaultExpiration, desired)).containsExactly("expiration_policy");
        assertThat(TopologyProvisioner.differingFields(expiresIn31Days, desired)).containsExactly("expiration_policy");
    }

    @Test
    void theRequestedSubscriptionNeverExpires() {
        for (SubscriptionSpec spec : topology.subscriptions()) {
            Subscription desired = provisioner().desired(spec);
            assertThat(desired.hasExpirationPolicy()).as(spec.name()).isTrue();
            assertThat(desired.getExpirationPolicy().hasTtl()).as(spec.name()).isFalse();
        }
    }

    private static RetryPolicy retryPolicy(long minSeconds, long maxSeconds) {
        return RetryPolicy.newBuilder()
                .setMinimumBackoff(Duration.newBuilder().setSeconds(minSeconds))
                .setMaximumBackoff(Duration.newBuilder().setSeconds(maxSeconds))
                .build();
    }

    private static Subscription read(String subscription) {
        return connection.subscriptionAdmin().getSubscription(connection.subscription(subscription));
    }

    private static List<String> topicsInProject() {
        return StreamSupport.stream(connection.topicAdmin().listTopics(ProjectName.of(PROJECT)).iterateAll().spliterator(), false)
                .map(Topic::getName).toList();
    }

    private static List<String> subscriptionsInProject() {
        return StreamSupport.stream(connection.subscriptionAdmin().listSubscriptions(ProjectName.of(PROJECT)).iterateAll().spliterator(), false)
                .map(Subscription::getName).toList();
    }
}
