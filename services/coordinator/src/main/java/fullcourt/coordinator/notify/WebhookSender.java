package fullcourt.coordinator.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Posts texts to a Slack-compatible webhook ({@code {"text": ...}}) from one thread of its own, so that a slow or
 * hanging webhook never holds the coordinator's loop: {@link #offer} only queues. The queue is bounded; a text that
 * finds it full is dropped, counted and warned about. A failed attempt (an I/O error, a time-out, HTTP 429 or 5xx)
 * is retried with doubling waits up to {@code max-attempts}; any other answer (a 404 of a removed webhook) is final.
 * The URL is never logged (a webhook's path is its secret): lines name its host only.
 */
public final class WebhookSender implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);
    static final String METRIC = "fullcourt.notify.notifications";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Queued by {@link #close()}: the drain thread stops when it reaches it, after what was queued before. */
    @SuppressWarnings("StringOperationCanBeSimplified")
    private static final String STOP = new String("stop");

    private final URI url;
    private final NotifyConfig config;
    private final BlockingQueue<String> queue;
    private final ExecutorService http = Executors.newSingleThreadExecutor(r -> daemon(r, "fullcourt-notify-http"));
    private final HttpClient client;
    private final Thread drain;
    private final Counter sent;
    private final Counter failed;
    private final Counter dropped;

    public WebhookSender(URI url, NotifyConfig config, MeterRegistry registry) {
        this.url = url;
        this.config = config;
        this.queue = new ArrayBlockingQueue<>(config.queueSize());
        this.client = HttpClient.newBuilder().connectTimeout(config.timeout()).executor(http).build();
        this.sent = counter(registry, "sent");
        this.failed = counter(registry, "failed");
        this.dropped = counter(registry, "dropped");
        this.drain = daemon(this::drain, "fullcourt-notify");
        drain.start();
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder(METRIC).description("Webhook notifications by outcome: sent, failed (every attempt"
                + " failed), dropped (the queue was full)").tag("outcome", outcome).register(registry);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Queues {@code text} without waiting; false (counted, warned) when the queue is full. */
    public boolean offer(String text) {
        if (queue.offer(text)) {
            return true;
        }
        dropped.increment();
        LOG.warnf("Notification dropped: %d wait for the webhook at %s already (fullcourt.notify.queue-size): %s",
                config.queueSize(), url.getHost(), firstLine(text));
        return false;
    }

    private void drain() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                String text = queue.take();
                if (text == STOP) {
                    return;
                }
                send(text);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void send(String text) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(config.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(text))).build();
        Duration wait = config.initialBackoff();
        String problem = null;
        for (int attempt = 1; attempt <= config.maxAttempts(); attempt++) {
            if (attempt > 1) {
                Thread.sleep(wait.toMillis()); // this thread's own backoff, not the loop's
                wait = wait.multipliedBy(2);
            }
            try {
                int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status / 100 == 2) {
                    sent.increment();
                    return;
                }
                problem = "HTTP " + status;
                if (status != 429 && status / 100 != 5) {
                    break;
                }
            } catch (IOException e) {
                problem = e.getClass().getSimpleName() + (e.getMessage() == null ? ""
                        : ": " + e.getMessage().replace(url.toString(), "<webhook>"));
            }
            LOG.debugf("Notification attempt %d to %s failed: %s", attempt, url.getHost(), problem);
        }
        failed.increment();
        LOG.warnf("Notification not delivered to the webhook at %s (%s): %s", url.getHost(), problem, firstLine(text));
    }

    private static byte[] body(String text) {
        try {
            return JSON.writeValueAsBytes(Map.of("text", text));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of one string is always JSON", e);
        }
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    /**
     * Sends what is queued, for at most one attempt's {@code timeout} (a run that ends as the process exits, as the
     * all-in-one's does, is still announced), then stops; what is left is dropped, and said so.
     */
    @Override
    public void close() {
        if (queue.offer(STOP)) {
            try {
                drain.join(config.timeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        drain.interrupt();
        http.shutdownNow();
        long left = queue.stream().filter(text -> text != STOP).count();
        if (left > 0) {
            LOG.warnf("%d notifications not sent: the coordinator stopped", left);
        }
    }
}
