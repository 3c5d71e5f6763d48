package fullcourt.seasons.play;

import fullcourt.seasons.league.TeamSeason;

/**
 * What one team brings to a game: its season ratings, venue, rest (0 days = second night of a
 * back-to-back), each roster player's current form (a log multiplier drifting around 0) and
 * why a player cannot play (null when available), both indexed like the roster.
 */
public record TeamGameContext(TeamSeason team, boolean home, int restDays, double[] form, String[] unavailable) {

    public boolean backToBack() {
        return restDays == 0;
    }
}
