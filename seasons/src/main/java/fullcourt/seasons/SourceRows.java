package fullcourt.seasons;

import fullcourt.seasons.play.GameResult;
import fullcourt.seasons.play.PropLine;
import fullcourt.seasons.play.SeasonRows;
import fullcourt.seasons.raw.RawRowWriter;
import fullcourt.seasons.schedule.ScheduledGame;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A season's rows as the sources deliver them: everything, except what the season's gaps leave out. */
final class SourceRows implements SeasonRows {

    private final RawRowWriter writer;
    private final String season;
    private final Set<LocalDate> datesWithoutShots = new HashSet<>();
    private final Set<String> gamesWithoutTeamRows = new HashSet<>();
    private final Set<LocalDate> propLineDates = new HashSet<>();

    SourceRows(RawRowWriter writer, String season, List<SourceGap> gaps) {
        this.writer = writer;
        this.season = season;
        for (SourceGap gap : gaps) {
            switch (gap.kind()) {
                case SHOT_EVENTS_DATE -> datesWithoutShots.add(gap.date());
                case TEAM_BOX_SCORE_GAME -> gamesWithoutTeamRows.add(gap.gameId());
            }
        }
    }

    int propLineDates() {
        return propLineDates.size();
    }

    @Override
    public void scheduled(ScheduledGame game) {
        try {
            writer.schedule(game, season);
        } catch (SQLException e) {
            throw new RawWriteException(e);
        }
    }

    @Override
    public void propLine(PropLine line) {
        try {
            writer.propLine(line);
            propLineDates.add(line.gameDate());
        } catch (SQLException e) {
            throw new RawWriteException(e);
        }
    }

    @Override
    public void played(GameResult result) {
        try {
            writer.playerBoxScores(result);
            if (!gamesWithoutTeamRows.contains(result.game().gameId())) {
                writer.teamBoxScores(result);
            }
            if (!datesWithoutShots.contains(result.game().date())) {
                writer.shotEvents(result);
            }
        } catch (SQLException e) {
            throw new RawWriteException(e);
        }
    }

    /** Carries a write failure out of the simulation's callbacks; unwrapped by the generator. */
    static final class RawWriteException extends RuntimeException {
        RawWriteException(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }
}
