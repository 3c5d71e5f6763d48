package fullcourt.seasons.schedule;

import fullcourt.seasons.league.Team;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** A game on the calendar; its id is {@code YYYYMMDD_AWAY_HOME} as in the platform's sources. */
public record ScheduledGame(LocalDate date, SeasonType type, Team home, Team away) {

    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    public String gameId() {
        return date.format(BASIC) + "_" + away.code() + "_" + home.code();
    }
}
