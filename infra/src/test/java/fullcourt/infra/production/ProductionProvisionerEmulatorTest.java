package fullcourt.infra.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.iam.v1.Binding;
import com.google.iam.v1.Policy;
import com.google.protobuf.Duration;
import com.google.pubsub.v1.DeadLetterPolicy;
import com.google.pubsub.v1.RetryPolicy;
import com.google.pubsub.v1.Subscription;
import fullcourt.infra.PubSubConnection;
import fullcourt.infra.TopologyProvisioner;
import fullcourt.infra.access.IamBinding;
import fullcourt.infra.access.IamUnsupportedException;
import fullcourt.infra.access.PubSubIamProvisioner;
import fullcourt.infra.testing.RunningEmulator;
import fullcourt.messages.Topics;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The production provisioning code, Pub/Sub part, against the real emulator. */
class ProductionProvisionerEmulatorTest {

    private static final String PROJECT = "fullcourt-prod-test";

    private static RunningEmulator pubsub;
    private static PubSubConnection connection;

    private final Topics names = RunningEmulator.freshTopics();
    private final ProductionTarget target = TestTargets.target(PROJECT, names);

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
        new TopologyProvisioner(connection).deleteAll(target.topology());
    }

    @Test
    void provisioningCreatesTopicsAndSubscriptionsWithDeadLetterAndRetryPolicies() {
        List<String> lines = ProductionProvisioner.provision(target, connection, null);

        // 14 topics (3 message topics + raw updates and their DLQ + the coordinator's DLQ + 4 phases x work and DLQ),
        // 14 subscriptions (2 coordinator + its DLQ's + raw updates and their DLQ + the operators' run events
        // + 4 phases x 2)
        assertThat(lines.stream().filter(l -> l.startsWith("created topics/"))).hasSize(14);
        assertThat(lines.stream().filter(l -> l.startsWith("created subscriptions/"))).hasSize(14);
        Subscription operators = read(names.runEventsOperatorSubscription());
        assertThat(operators.getTopic()).isEqualTo("projects/" + PROJECT + "/topics/" + names.runEvents());
        assertThat(operators.getMessageRetentionDuration().getSeconds()).isEqualTo(600);
        assertThat(operators.hasDeadLetterPolicy()).isFalse();
        for (int phase : Topics.PHASES) {
            Subscription work = read(names.workSubscription(phase));
            assertThat(work.getTopic()).isEqualTo("projects/" + PROJECT + "/topics/" + names.work(phase));
            assertThat(work.getDeadLetterPolicy()).isEqualTo(DeadLetterPolicy.newBuilder()
                    .setDeadLetterTopic("projects/" + PROJECT + "/topics/" + names.workDeadLetter(phase))
                    .setMaxDeliveryAttempts(5).build());
            assertThat(work.getRetryPolicy()).isEqualTo(RetryPolicy.newBuilder()
                    .setMinimumBackoff(Duration.newBuilder().setSeconds(10))
                    .setMaximumBackoff(Duration.newBuilder().setSeconds(600)).build());
            assertThat(read(names.workDeadLetterSubscription(phase)).getTopic())
                    .isEqualTo("projects/" + PROJECT + "/topics/" + names.workDeadLetter(phase));
        }
        assertThat(lines).contains("skipped Pub/Sub IAM grants: the emulator has no access control",
                "skipped the BigQuery warehouse");
    }

    @Test
    void aSecondRunChangesNothing() {
        ProductionProvisioner.provision(target, connection, null);

        List<String> second = ProductionProvisioner.provision(target, connection, null);

        assertThat(second).noneMatch(l -> l.startsWith("created") || l.startsWith("updated") || l.startsWith("granted"));
        assertThat(second.stream().filter(l -> l.startsWith("unchanged "))).hasSize(14 + 14);
    }

    @Test
    void theEmulatorAnswersIamCallsWithUnimplementedWhichIsANamedErrorNotAHang() {
        ProductionProvisioner.provision(target, connection, null);
        IamBinding grant = new IamBinding("topics/" + names.workDeadLetter(3), "roles/pubsub.publisher",
                "serviceAccount:service-123456789@gcp-sa-pubsub.iam.gserviceaccount.com");

        assertThatThrownBy(() -> new PubSubIamProvisioner(connection).grant(List.of(grant)))
                .isInstanceOf(IamUnsupportedException.class)
                .hasMessageContaining("does not implement IAM policies")
                .hasMessageContaining("topics/" + names.workDeadLetter(3));
    }

    private static Subscription read(String subscription) {
        return connection.subscriptionAdmin().getSubscription(connection.subscription(subscription));
    }
}
