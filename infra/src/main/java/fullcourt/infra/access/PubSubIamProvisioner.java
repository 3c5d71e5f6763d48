package fullcourt.infra.access;

import com.google.api.gax.rpc.UnimplementedException;
import com.google.iam.v1.Binding;
import com.google.iam.v1.GetIamPolicyRequest;
import com.google.iam.v1.Policy;
import com.google.iam.v1.SetIamPolicyRequest;
import fullcourt.infra.PubSubConnection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Grants roles on Pub/Sub topics and subscriptions through their own IAM policies (the admin clients'
 * getIamPolicy/setIamPolicy): reads each resource's policy, adds the members it lacks, and writes it back with the
 * etag it read, so concurrent edits are not lost and a second run sends no write at all.
 */
public final class PubSubIamProvisioner {

    private static final Logger LOG = Logger.getLogger(PubSubIamProvisioner.class);

    private final PubSubConnection connection;

    public PubSubIamProvisioner(PubSubConnection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    /**
     * Applies the bindings; returns one line per resource whose policy changed ("granted ...") or already had them.
     *
     * @throws IamUnsupportedException when the server does not implement IAM policies (the emulator answers
     *     UNIMPLEMENTED)
     */
    public List<String> grant(List<IamBinding> bindings) {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, List<IamBinding>> resource : byResource(bindings).entrySet()) {
            String name = fullName(resource.getKey());
            Policy current;
            try {
                current = getPolicy(resource.getKey(), name);
            } catch (UnimplementedException e) {
                throw new IamUnsupportedException(connection.projectId(), resource.getKey(), e);
            }
            Policy desired = withBindings(current, resource.getValue());
            if (desired.equals(current)) {
                lines.add("unchanged IAM policy of " + resource.getKey());
                continue;
            }
            SetIamPolicyRequest request = SetIamPolicyRequest.newBuilder().setResource(name).setPolicy(desired).build();
            if (resource.getKey().startsWith("topics/")) {
                connection.topicAdmin().setIamPolicy(request);
            } else {
                connection.subscriptionAdmin().setIamPolicy(request);
            }
            LOG.infof("Updated the IAM policy of %s", resource.getKey());
            lines.add("granted " + describe(resource.getValue()) + " on " + resource.getKey());
        }
        return lines;
    }

    private Policy getPolicy(String resource, String name) {
        GetIamPolicyRequest request = GetIamPolicyRequest.newBuilder().setResource(name).build();
        return resource.startsWith("topics/")
                ? connection.topicAdmin().getIamPolicy(request)
                : connection.subscriptionAdmin().getIamPolicy(request);
    }

    /**
     * The policy with every binding's member added to its role; the etag read is kept so that setIamPolicy fails
     * rather than overwrite a change made in between. Equal to {@code current} when nothing is missing.
     */
    static Policy withBindings(Policy current, List<IamBinding> bindings) {
        Map<String, Set<String>> members = new LinkedHashMap<>();
        for (Binding b : current.getBindingsList()) {
            if (!b.hasCondition()) {
                members.computeIfAbsent(b.getRole(), r -> new LinkedHashSet<>()).addAll(b.getMembersList());
            }
        }
        boolean changed = false;
        for (IamBinding binding : bindings) {
            changed |= members.computeIfAbsent(binding.role(), r -> new LinkedHashSet<>()).add(binding.member());
        }
        if (!changed) {
            return current;
        }
        Policy.Builder policy = current.toBuilder().clearBindings();
        current.getBindingsList().stream().filter(Binding::hasCondition).forEach(policy::addBindings);
        members.forEach((role, m) -> policy.addBindings(Binding.newBuilder().setRole(role).addAllMembers(m)));
        return policy.build();
    }

    private String fullName(String resource) {
        return "projects/" + connection.projectId() + "/" + resource;
    }

    private static Map<String, List<IamBinding>> byResource(List<IamBinding> bindings) {
        Map<String, List<IamBinding>> grouped = new LinkedHashMap<>();
        for (IamBinding b : bindings) {
            if (!b.resource().startsWith("topics/") && !b.resource().startsWith("subscriptions/")) {
                throw new IllegalArgumentException("not a Pub/Sub resource: " + b.resource());
            }
            grouped.computeIfAbsent(b.resource(), r -> new ArrayList<>()).add(b);
        }
        return grouped;
    }

    private static String describe(List<IamBinding> bindings) {
        return bindings.stream().map(b -> b.role() + " to " + b.member()).distinct().reduce((a, b) -> a + ", " + b).orElse("");
    }
}
