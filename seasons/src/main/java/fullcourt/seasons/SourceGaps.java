package fullcourt.seasons;

import fullcourt.seasons.schedule.ScheduledGame;
import java.time.LocalDate;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Picks a season's deliberate gaps: one regular-season date without play-by-play and one game
 * (on another date) missing from the team source, both away from the season's first and last
 * two weeks.
 */
final class SourceGaps {

    private SourceGaps() {
    }

    static List<SourceGap> choose(Season season, List<ScheduledGame> regularSeason, RandomGenerator random) {
        List<LocalDate> dates = regularSeason.stream().map(ScheduledGame::date).distinct().sorted().toList();
        LocalDate shotGap = dates.get(14 + random.nextInt(dates.size() - 28));
        List<ScheduledGame> candidates = regularSeason.stream()
                .filter(g -> !g.date().equals(shotGap))
                .filter(g -> !g.date().isBefore(dates.get(14)) && !g.date().isAfter(dates.get(dates.size() - 15)))
                .toList();
        ScheduledGame teamGap = candidates.get(random.nextInt(candidates.size()));
        return List.of(
                new SourceGap(season.label(), SourceGap.Kind.SHOT_EVENTS_DATE, shotGap, null),
                new SourceGap(season.label(), SourceGap.Kind.TEAM_BOX_SCORE_GAME, teamGap.date(), teamGap.gameId()));
    }
}
