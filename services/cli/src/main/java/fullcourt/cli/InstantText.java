package fullcourt.cli;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** Timestamps of the status API as people read them: to the second, in UTC. */
final class InstantText {

    private InstantText() {
    }

    /** {@code 2024-01-05T10:15:00Z} for {@code 2024-01-05T10:15:00.551808005Z}; "-" for none; unparsable as is. */
    static String of(String instant) {
        if (instant == null || instant.isBlank()) {
            return "-";
        }
        try {
            return Instant.parse(instant).truncatedTo(ChronoUnit.SECONDS).toString();
        } catch (DateTimeParseException e) {
            return instant;
        }
    }
}
