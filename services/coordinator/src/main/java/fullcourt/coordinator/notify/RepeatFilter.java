package fullcourt.coordinator.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lets a text through once per {@code quietFor}: the same failed validation asked again (a dashboard that polls it,
 * a script in a loop) notifies once, not on every call. Remembers the latest {@value #REMEMBERED} texts.
 */
final class RepeatFilter {

    static final int REMEMBERED = 100;

    private final Clock clock;
    private final Duration quietFor;
    private final Map<String, Instant> lastSent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > REMEMBERED;
        }
    };

    RepeatFilter(Clock clock, Duration quietFor) {
        this.clock = clock;
        this.quietFor = quietFor;
    }

    /** Whether {@code text} goes out now: not sent within the last {@code quietFor}. */
    synchronized boolean allows(String text) {
        Instant now = clock.instant();
        Instant last = lastSent.get(text);
        if (last != null && now.isBefore(last.plus(quietFor))) {
            return false;
        }
        lastSent.put(text, now);
        return true;
    }
}
