package fullcourt.analytics.models;

import fullcourt.engine.testing.models.ModelRunner;
import fullcourt.engine.testing.models.RawRows;

import java.time.LocalDate;

/**
 * The fixture most model tests share: Boston's and New York's first week of 2023-24, plus the last
 * game of 2022-23. Stats are in the order points, fgm, fga, fg3m, fg3a, ftm, fta, oreb, dreb, ast,
 * stl, blk, tov, pf; each points total is checked as 2 * (fgm - fg3m) + 3 * fg3m + ftm.
 *
 * <pre>
 * 2023-04-09  NYK @ BOS  2022-23 finale: team source has it
 * 2023-10-19  NYK @ PHI  scheduled only (no results in any source): New York's season opener
 * 2023-10-20  NYK @ PHI  scheduled only
 * 2023-10-24  NYK @ BOS  OPENER: team source has it; play-by-play; a DNP (b3), a player without shots (n1)
 * 2023-10-25  PHI @ NYK  team source has it
 * 2023-10-26  NYK @ BOS  OVERTIME: missing from the team source (reconstructed); no play-by-play that date
 * 2023-10-27  BOS @ NYK  scheduled, no results in any source yet: both teams on a back-to-back
 * </pre>
 */
final class OpeningWeek {

    static final String LAST_SEASON_FINALE = "20230409_NYK_BOS";
    static final String NYK_AT_PHI_FIRST = "20231019_NYK_PHI";
    static final String NYK_AT_PHI_SECOND = "20231020_NYK_PHI";
    static final String OPENER = "20231024_NYK_BOS";
    static final String NYK_HOSTS_PHI = "20231025_PHI_NYK";
    static final String OVERTIME_GAME = "20231026_NYK_BOS";
    static final String BACK_TO_BACK_GAME = "20231027_BOS_NYK";

    static final LocalDate FINALE_DATE = RawRows.dateOf(LAST_SEASON_FINALE);
    static final LocalDate NYK_AT_PHI_FIRST_DATE = RawRows.dateOf(NYK_AT_PHI_FIRST);
    static final LocalDate NYK_AT_PHI_SECOND_DATE = RawRows.dateOf(NYK_AT_PHI_SECOND);
    static final LocalDate OPENER_DATE = RawRows.dateOf(OPENER);
    static final LocalDate PHI_DATE = RawRows.dateOf(NYK_HOSTS_PHI);
    static final LocalDate OVERTIME_DATE = RawRows.dateOf(OVERTIME_GAME);
    static final LocalDate BACK_TO_BACK_DATE = RawRows.dateOf(BACK_TO_BACK_GAME);

    /** Every date of the fixture, in order. */
    static final LocalDate[] DATES = {FINALE_DATE, NYK_AT_PHI_FIRST_DATE, NYK_AT_PHI_SECOND_DATE, OPENER_DATE, PHI_DATE,
        OVERTIME_DATE, BACK_TO_BACK_DATE};

    private OpeningWeek() {
    }

    /** Writes the fixture's raw rows. */
    static void load(ModelRunner runner) {
        RawRows raw = new RawRows(runner);
        raw.game(LAST_SEASON_FINALE, "2022-23", "regular")
                .game(NYK_AT_PHI_FIRST, "2023-24", "regular")
                .game(NYK_AT_PHI_SECOND, "2023-24", "regular")
                .game(OPENER, "2023-24", "regular")
                .game(NYK_HOSTS_PHI, "2023-24", "regular")
                .game(OVERTIME_GAME, "2023-24", "regular")
                .game(BACK_TO_BACK_GAME, "2023-24", "regular");

        //                                          min  ot  pts fgm fga 3pm 3pa ftm fta orb drb ast stl blk tov pf
        raw.teamBox(LAST_SEASON_FINALE, "BOS", 240, 0, 120, 45, 85, 15, 35, 15, 18,  9, 36, 28,  8,  6, 10, 17)
           .teamBox(LAST_SEASON_FINALE, "NYK", 240, 0,  95, 35, 90,  9, 30, 16, 20, 11, 30, 19,  5,  3, 15, 20)
           .teamBox(OPENER,             "BOS", 240, 0, 110, 40, 88, 14, 38, 16, 20, 10, 35, 25,  7,  5, 12, 18)
           .teamBox(OPENER,             "NYK", 240, 0, 102, 38, 90, 10, 32, 16, 22, 12, 33, 21,  6,  4, 14, 19)
           .teamBox(NYK_HOSTS_PHI,      "NYK", 240, 0,  99, 37, 86, 11, 33, 14, 18, 10, 34, 22,  7,  5, 13, 21)
           .teamBox(NYK_HOSTS_PHI,      "PHI", 240, 0, 104, 39, 84, 12, 30, 14, 17,  8, 35, 24,  6,  4, 12, 18);

        // the opener: only some players; the team totals above come from the team source
        //                                    min   pts fgm fga 3pm 3pa ftm fta orb drb ast stl blk tov pf
        raw.playerBox(OPENER, "BOS", "b1", 36.0,  30, 11, 20,  4,  9,  4,  5,  1,  6,  5,  1,  0,  3,  2)
           .playerBox(OPENER, "BOS", "b2", 30.0,  12,  5, 10,  0,  2,  2,  2,  2,  4,  3,  1,  1,  1,  3)
           .didNotPlay(OPENER, "BOS", "b3", "Coach's decision")
           .playerBox(OPENER, "NYK", "n1", 10.0,   2,  0,  0,  0,  0,  2,  2,  0,  2,  1,  0,  0,  1,  2)
           .playerBox(OPENER, "NYK", "n2", 34.0,  17,  7, 15,  1,  5,  2,  3,  1,  5,  4,  1,  0,  2,  2);

        //                        player  zone    attempts makes assisted
        raw.shots(OPENER, "BOS", "b1", "paint",      8, 5, 3)
           .shots(OPENER, "BOS", "b1", "mid_range",  3, 2, 0)
           .shots(OPENER, "BOS", "b1", "three",      9, 4, 4)
           .shots(OPENER, "BOS", "b2", "paint",      6, 4, 2)
           .shots(OPENER, "BOS", "b2", "mid_range",  2, 1, 0)
           .shots(OPENER, "BOS", "b2", "three",      2, 0, 0)
           .shots(OPENER, "NYK", "n2", "paint",      7, 4, 2)
           .shots(OPENER, "NYK", "n2", "mid_range",  3, 2, 1)
           .shots(OPENER, "NYK", "n2", "three",      5, 1, 1);

        // the overtime game: no team-source rows, so every player who played is listed
        //                                           min   pts fgm fga 3pm 3pa ftm fta orb drb ast stl blk tov pf
        raw.playerBox(OVERTIME_GAME, "BOS", "b1", 48.0,  35, 12, 25,  5, 11,  6,  8,  1,  7,  6,  1,  0,  4,  3)
           .playerBox(OVERTIME_GAME, "BOS", "b2", 46.0,  20,  8, 15,  2,  5,  2,  2,  2,  5,  3,  0,  1,  2,  4)
           .didNotPlay(OVERTIME_GAME, "BOS", "b3", "Injury: ankle")
           .playerBox(OVERTIME_GAME, "BOS", "b4", 45.0,  18,  7, 14,  2,  6,  2,  3,  0,  4,  5,  2,  0,  1,  2)
           .playerBox(OVERTIME_GAME, "BOS", "b5", 44.0,  16,  6, 12,  0,  1,  4,  4,  3,  8,  1,  0,  2,  2,  5)
           .playerBox(OVERTIME_GAME, "BOS", "b6", 41.0,  12,  5, 11,  1,  4,  1,  2,  2,  3,  2,  1,  0,  1,  3)
           .playerBox(OVERTIME_GAME, "BOS", "b7", 40.0,  10,  4,  9,  2,  5,  0,  0,  1,  2,  4,  1,  0,  2,  1)
           .playerBox(OVERTIME_GAME, "NYK", "n1", 53.0,  30, 11, 22,  3,  8,  5,  6,  2,  6,  4,  1,  0,  3,  2)
           .playerBox(OVERTIME_GAME, "NYK", "n2", 53.0,  25, 10, 20,  2,  6,  3,  4,  1,  5,  3,  1,  1,  2,  3)
           .playerBox(OVERTIME_GAME, "NYK", "n3", 53.0,  20,  8, 18,  2,  7,  2,  2,  3,  7,  2,  0,  1,  3,  4)
           .playerBox(OVERTIME_GAME, "NYK", "n4", 53.0,  20,  9, 17,  0,  2,  2,  3,  2,  6,  5,  2,  0,  2,  3)
           .playerBox(OVERTIME_GAME, "NYK", "n5", 53.0,  13,  5, 12,  1,  4,  2,  2,  1,  4,  2,  1,  0,  1,  2);
    }

    /** Loads the fixture and runs every model on every fixture date, upstream first. */
    static ModelRunner computed() {
        ModelRunner runner = ModelRunner.withRawTables();
        load(runner);
        for (LocalDate date : DATES) {
            runner.runAll(AnalyticsModels.DEPENDENCY_ORDER, date);
        }
        return runner;
    }
}
