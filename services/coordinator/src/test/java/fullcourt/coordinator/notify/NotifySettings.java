package fullcourt.coordinator.notify;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** {@link NotifyConfig} as plain values, for tests that build a {@link WebhookSender} themselves. */
public record NotifySettings(Optional<URI> webhookUrl, int queueSize, int maxAttempts, Duration initialBackoff,
                             Duration timeout, Duration repeatAfter) implements NotifyConfig {
}
