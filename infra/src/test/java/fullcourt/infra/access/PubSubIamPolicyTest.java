package fullcourt.infra.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.iam.v1.Binding;
import com.google.iam.v1.Policy;
import com.google.protobuf.ByteString;
import com.google.type.Expr;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The policy PubSubIamProvisioner sends: the one it read, plus the missing members. */
class PubSubIamPolicyTest {

    private static final String AGENT = "serviceAccount:service-1@gcp-sa-pubsub.iam.gserviceaccount.com";
    private static final String COORDINATOR = "serviceAccount:fullcourt-coordinator@p.iam.gserviceaccount.com";

    private final Policy current = Policy.newBuilder()
            .setEtag(ByteString.copyFromUtf8("etag-1"))
            .addBindings(Binding.newBuilder().setRole("roles/pubsub.publisher").addMembers("user:ops@example.com"))
            .addBindings(Binding.newBuilder().setRole("roles/pubsub.viewer").addMembers("group:eng@example.com")
                    .setCondition(Expr.newBuilder().setExpression("request.time < timestamp('2030-01-01T00:00:00Z')")))
            .build();

    @Test
    void missingMembersAreAddedToTheirRoleKeepingEtagOtherMembersAndConditionalBindings() {
        Policy sent = PubSubIamProvisioner.withBindings(current, List.of(
                new IamBinding("topics/phase3-work-dlq", "roles/pubsub.publisher", AGENT),
                new IamBinding("topics/phase3-work-dlq", "roles/pubsub.publisher", COORDINATOR)));

        assertThat(sent.getEtag().toStringUtf8()).isEqualTo("etag-1");
        assertThat(sent.getBindingsList()).containsExactlyInAnyOrder(
                current.getBindings(1),
                Binding.newBuilder().setRole("roles/pubsub.publisher")
                        .addMembers("user:ops@example.com").addMembers(AGENT).addMembers(COORDINATOR).build());
    }

    @Test
    void aPolicyThatHasEveryMemberIsReturnedAsItIsSoNothingIsWritten() {
        List<IamBinding> grants = List.of(new IamBinding("topics/t", "roles/pubsub.publisher", "user:ops@example.com"));

        assertThat(PubSubIamProvisioner.withBindings(current, grants)).isSameAs(current);
    }

    @Test
    void aNewRoleGetsItsOwnBinding() {
        Policy sent = PubSubIamProvisioner.withBindings(Policy.getDefaultInstance(),
                List.of(new IamBinding("subscriptions/phase3-work-sub", "roles/pubsub.subscriber", AGENT)));

        assertThat(sent.getBindingsList()).containsExactly(
                Binding.newBuilder().setRole("roles/pubsub.subscriber").addMembers(AGENT).build());
    }
}
