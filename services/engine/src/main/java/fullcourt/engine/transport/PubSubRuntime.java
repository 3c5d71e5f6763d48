package fullcourt.engine.transport;

import fullcourt.infra.DeliveryPolicy;
import fullcourt.infra.PubSubConnection;
import fullcourt.infra.PubSubEmulator;
import fullcourt.infra.Topology;
import fullcourt.infra.TopologyProvisioner;
import fullcourt.messages.Topics;
import io.grpc.ClientInterceptor;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The process's one Pub/Sub connection, opened on first use: starts the embedded emulator when
 * configured and provisions the topology before any channel subscribes.
 */
@Singleton
public class PubSubRuntime {

    private static final Logger LOG = Logger.getLogger(PubSubRuntime.class);

    private final PubSubConfig config;
    private final Topics topics;
    private final List<ClientInterceptor> interceptors;
    private PubSubEmulator emulator;
    private PubSubConnection connection;

    @Inject
    public PubSubRuntime(PubSubConfig config, @Any Instance<PubSubClientInterceptor> interceptors) {
        this(config, interceptors.stream().map(ClientInterceptor.class::cast).toList());
    }

    /** Without interceptors: for tools and tests that build the runtime themselves. */
    public PubSubRuntime(PubSubConfig config) {
        this(config, List.of());
    }

    private PubSubRuntime(PubSubConfig config, List<ClientInterceptor> interceptors) {
        this.config = config;
        this.topics = Topics.withPrefix(config.topicPrefix().orElse(""));
        this.interceptors = interceptors;
    }

    public Topics topics() {
        return topics;
    }

    public DeliveryPolicy deliveryPolicy() {
        PubSubConfig.Delivery d = config.delivery();
        return new DeliveryPolicy(d.maxAttempts(), d.minBackoff(), d.maxBackoff(), d.ackDeadlineSeconds());
    }

    /** How long a received message's lease is extended while it is handled ({@link PubSubConfig#maxLeaseExtension()}). */
    public java.time.Duration maxLeaseExtension() {
        return config.maxLeaseExtension();
    }

    /** The connection, opened (and the topology provisioned) on first call. */
    public synchronized PubSubConnection connection() {
        if (connection == null) {
            connection = open();
            if (config.provision()) {
                var report = new TopologyProvisioner(connection).provision(Topology.of(topics, deliveryPolicy()));
                LOG.infof("Pub/Sub topology provisioned: %s", report);
            }
        }
        return connection;
    }

    private PubSubConnection open() {
        String host = config.emulatorHost().orElse("");
        if (host.equals("embedded")) {
            // stopped by close() once everything that talks to it has stopped (ShutdownOrder), not by
            // the JVM's shutdown hooks, which run all at once; should this JVM die without close(), the
            // emulator's watchdog stops it
            emulator = PubSubEmulator.start(config.embeddedPort()).stoppedByOwner();
            LOG.infof("Embedded Pub/Sub emulator listening on %s (export PUBSUB_EMULATOR_HOST=%s to reach it)",
                    emulator.hostPort(), emulator.hostPort());
            return PubSubConnection.emulator(emulator.hostPort(), config.projectId(), interceptors);
        }
        if (!host.isBlank()) {
            LOG.infof("Using the Pub/Sub emulator at %s, project %s", host, config.projectId());
            return PubSubConnection.emulator(host, config.projectId(), interceptors);
        }
        if (!interceptors.isEmpty()) {
            throw new IllegalStateException("Pub/Sub client interceptors " + interceptors + " are a test hook, for the"
                    + " emulator only; set fullcourt.pubsub.emulator-host");
        }
        LOG.infof("Using Google Cloud Pub/Sub, project %s", config.projectId());
        return PubSubConnection.cloud(config.projectId());
    }

    /** Whether the broker lives and dies with this process (the embedded emulator): its messages do not survive a restart. */
    public boolean brokerIsEphemeral() {
        return config.emulatorHost().orElse("").equals("embedded");
    }

    /** The address of the emulator this process talks to, if any. */
    public synchronized String emulatorAddress() {
        if (emulator != null) {
            return emulator.hostPort();
        }
        return config.emulatorHost().orElse("");
    }

    @PreDestroy
    synchronized void close() {
        if (connection != null) {
            connection.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }
}
