package fullcourt.infra.production;

import com.google.cloud.bigquery.BigQuery;
import fullcourt.infra.ProvisionReport;
import fullcourt.infra.PubSubConnection;
import fullcourt.infra.SubscriptionSpec;
import fullcourt.infra.TopologyProvisioner;
import fullcourt.infra.access.AccessMatrix;
import fullcourt.infra.access.IamBinding;
import fullcourt.infra.access.IamUnsupportedException;
import fullcourt.infra.access.PubSubIamProvisioner;
import fullcourt.infra.warehouse.WarehouseProvisioner;
import java.util.ArrayList;
import java.util.List;

/**
 * Provisions a project for production, in dependency order: Pub/Sub topics and subscriptions (with their
 * dead-letter and retry policies), their IAM grants (service accounts and Pub/Sub's service agent), then the
 * BigQuery datasets, grants, tables and functions. Every step creates only what is missing, so it is safe to run
 * again; {@link #plan} lists the same steps without calling anything.
 */
public final class ProductionProvisioner {

    private ProductionProvisioner() {
    }

    /** Every action {@link #provision} takes, as lines, from the declarations alone: what {@code --dry-run} prints. */
    public static List<String> plan(ProductionTarget target) {
        List<String> lines = new ArrayList<>();
        target.topology().topics().forEach(t -> lines.add("ensure topic " + t));
        target.topology().subscriptions().forEach(s -> lines.add("ensure subscription " + describe(s)));
        pubSubBindings(target).forEach(b -> lines.add("grant " + b));
        lines.addAll(WarehouseProvisioner.plan(target.warehouse()));
        return lines;
    }

    /**
     * Applies the target. Against the emulator (which has no IAM) the Pub/Sub grants are reported as skipped;
     * with {@code bigquery} null the warehouse is skipped.
     */
    public static List<String> provision(ProductionTarget target, PubSubConnection pubsub, BigQuery bigquery) {
        List<String> lines = new ArrayList<>();
        ProvisionReport topology = new TopologyProvisioner(pubsub).provision(target.topology());
        topology.created().forEach(r -> lines.add("created " + r));
        topology.updated().forEach(r -> lines.add("updated " + r));
        topology.unchanged().forEach(r -> lines.add("unchanged " + r));
        try {
            lines.addAll(new PubSubIamProvisioner(pubsub).grant(pubSubBindings(target)));
        } catch (IamUnsupportedException e) {
            if (!pubsub.usesEmulator()) {
                throw e;
            }
            lines.add("skipped Pub/Sub IAM grants: the emulator has no access control");
        }
        if (bigquery == null) {
            lines.add("skipped the BigQuery warehouse");
        } else {
            lines.addAll(new WarehouseProvisioner(bigquery).provision(target.warehouse()));
        }
        return lines;
    }

    static List<IamBinding> pubSubBindings(ProductionTarget target) {
        List<IamBinding> bindings = new ArrayList<>(
                target.access().pubSubBindings(target.project(), target.projectNumber(), target.topology()));
        bindings.addAll(AccessMatrix.rawUpdatePublisherBindings(target.topics(), target.rawUpdatePublishers()));
        bindings.addAll(AccessMatrix.operatorBindings(target.topics(), target.operators()));
        return bindings;
    }

    private static String describe(SubscriptionSpec s) {
        String text = s.name() + " on " + s.topic() + ": retry backoff " + s.policy().minBackoff().toSeconds() + "s.."
                + s.policy().maxBackoff().toSeconds() + "s, ack deadline " + s.policy().ackDeadlineSeconds() + "s"
                + ", never expires" + s.retention().map(r -> ", unacked messages kept " + r.toMinutes() + " min")
                .orElse("");
        return s.deadLetterTopic().map(d -> text + ", dead-letter to " + d + " after " + s.policy().maxDeliveryAttempts()
                + " deliveries").orElse(text);
    }
}
