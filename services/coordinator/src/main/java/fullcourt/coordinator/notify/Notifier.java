package fullcourt.coordinator.notify;

import fullcourt.coordinator.RunFinished;
import fullcourt.coordinator.TaskDied;
import fullcourt.coordinator.validation.ValidationFailed;
import fullcourt.engine.lifecycle.ShutdownOrder;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Turns a finished run, a DEAD task and a failed validation into webhook notifications when
 * {@code fullcourt.notify.webhook-url} is set. The events come on the coordinator's loop thread; they are only
 * queued here (see {@link WebhookSender}).
 */
@ApplicationScoped
public class Notifier {

    private static final Logger LOG = Logger.getLogger(Notifier.class);

    @Inject
    NotifyConfig config;
    @Inject
    MeterRegistry registry;
    @Inject
    Clock clock;

    private volatile Optional<WebhookSender> sender = Optional.empty();
    private RepeatFilter repeats;

    void start(@Observes StartupEvent event) {
        repeats = new RepeatFilter(clock, config.repeatAfter());
        sender = config.webhookUrl().map(url -> {
            if (!"https".equalsIgnoreCase(url.getScheme()) && !"http".equalsIgnoreCase(url.getScheme())) {
                // the URL itself is a secret: say what is wrong with it, not what it is
                throw new IllegalArgumentException("fullcourt.notify.webhook-url must be an http(s) URL, got one with"
                        + " scheme " + url.getScheme());
            }
            LOG.infof("Notifications go to the webhook at %s", url.getHost());
            return new WebhookSender(url, config, registry);
        });
    }

    /** After the coordinator stopped (its last runs announced), with the publishers. */
    void stop(@Observes @Priority(ShutdownOrder.CLOSE_PUBLISHERS) ShutdownEvent event) {
        sender.ifPresent(WebhookSender::close);
    }

    void runFinished(@Observes RunFinished e) {
        sender.ifPresent(s -> s.offer(Notice.runFinished(e.runId(), e.outcome(), e.summary())));
    }

    void taskDied(@Observes TaskDied e) {
        sender.ifPresent(s -> s.offer(Notice.taskDead(e.runId(), e.task(), e.attempts(), e.error())));
    }

    void validationFailed(@Observes ValidationFailed e) {
        String text = Notice.validationFailed(e.validation());
        sender.ifPresent(s -> {
            if (repeats.allows(text)) {
                s.offer(text);
            }
        });
    }
}
