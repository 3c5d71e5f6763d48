package fullcourt.precompute.models;

import fullcourt.engine.testing.models.ModelRunner;
import fullcourt.engine.testing.models.RawRows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The fixture the Phase 4 model tests share: New York at Boston on 18 straight days of 2023-24
 * (game k on 2023-10-23 + k days, k = 1..18), the 2022-23 finale between them, and Philadelphia at
 * Miami on the last two days, without play-by-play. The date under test, D, is game 18's date
 * (2023-11-10). Stats are in the order points, fgm, fga, fg3m, fg3a, ftm, fta, oreb, dreb, ast,
 * stl, blk, tov, pf; each points total is 2 * (fgm - fg3m) + 3 * fg3m + ftm.
 *
 * <pre>
 * Boston's defense = New York's offense (team source) and New York's shots (player n1):
 *   games 1-2    NYK 140 points on {@link #POSSESSIONS_GAMES_1_2} possessions; paint 10 attempts, 10 made
 *   games 3-17   NYK 110 points on {@link #POSSESSIONS_GAMES_3_17} possessions; paint 4/2, mid-range 2/1,
 *                three 4/1
 *   game 18 (D)  NYK 140 points; paint 20/20 (must never be read for D)
 *   finale       NYK  90 points; paint 10/0 (previous season)
 *   possessions  Basketball-Reference's, the mean of both teams' FGA + 0.4 * FTA
 *                - 1.07 * ORB / (ORB + opponent DRB) * (FGA - FGM) + TOV; both teams have the game's
 *   Boston (team source) scores 100 on the same possessions every game.
 * Boston's b1 plays games 6-18 (12 games before D), 30 minutes each:
 *   points       {@link #b1Points}: games 6-7 10, then 2k - 4 (game 8 12, ..., game 17 30);
 *                FGA 14, FTA 2 in each, so ts_pct = points / (2 * (14 + 0.88)) = points / 29.76
 *   turnovers    {@link #b1Turnovers}: games 6-12 2, games 13-17 5; b1 is Boston's only listed player,
 *                so of the team source's 12 turnovers only his are credited to a player: Boston's
 *                plays are 85 + 0.44 * 20 + tov, usage_rate = 100 * (14 + 0.88 + tov) * 48
 *                / (30 * (93.8 + tov))
 *   games 6-7    paint 10 attempts, 4 made, all 4 assisted
 *   games 8-17   paint 2/1 (assisted), mid-range 1/1 (unassisted), three 1/0
 *   game 18 (D)  48 points, 10 turnovers, three 15/15 (must never be read for D); prop line 24.5
 *   finale       20 points, three 10/3, unassisted (previous season)
 * Boston's b9 plays only on D (no earlier game). Philadelphia's p1 plays 11-09 and 11-10 (D) at
 * Miami: no shot events in either game, so no zone data; no team source, so each team's totals
 * are its one player's line.
 * </pre>
 */
final class EarlySeason {

    static final String SEASON = "2023-24";
    static final LocalDate FIRST_DATE = LocalDate.of(2023, 10, 24);
    static final String FINALE = "20230409_NYK_BOS";
    static final LocalDate FINALE_DATE = RawRows.dateOf(FINALE);
    static final String PHI_AT_MIA_BEFORE = "20231109_PHI_MIA";
    static final String PHI_AT_MIA_ON_D = "20231110_PHI_MIA";

    /** Game k (1..18) of New York at Boston in 2023-24. */
    static String game(int k) {
        LocalDate d = FIRST_DATE.plusDays(k - 1);
        return String.format("%04d%02d%02d_NYK_BOS", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    }

    static LocalDate dateOfGame(int k) {
        return FIRST_DATE.plusDays(k - 1);
    }

    /** D: the date the tests compute the Phase 4 models for. */
    static final LocalDate D = dateOfGame(18);

    /** Every fixture date, in order. */
    static List<LocalDate> dates() {
        List<LocalDate> dates = new ArrayList<>();
        dates.add(FINALE_DATE);
        for (int k = 1; k <= 18; k++) {
            dates.add(dateOfGame(k));
        }
        return dates;
    }

    /** b1's points in game k (6..17). */
    static int b1Points(int k) {
        return k <= 7 ? 10 : 2 * k - 4;
    }

    /** b1's turnovers in game k (6..17). */
    static int b1Turnovers(int k) {
        return k <= 12 ? 2 : 5;
    }

    /**
     * b1's usage_rate in a game with {@code turnovers} (player_game_summary's USG%): 100 * (FGA + 0.44 * FTA
     * + TOV) * (team minutes / 5) / (minutes * (team FGA + 0.44 * team FTA + team TOV)), team TOV being the
     * turnovers credited to Boston's players, b1's own.
     */
    static double b1UsageRate(double turnovers) {
        return 100 * (14 + 0.44 * 2 + turnovers) * (240.0 / 5) / (30 * (85 + 0.44 * 20 + turnovers));
    }

    /**
     * Possessions of games 3-17 (New York's 110-point line against Boston's): New York
     * 84 + 0.4 * 25 - 1.07 * 10 / (10 + 35) * (84 - 40) + 15 = 98.54, Boston
     * 85 + 0.4 * 20 - 1.07 * 10 / (10 + 30) * (85 - 38) + 12 = 92.43, averaged: 95.48.
     */
    static final double POSSESSIONS_GAMES_3_17 = ((84 + 0.4 * 25 - 1.07 * 10 / (10 + 35) * (84 - 40) + 15)
            + (85 + 0.4 * 20 - 1.07 * 10 / (10 + 30) * (85 - 38) + 12)) / 2;

    /** Possessions of games 1-2: New York makes 50 of its 84 shots, so 34 misses instead of 44: 96.67. */
    static final double POSSESSIONS_GAMES_1_2 = ((84 + 0.4 * 25 - 1.07 * 10 / (10 + 35) * (84 - 50) + 15)
            + (85 + 0.4 * 20 - 1.07 * 10 / (10 + 30) * (85 - 38) + 12)) / 2;

    private EarlySeason() {
    }

    static void load(ModelRunner runner) {
        RawRows raw = new RawRows(runner);

        // the previous season's finale
        raw.game(FINALE, "2022-23", "regular");
        //                                min  ot  pts fgm fga 3pm 3pa ftm fta orb drb ast stl blk tov pf
        raw.teamBox(FINALE, "NYK", 240, 0,  90, 34, 84,  8, 30, 14, 25, 10, 30, 20,  5,  3, 15, 20)
           .teamBox(FINALE, "BOS", 240, 0, 100, 38, 85,  8, 28, 16, 20, 10, 35, 22,  7,  5, 12, 18)
           .playerBox(FINALE, "BOS", "b1", 30.0, 20, 8, 14, 3, 10, 1, 2, 1, 5, 3, 1, 0, 2, 2)
           .shots(FINALE, "BOS", "b1", "three", 10, 3, 0)
           .shots(FINALE, "NYK", "n1", "paint", 10, 0, 0);

        for (int k = 1; k <= 18; k++) {
            String g = game(k);
            raw.game(g, SEASON, "regular");
            boolean highScoring = k <= 2 || k == 18;
            if (highScoring) {
                //                     min  ot  pts fgm fga 3pm 3pa ftm fta orb drb ast stl blk tov pf
                raw.teamBox(g, "NYK", 240, 0, 140, 50, 84, 20, 40, 20, 25, 10, 30, 20,  5,  3, 15, 20);
            } else {
                raw.teamBox(g, "NYK", 240, 0, 110, 40, 84, 10, 30, 20, 25, 10, 30, 20,  5,  3, 15, 20);
            }
            raw.teamBox(g, "BOS", 240, 0, 100, 38, 85,  8, 28, 16, 20, 10, 35, 22,  7,  5, 12, 18);

            // New York's shots, i.e. what Boston allowed
            if (k <= 2) {
                raw.shots(g, "NYK", "n1", "paint", 10, 10, 5);
            } else if (k <= 17) {
                raw.shots(g, "NYK", "n1", "paint", 4, 2, 1)
                   .shots(g, "NYK", "n1", "mid_range", 2, 1, 0)
                   .shots(g, "NYK", "n1", "three", 4, 1, 1);
            } else {
                raw.shots(g, "NYK", "n1", "paint", 20, 20, 20);
            }

            // Boston's b1, from game 6 on: points = 2 * fgm + 4 (two threes, two free throws)
            if (k >= 6 && k <= 17) {
                int points = b1Points(k);
                raw.playerBox(g, "BOS", "b1", 30.0, points, (points - 4) / 2, 14, 2, 4, 2, 2, 1, 5, 3, 1, 0,
                        b1Turnovers(k), 2);
            } else if (k == 18) {
                raw.playerBox(g, "BOS", "b1", 30.0, 48, 20, 30, 2, 4, 6, 6, 1, 5, 3, 1, 0, 10, 2)
                   .propLine(g, "b1", 24.5, -110, -110, "2023-11-10 12:00:00");
            }
            if (k == 6 || k == 7) {
                raw.shots(g, "BOS", "b1", "paint", 10, 4, 4);
            } else if (k >= 8 && k <= 17) {
                raw.shots(g, "BOS", "b1", "paint", 2, 1, 1)
                   .shots(g, "BOS", "b1", "mid_range", 1, 1, 0)
                   .shots(g, "BOS", "b1", "three", 1, 0, 0);
            } else if (k == 18) {
                raw.shots(g, "BOS", "b1", "three", 15, 15, 15);
            }
        }
        raw.playerBox(game(18), "BOS", "b9", 12.0, 4, 2, 4, 0, 1, 0, 0, 0, 2, 1, 0, 0, 1, 1);

        // Philadelphia at Miami: no team source, no play-by-play
        raw.game(PHI_AT_MIA_BEFORE, SEASON, "regular")
           .game(PHI_AT_MIA_ON_D, SEASON, "regular")
           .playerBox(PHI_AT_MIA_BEFORE, "PHI", "p1", 32.0, 18, 7, 15, 1, 4, 3, 4, 1, 6, 4, 1, 0, 2, 3)
           .playerBox(PHI_AT_MIA_BEFORE, "MIA", "m1", 34.0, 20, 8, 16, 2, 5, 2, 2, 1, 5, 3, 1, 0, 2, 2)
           .playerBox(PHI_AT_MIA_ON_D, "PHI", "p1", 30.0, 15, 6, 13, 1, 3, 2, 2, 1, 5, 3, 1, 0, 2, 2)
           .playerBox(PHI_AT_MIA_ON_D, "MIA", "m1", 33.0, 22, 9, 17, 2, 5, 2, 2, 1, 5, 3, 1, 0, 2, 2);
    }

    /** Loads the fixture and runs the phase 3 upstreams on every fixture date, oldest first. */
    static ModelRunner withAnalytics() {
        ModelRunner runner = ModelRunner.withRawTables();
        load(runner);
        for (LocalDate date : dates()) {
            runner.runAll(PrecomputeModels.ANALYTICS_UPSTREAMS, date);
        }
        return runner;
    }

    /** {@link #withAnalytics()}, then every Phase 4 model, in dependency order, on each of {@code dates}. */
    static ModelRunner withPrecompute(List<LocalDate> dates) {
        ModelRunner runner = withAnalytics();
        for (LocalDate date : dates) {
            runner.runAll(PrecomputeModels.PRECOMPUTE_MODELS, date);
        }
        return runner;
    }
}
