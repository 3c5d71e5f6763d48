package fullcourt.predictions.models;

import static fullcourt.predictions.models.GradingRows.MOVING_AVERAGE;
import static fullcourt.predictions.models.GradingRows.XGBOOST;

import fullcourt.engine.testing.models.RawRows;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The fixture of the trailing-window tests: New York at Boston on 13 straight days of 2023-24
 * (game k on 2024-01-02 + k days, k = 1..13) and the 2022-23 finale between them. The date under
 * test, D, is game 13's date (2024-01-15). Every prediction of k1 is 20.0 points on a 20.5 line.
 *
 * <pre>
 * Boston's k1, moving_average:
 *   game      1-2    3-6, 8   7     9-10   11     12-13    finale (2022-23)
 *   points    40     23       DNP   19     19     19       5
 *   error     +20    +3       -     -1     -1     -1       -15
 *   call      OVER   OVER     OVER  UNDER  OVER   PASS     OVER
 *   result    OVER   OVER     -     UNDER  UNDER  UNDER    UNDER
 *   correct   yes    yes      -     yes    no     -        no
 * Boston's k1, xgboost: no model (predicted NULL) before game 11; games 11-13 predicted 18.0,
 *   UNDER: error 19 - 18 = +1, correct.
 * Boston's k2 plays games 12 and 13, moving_average 10.0 without a line: 12 and 8 points.
 * New York's k3 plays game 12 and is DNP on D, with moving_average predictions for both.
 * </pre>
 */
final class TrailingSeason {

    static final LocalDate FIRST_DATE = LocalDate.of(2024, 1, 3);
    static final String FINALE = "20230409_NYK_BOS";
    static final int GAMES = 13;
    static final int K1_DNP_GAME = 7;

    static String game(int k) {
        LocalDate d = dateOfGame(k);
        return String.format("%04d%02d%02d_NYK_BOS", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    }

    static LocalDate dateOfGame(int k) {
        return FIRST_DATE.plusDays(k - 1);
    }

    /** D: the date the tests compute the trailing models for. */
    static final LocalDate D = dateOfGame(GAMES);

    /** The fixture, with prediction_accuracy graded on every date, oldest first. */
    static GradingRows graded() {
        GradingRows rows = GradingRows.inEmptyWarehouse();
        List<LocalDate> dates = new ArrayList<>();

        rows.played(FINALE, "BOS", "k1", 30.0, 5)
            .prediction(FINALE, "BOS", "k1", MOVING_AVERAGE, 20.0, 20.5, "OVER", 0.5);
        dates.add(RawRows.dateOf(FINALE));

        for (int k = 1; k <= GAMES; k++) {
            String g = game(k);
            dates.add(dateOfGame(k));
            if (k == K1_DNP_GAME) {
                rows.didNotPlay(g, "BOS", "k1");
            } else {
                rows.played(g, "BOS", "k1", 32.0, k1Points(k));
            }
            rows.prediction(g, "BOS", "k1", MOVING_AVERAGE, 20.0, 20.5, k1Call(k), 0.5);
            if (k >= 11) {
                rows.prediction(g, "BOS", "k1", XGBOOST, 18.0, 20.5, "UNDER", 0.6);
            } else {
                rows.prediction(g, "BOS", "k1", XGBOOST, null, 20.5, null, null);
            }
        }

        rows.played(game(12), "BOS", "k2", 20.0, 12)
            .prediction(game(12), "BOS", "k2", MOVING_AVERAGE, 10.0, null, null, 0.3)
            .played(game(13), "BOS", "k2", 18.0, 8)
            .prediction(game(13), "BOS", "k2", MOVING_AVERAGE, 10.0, null, null, 0.3)
            .played(game(12), "NYK", "k3", 30.0, 16)
            .prediction(game(12), "NYK", "k3", MOVING_AVERAGE, 15.0, 14.5, "OVER", 0.5)
            .didNotPlay(game(13), "NYK", "k3")
            .prediction(game(13), "NYK", "k3", MOVING_AVERAGE, 15.0, 14.5, "OVER", 0.5);

        return rows.gradeEach(dates);
    }

    private static int k1Points(int k) {
        if (k <= 2) {
            return 40;
        }
        return k <= 8 ? 23 : 19;
    }

    private static String k1Call(int k) {
        if (k <= 8 || k == 11) {
            return "OVER";
        }
        return k <= 10 ? "UNDER" : "PASS";
    }

    private TrailingSeason() {
    }
}
