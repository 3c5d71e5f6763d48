package fullcourt.seasons;

import java.time.LocalDate;

/** A hole left on purpose in the raw sources, as real feeds have them, for validation to find. */
public record SourceGap(String season, Kind kind, LocalDate date, String gameId) {

    public enum Kind {
        /** No raw.shot_events rows at all for the date. */
        SHOT_EVENTS_DATE,
        /** Neither team's raw.team_box_scores row for the game; player box scores are there. */
        TEAM_BOX_SCORE_GAME
    }

    @Override
    public String toString() {
        return switch (kind) {
            case SHOT_EVENTS_DATE -> season + ": no shot events on " + date;
            case TEAM_BOX_SCORE_GAME -> season + ": no team box scores for " + gameId + " (" + date + ")";
        };
    }
}
