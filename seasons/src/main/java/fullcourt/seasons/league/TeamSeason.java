package fullcourt.seasons.league;

import java.util.List;

/**
 * A team in one season: its roster in order of quality (the first is the star) and the
 * standardised strengths a model could learn: defense (above 0 holds opponents below their
 * usual shooting), offense and pace.
 */
public record TeamSeason(Team team, List<Player> roster, double defense, double offense, double pace) {

    public TeamSeason {
        roster = List.copyOf(roster);
    }
}
