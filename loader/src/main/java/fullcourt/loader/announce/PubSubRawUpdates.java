package fullcourt.loader.announce;

import com.google.api.gax.retrying.RetrySettings;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import fullcourt.infra.PubSubConnection;
import fullcourt.messages.MessageCodec;
import fullcourt.messages.RawUpdate;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Announces on the {@code raw-updates} topic of a Pub/Sub project (emulator or Google Cloud), each publish confirmed. */
public final class PubSubRawUpdates implements RawUpdateAnnouncer {

    /**
     * A few quick attempts: an unreachable Pub/Sub is reported within seconds, the load itself being already done.
     * The client jitters each wait (gax: uniform between 0 and the exponential step, on by default
     * and left on).
     */
    static final RetrySettings RETRY = RetrySettings.newBuilder()
            .setMaxAttempts(3)
            .setInitialRetryDelayDuration(Duration.ofMillis(200))
            .setRetryDelayMultiplier(2.0)
            .setMaxRetryDelayDuration(Duration.ofSeconds(2))
            .setInitialRpcTimeoutDuration(Duration.ofSeconds(10))
            .setRpcTimeoutMultiplier(1.0)
            .setMaxRpcTimeoutDuration(Duration.ofSeconds(10))
            .setTotalTimeoutDuration(Duration.ofSeconds(20))
            .build();

    private final PubSubConnection connection;
    private final String topic;

    public PubSubRawUpdates(PubSubConnection connection, String topic) {
        this.connection = connection;
        this.topic = topic;
    }

    @Override
    public void announce(RawUpdate update) {
        Publisher publisher;
        try {
            publisher = connection.publisherBuilder(topic).setRetrySettings(RETRY).build();
        } catch (IOException e) {
            throw new IllegalStateException("cannot publish to " + topic + ": " + e.getMessage(), e);
        }
        try {
            PubsubMessage message = PubsubMessage.newBuilder()
                    .setData(ByteString.copyFrom(MessageCodec.encode(update)))
                    .putAllAttributes(update.attributes())
                    .build();
            publisher.publish(message).get(25, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot publish to " + topic + ": " + rootMessage(e), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot publish to " + topic + ": no answer within 25 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing to " + topic, e);
        } finally {
            publisher.shutdown();
            try {
                publisher.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.toString() : t.getMessage();
        return message.strip().lines().findFirst().orElse(message);
    }
}
