package fullcourt.seasons;

/** One generated season at a glance. */
public record SeasonSummary(String season, int regularGames, int playoffGames, int gameDates, int overtimeGames,
        int propLineDates, String champion) {
}
