package fullcourt.engine.transport;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How a service reaches Pub/Sub: the project, the emulator (or real Pub/Sub) and the delivery policy. */
@ConfigMapping(prefix = "fullcourt.pubsub")
public interface PubSubConfig {

    /** Project id; any value works on the emulator. */
    @WithDefault("fullcourt-local")
    String projectId();

    /**
     * {@code host:port} of a running emulator, {@code embedded} to start one inside this process,
     * or empty for real Pub/Sub with application default credentials.
     */
    Optional<String> emulatorHost();

    /** Port of the embedded emulator; 0 picks a free one. */
    @WithDefault("0")
    int embeddedPort();

    /** Prepended to every topic and subscription name; tests use a fresh one each. */
    Optional<String> topicPrefix();

    /** Create missing topics and subscriptions at start (idempotent). Off in production, where infra provisions. */
    @WithDefault("true")
    boolean provision();

    /** Dead-letter and retry policy of the work subscriptions. */
    Delivery delivery();

    /**
     * How long a received message's lease is extended (every third of the ack deadline) while it is being handled;
     * after that the message is left to expire and Pub/Sub redelivers it. Bounds what a stuck handler can hold.
     * Must cover the longest task deadline of the processors a worker serves (a worker refuses to start otherwise):
     * 5 h covers player_game_summary's 4 h and the time to publish the attempt's events.
     */
    @WithDefault("5h")
    Duration maxLeaseExtension();

    /** Delivery policy knobs. */
    interface Delivery {
        @WithDefault("5")
        int maxAttempts();

        @WithDefault("10s")
        Duration minBackoff();

        @WithDefault("600s")
        Duration maxBackoff();

        @WithDefault("60")
        int ackDeadlineSeconds();
    }
}
