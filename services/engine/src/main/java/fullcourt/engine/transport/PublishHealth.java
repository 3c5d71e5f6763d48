package fullcourt.engine.transport;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether each outgoing channel can publish: a channel whose latest publish failed in Pub/Sub (not refused for its
 * content, which says nothing about the channel), with no success since, cannot. Readiness reports it
 * ({@code fullcourt.engine.health.PublishReadinessCheck}).
 */
public final class PublishHealth {

    /** A channel's latest failure that no success followed: since when, how many in a row, the last error. */
    public record Failing(Instant since, int failures, String error) {
    }

    private final Clock clock;
    private final Map<String, Failing> failing = new ConcurrentHashMap<>();

    public PublishHealth(Clock clock) {
        this.clock = clock;
    }

    void succeeded(String channel) {
        failing.remove(channel);
    }

    void failed(String channel, Throwable error) {
        Instant now = clock.instant();
        String text = fullcourt.messages.LogText.of(String.valueOf(error));
        failing.merge(channel, new Failing(now, 1, text),
                (old, fresh) -> new Failing(old.since(), old.failures() + 1, text));
    }

    /** The channels that cannot publish now, by name. */
    public Map<String, Failing> failingChannels() {
        return new TreeMap<>(failing);
    }
}
