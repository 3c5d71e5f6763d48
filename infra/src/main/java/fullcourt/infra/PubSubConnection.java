package fullcourt.infra;

import com.google.api.gax.core.CredentialsProvider;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.api.gax.rpc.TransportChannelProvider;
import com.google.cloud.pubsub.v1.MessageReceiver;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.cloud.pubsub.v1.Subscriber;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.SubscriptionAdminSettings;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.cloud.pubsub.v1.TopicAdminSettings;
import com.google.pubsub.v1.SubscriptionName;
import com.google.pubsub.v1.TopicName;
import io.grpc.ClientInterceptor;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/** One Pub/Sub project reached either through the emulator or through Google Cloud, handing out wired clients. */
public final class PubSubConnection implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PubSubConnection.class);

    /**
     * The largest gRPC response a client accepts. gRPC's default is 4 MiB, below Pub/Sub's 10 MB message limit: a
     * pull holding a larger message failed with RESOURCE_EXHAUSTED every time, the message was never delivered (so
     * never rejected) and only warned at every ack deadline. 64 MiB holds a pull of several maximal messages; they
     * are then delivered and refused by size with a reason ({@code MessageCodec.MAX_BYTES}).
     */
    public static final int MAX_INBOUND_MESSAGE_BYTES = 64 * 1024 * 1024;

    private final String projectId;
    /** The emulator's plaintext channel; null on Google Cloud, where each client owns its channels. */
    private final ManagedChannel channel;
    /** Null on Google Cloud: the clients' defaults (TLS endpoint, application default credentials) apply. */
    private final TransportChannelProvider channelProvider;
    private final CredentialsProvider credentialsProvider;

    private TopicAdminClient topicAdmin;
    private SubscriptionAdminClient subscriptionAdmin;
    private volatile boolean closed;

    private PubSubConnection(String projectId, ManagedChannel channel, CredentialsProvider credentialsProvider) {
        this.projectId = requireProjectId(projectId);
        this.channel = channel;
        this.channelProvider = channel == null ? null : FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel));
        this.credentialsProvider = credentialsProvider;
    }

    /**
     * Connects to a Pub/Sub emulator at {@code host:port}, the way Google documents it for Java: a plaintext
     * channel shared by every client, and no credentials.
     */
    public static PubSubConnection emulator(String hostPort, String projectId) {
        return emulator(hostPort, projectId, List.of());
    }

    /**
     * The same, with {@code interceptors} on the shared channel, so they see every call of every client built from
     * this connection (tests record the calls a service makes with one).
     */
    public static PubSubConnection emulator(String hostPort, String projectId, List<ClientInterceptor> interceptors) {
        Objects.requireNonNull(hostPort, "hostPort");
        ManagedChannel channel = ManagedChannelBuilder.forTarget(hostPort).usePlaintext()
                .maxInboundMessageSize(MAX_INBOUND_MESSAGE_BYTES).intercept(interceptors).build();
        LOG.debugf("Connecting to the Pub/Sub emulator at %s, project %s", hostPort, projectId);
        return new PubSubConnection(projectId, channel, NoCredentialsProvider.create());
    }

    /** Connects to Google Cloud Pub/Sub with application default credentials. */
    public static PubSubConnection cloud(String projectId) {
        return new PubSubConnection(projectId, null, null);
    }

    public String projectId() {
        return projectId;
    }

    /** True when this connection reaches an emulator rather than Google Cloud. */
    public boolean usesEmulator() {
        return channel != null;
    }

    public TopicName topic(String id) {
        return TopicName.of(projectId, id);
    }

    public SubscriptionName subscription(String id) {
        return SubscriptionName.of(projectId, id);
    }

    /** The topic admin client, created on first use and closed with this connection. */
    public synchronized TopicAdminClient topicAdmin() {
        ensureOpen();
        if (topicAdmin == null) {
            TopicAdminSettings.Builder settings = TopicAdminSettings.newBuilder();
            if (channelProvider != null) {
                settings.setTransportChannelProvider(channelProvider).setCredentialsProvider(credentialsProvider);
            }
            topicAdmin = create(() -> TopicAdminClient.create(settings.build()));
        }
        return topicAdmin;
    }

    /** The subscription admin client, created on first use and closed with this connection. */
    public synchronized SubscriptionAdminClient subscriptionAdmin() {
        ensureOpen();
        if (subscriptionAdmin == null) {
            SubscriptionAdminSettings.Builder settings = SubscriptionAdminSettings.newBuilder();
            if (channelProvider != null) {
                settings.setTransportChannelProvider(channelProvider).setCredentialsProvider(credentialsProvider);
            } else {
                // the pulls of SubscriptionPuller go through this client: see MAX_INBOUND_MESSAGE_BYTES
                settings.setTransportChannelProvider(SubscriptionAdminSettings.defaultGrpcTransportProviderBuilder()
                        .setMaxInboundMessageSize(MAX_INBOUND_MESSAGE_BYTES).build());
            }
            subscriptionAdmin = create(() -> SubscriptionAdminClient.create(settings.build()));
        }
        return subscriptionAdmin;
    }

    /** A publisher builder for the topic, already wired to this connection; the caller builds and shuts it down. */
    public Publisher.Builder publisherBuilder(String topicId) {
        ensureOpen();
        Publisher.Builder builder = Publisher.newBuilder(topic(topicId));
        if (channelProvider != null) {
            builder.setChannelProvider(channelProvider).setCredentialsProvider(credentialsProvider);
        }
        return builder;
    }

    /** A subscriber builder for the subscription, already wired to this connection; the caller starts and stops it. */
    public Subscriber.Builder subscriberBuilder(String subscriptionId, MessageReceiver receiver) {
        ensureOpen();
        Subscriber.Builder builder = Subscriber.newBuilder(subscription(subscriptionId).toString(), receiver);
        if (channelProvider != null) {
            builder.setChannelProvider(channelProvider).setCredentialsProvider(credentialsProvider);
        }
        return builder;
    }

    /** Closes the admin clients, then shuts the emulator channel down and waits for it. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeAdmin(topicAdmin);
        closeAdmin(subscriptionAdmin);
        if (channel != null) {
            channel.shutdown();
            try {
                if (!channel.awaitTermination(10, TimeUnit.SECONDS)) {
                    // Calls still running (e.g. a subscriber the caller forgot to stop) must not keep us waiting.
                    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                channel.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void closeAdmin(AutoCloseable client) {
        if (client == null) {
            return;
        }
        try {
            client.close();
        } catch (Exception e) {
            LOG.warnf(e, "Could not close %s", client.getClass().getSimpleName());
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("PubSubConnection to project " + projectId + " is closed");
        }
    }

    private static String requireProjectId(String projectId) {
        if (projectId == null || projectId.isBlank()) {
            throw new IllegalArgumentException("projectId must not be blank");
        }
        return projectId;
    }

    private interface ClientFactory<T> {
        T create() throws IOException;
    }

    private static <T> T create(ClientFactory<T> factory) {
        try {
            return factory.create();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a Pub/Sub admin client", e);
        }
    }
}
