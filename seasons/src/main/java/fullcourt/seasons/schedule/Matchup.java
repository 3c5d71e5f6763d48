package fullcourt.seasons.schedule;

import fullcourt.seasons.league.Team;

/** One game to be scheduled: who hosts whom, not yet when. */
public record Matchup(Team home, Team away) {
}
