package fullcourt.seasons.play;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** A points prop line captured before tip-off. */
public record PropLine(String gameId, LocalDate gameDate, String playerId, double pointsLine, int overOdds,
        int underOdds, LocalDateTime capturedAt) {
}
