package fullcourt.seasons.play;

import fullcourt.seasons.schedule.ScheduledGame;

/** Where a simulated season's rows go, in the order they happen. */
public interface SeasonRows {

    void scheduled(ScheduledGame game);

    void propLine(PropLine line);

    void played(GameResult result);
}
