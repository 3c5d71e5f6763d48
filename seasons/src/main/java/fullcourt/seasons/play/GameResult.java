package fullcourt.seasons.play;

import fullcourt.seasons.schedule.ScheduledGame;
import java.util.List;

/** A played game: every roster player's line for both teams and the play-by-play shots in order. */
public record GameResult(ScheduledGame game, int overtimePeriods, List<PlayerLine> home, List<PlayerLine> away,
        List<ShotEvent> shots) {

    public int homePoints() {
        return points(home);
    }

    public int awayPoints() {
        return points(away);
    }

    public boolean homeWon() {
        return homePoints() > awayPoints();
    }

    /** Team minutes: 240 plus 25 per overtime period. */
    public int teamMinutes() {
        return 240 + 25 * overtimePeriods;
    }

    private static int points(List<PlayerLine> lines) {
        int sum = 0;
        for (PlayerLine l : lines) {
            sum += l.points();
        }
        return sum;
    }
}
