package fullcourt.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fullcourt.messages.Topics;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TopologyTest {

    private final DeliveryPolicy policy = DeliveryPolicy.DEFAULTS;
    private final Topology topology = Topology.of(Topics.DEFAULT, policy);

    @Test
    void declaresTheMessageTopicsAndAWorkAndDeadLetterTopicPerPhase() {
        assertThat(topology.topics()).containsExactly(
                "backfill-requests", "task-events", "run-events", "raw-updates", "raw-updates-dlq",
                "coordinator-dlq", "phase3-work", "phase3-work-dlq",
                "phase4-work", "phase4-work-dlq",
                "phase5-work", "phase5-work-dlq",
                "phase6-work", "phase6-work-dlq");
    }

    @Test
    void everySubscriptionFullcourtReadsDeadLettersTheCoordinatorsToTheCoordinatorDlq() {
        DeliveryPolicy events = policy.withMaxDeliveryAttempts(Topology.TASK_EVENT_DELIVERY_ATTEMPTS);
        assertThat(topology.deadLetteringSubscriptions()).containsExactly(
                new SubscriptionSpec("backfill-requests-coordinator", "backfill-requests", Optional.of("coordinator-dlq"),
                        policy),
                new SubscriptionSpec("task-events-coordinator", "task-events", Optional.of("coordinator-dlq"), events),
                new SubscriptionSpec("raw-updates-coordinator", "raw-updates", Optional.of("raw-updates-dlq"), policy),
                new SubscriptionSpec("phase3-work-sub", "phase3-work", Optional.of("phase3-work-dlq"), policy),
                new SubscriptionSpec("phase3-work-dlq-sub", "phase3-work-dlq", Optional.of("coordinator-dlq"), policy),
                new SubscriptionSpec("phase4-work-sub", "phase4-work", Optional.of("phase4-work-dlq"), policy),
                new SubscriptionSpec("phase4-work-dlq-sub", "phase4-work-dlq", Optional.of("coordinator-dlq"), policy),
                new SubscriptionSpec("phase5-work-sub", "phase5-work", Optional.of("phase5-work-dlq"), policy),
                new SubscriptionSpec("phase5-work-dlq-sub", "phase5-work-dlq", Optional.of("coordinator-dlq"), policy),
                new SubscriptionSpec("phase6-work-sub", "phase6-work", Optional.of("phase6-work-dlq"), policy),
                new SubscriptionSpec("phase6-work-dlq-sub", "phase6-work-dlq", Optional.of("coordinator-dlq"), policy));
    }

    @Test
    void onlyTheOperatorReadSinksDoNotDeadLetter() {
        assertThat(topology.subscriptions())
                .filteredOn(s -> s.deadLetterTopic().isEmpty())
                .extracting(SubscriptionSpec::name, SubscriptionSpec::topic)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("coordinator-dlq-sub", "coordinator-dlq"),
                        org.assertj.core.groups.Tuple.tuple("raw-updates-dlq-sub", "raw-updates-dlq"),
                        org.assertj.core.groups.Tuple.tuple("run-events-operator", "run-events"));
    }

    @Test
    void operatorsShareOneRunEventsSubscriptionWhoseUnackedEventsGoAfterTenMinutes() {
        assertThat(topology.subscription("run-events-operator")).contains(SubscriptionSpec.shortLived(
                "run-events-operator", "run-events", Topology.OPERATOR_DELIVERY, java.time.Duration.ofMinutes(10)));
        // a nacked event (another command's) is back within seconds
        assertThat(Topology.OPERATOR_DELIVERY.maxBackoff()).isEqualTo(java.time.Duration.ofSeconds(10));
        assertThat(topology.subscriptions()).filteredOn(s -> !s.name().equals("run-events-operator"))
                .allMatch(s -> s.retention().isEmpty());
    }

    @Test
    void prefixAppliesToEveryName() {
        Topology prefixed = Topology.of(Topics.withPrefix("t42-"), policy);

        assertThat(prefixed.topics()).allMatch(t -> t.startsWith("t42-"));
        assertThat(prefixed.subscriptions()).allMatch(s -> s.name().startsWith("t42-") && s.topic().startsWith("t42-")
                && s.deadLetterTopic().map(t -> t.startsWith("t42-")).orElse(true));
    }

    @Test
    void subscriptionsMustReadDeclaredTopics() {
        assertThatThrownBy(() -> new Topology(List.of("abc"), List.of(
                        SubscriptionSpec.of("abc-sub", "other", policy),
                        SubscriptionSpec.deadLettering("abc-sub2", "abc", "abc-dlq", policy))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("subscription abc-sub reads undeclared topic other")
                .hasMessageContaining("subscription abc-sub2 dead-letters to undeclared topic abc-dlq");
    }

    @Test
    void namesMustBeValidPubSubIds() {
        assertThatThrownBy(() -> new Topology(List.of("ab", "goog-x", "1abc"), List.of()))
                .hasMessageContaining("topic name 'ab' is not a valid Pub/Sub id")
                .hasMessageContaining("topic name 'goog-x'")
                .hasMessageContaining("topic name '1abc'");
    }

    @Test
    void duplicatesAreRejected() {
        assertThatThrownBy(() -> new Topology(List.of("abc", "abc"), List.of()))
                .hasMessageContaining("topic abc is declared twice");
    }
}
