package fullcourt.seasons.play;

/** What a simulated season amounted to, for the generation report. */
public record SeasonOutcome(int regularGames, int playoffGames, int gameDates, int overtimeGames, String champion) {
}
