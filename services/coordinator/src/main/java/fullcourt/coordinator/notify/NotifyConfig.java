package fullcourt.coordinator.notify;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Where and how the coordinator sends its notifications (a finished run, a DEAD task, a failed validation). */
@ConfigMapping(prefix = "fullcourt.notify")
public interface NotifyConfig {

    /**
     * A Slack-compatible incoming webhook ({@code POST {"text": ...}}); unset, nothing is sent. Its path is the
     * secret of such webhooks, so it is never logged: log lines name only its host.
     */
    Optional<URI> webhookUrl();

    /** Notifications waiting to be sent at most; beyond it new ones are dropped, counted and warned about. */
    @WithDefault("100")
    int queueSize();

    /** Attempts per notification (the first included) before it is given up, counted and warned about. */
    @WithDefault("4")
    int maxAttempts();

    /** Wait after the first failed attempt, doubled after each next one. */
    @WithDefault("1s")
    Duration initialBackoff();

    /** The same failed validation (same range, same failed checks) notifies again only after this long. */
    @WithDefault("1h")
    Duration repeatAfter();

    /** How long one attempt may take, connecting included, before it counts as failed. */
    @WithDefault("10s")
    Duration timeout();
}
