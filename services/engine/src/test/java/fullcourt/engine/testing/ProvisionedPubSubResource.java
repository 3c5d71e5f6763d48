package fullcourt.engine.testing;

import fullcourt.infra.DeliveryPolicy;
import fullcourt.infra.PubSubConnection;
import fullcourt.infra.Topology;
import fullcourt.infra.TopologyProvisioner;
import fullcourt.messages.Topics;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link PubSubEmulatorResource} deployed as in production: the topology provisioned beforehand (as infra's
 * provisioner does, under another identity) and the service started with {@code fullcourt.pubsub.provision=false}, so
 * it makes only the calls it makes in production.
 */
public class ProvisionedPubSubResource extends PubSubEmulatorResource {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        try (PubSubConnection admin = PubSubConnection.emulator(config.get("fullcourt.pubsub.emulator-host"),
                "fullcourt-local")) {
            Topics topics = Topics.withPrefix(config.get("fullcourt.pubsub.topic-prefix"));
            new TopologyProvisioner(admin).provision(Topology.of(topics, DeliveryPolicy.DEFAULTS));
        }
        config.put("fullcourt.pubsub.provision", "false");
        return config;
    }
}
