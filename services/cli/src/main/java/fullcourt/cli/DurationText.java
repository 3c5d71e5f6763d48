package fullcourt.cli;

import java.time.Duration;

/** Durations as short human text: 45s, 12m 05s, 3h 07m. */
final class DurationText {

    private DurationText() {
    }

    static String of(Duration duration) {
        return ofSeconds(duration.toSeconds());
    }

    static String ofSeconds(long seconds) {
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format("%dm %02ds", seconds / 60, seconds % 60);
        }
        return String.format("%dh %02dm", seconds / 3600, seconds % 3600 / 60);
    }
}
