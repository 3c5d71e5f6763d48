package fullcourt.coordinator.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fullcourt.engine.testing.LocalWebhook;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sender against a real HTTP server on loopback: retries, final answers, a full queue. */
class WebhookSenderTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final LocalWebhook webhook = new LocalWebhook();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private WebhookSender sender;

    private WebhookSender sender(int queueSize, int maxAttempts) {
        URI url = URI.create(webhook.url());
        sender = new WebhookSender(url, new NotifySettings(Optional.of(url), queueSize, maxAttempts, Duration.ofMillis(10),
                Duration.ofSeconds(30), Duration.ofHours(1)), registry);
        return sender;
    }

    private double count(String outcome) {
        return registry.get(WebhookSender.METRIC).tag("outcome", outcome).counter().count();
    }

    @AfterEach
    void close() {
        if (sender != null) {
            sender.close();
        }
        webhook.close();
    }

    @Test
    void aNotificationAnsweredWith500IsRetriedAndDeliveredAsSlackJson() {
        webhook.answerNext(500);
        sender(10, 4).offer("Fullcourt run r1 COMPLETED \"quoted\"");

        await().atMost(WAIT).until(() -> count("sent") == 1);
        // the first attempt got the 500, the second the 200: the same body twice, JSON-escaped
        assertThat(webhook.received()).containsExactly("{\"text\":\"Fullcourt run r1 COMPLETED \\\"quoted\\\"\"}",
                "{\"text\":\"Fullcourt run r1 COMPLETED \\\"quoted\\\"\"}");
        assertThat(count("failed")).isZero();
    }

    @Test
    void retriesStopAtMaxAttemptsAndTheNotificationCountsAsFailed() {
        webhook.answerNext(503, 503, 503);
        sender(10, 3).offer("three tries");

        await().atMost(WAIT).until(() -> count("failed") == 1);
        assertThat(webhook.received()).hasSize(3);
        assertThat(count("sent")).isZero();
    }

    @Test
    void aClientErrorIsFinalWithoutRetries() {
        webhook.answerNext(404);
        WebhookSender s = sender(10, 4);
        s.offer("to a removed webhook");
        s.offer("the next one");

        await().atMost(WAIT).until(() -> count("sent") == 1);
        assertThat(webhook.received()).containsExactly("{\"text\":\"to a removed webhook\"}",
                "{\"text\":\"the next one\"}");
        assertThat(count("failed")).isEqualTo(1);
    }

    @Test
    void closingSendsWhatIsQueuedFirst() {
        WebhookSender s = sender(10, 4);
        s.offer("run finished just before the process exits");
        s.offer("and one more");

        s.close();

        assertThat(webhook.received()).containsExactly("{\"text\":\"run finished just before the process exits\"}",
                "{\"text\":\"and one more\"}");
        assertThat(count("sent")).isEqualTo(2);
    }

    @Test
    void aHangingWebhookNeverHoldsTheCallerAndAFullQueueDropsWhatComesNext() {
        webhook.hold();
        WebhookSender s = sender(2, 4);
        assertThat(s.offer("first")).isTrue();
        await().atMost(WAIT).until(() -> webhook.received().size() == 1); // the sender's thread is stuck on it

        assertThat(s.offer("second")).isTrue();
        assertThat(s.offer("third")).isTrue();
        assertThat(s.offer("fourth")).as("queue of 2 full").isFalse();
        assertThat(count("dropped")).isEqualTo(1);

        webhook.release();
        await().atMost(WAIT).until(() -> count("sent") == 3);
        assertThat(webhook.received()).containsExactly("{\"text\":\"first\"}", "{\"text\":\"second\"}",
                "{\"text\":\"third\"}");
    }
}
