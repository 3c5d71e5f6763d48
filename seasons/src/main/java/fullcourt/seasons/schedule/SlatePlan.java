package fullcourt.seasons.schedule;

import fullcourt.seasons.Season;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * How many games each regular-season date should get. The runbooks' slate mix over all game dates
 * (playoffs included) is about 20% full slates of 10+ games, 45% medium of 5-9 and 35% light;
 * playoff dates are all light, so regular-season dates lean fuller. Wednesdays and Fridays are
 * big nights, Thursdays small, as on the real calendar. No games on the All-Star break,
 * Thanksgiving or Christmas Eve; two games on opening night, five on Christmas Day, every team
 * on the last day.
 */
public final class SlatePlan {

    static final int REGULAR_SEASON_GAMES = 1230;
    private static final int MAX_GAMES = 15;
    private static final int PAIR_LIMIT = 19;

    private SlatePlan() {
    }

    /** Target games per playable date, in date order, summing to 1,230. */
    public static Map<LocalDate, Integer> forSeason(Season season, RandomGenerator random) {
        List<LocalDate> dates = playableDates(season);
        int n = dates.size();
        int[] target = new int[n];
        int[] min = new int[n];
        int[] max = new int[n];
        boolean[] fixed = new boolean[n];
        for (int i = 0; i < n; i++) {
            LocalDate date = dates.get(i);
            double[] mix = mix(date.getDayOfWeek());
            double roll = random.nextDouble();
            if (roll < mix[0]) {
                min[i] = 10;
                max[i] = 14;
                target[i] = 10 + random.nextInt(3);
            } else if (roll < mix[0] + mix[1]) {
                min[i] = 5;
                max[i] = 9;
                target[i] = 5 + random.nextInt(5);
            } else {
                min[i] = 2;
                max[i] = 4;
                target[i] = 2 + random.nextInt(3);
            }
            if (i == 0) {
                target[i] = 2;
                fixed[i] = true;
            } else if (i == n - 1) {
                target[i] = MAX_GAMES;
                fixed[i] = true;
            } else if (date.getMonth() == Month.DECEMBER && date.getDayOfMonth() == 25) {
                target[i] = 5;
                fixed[i] = true;
            }
        }
        int sum = 0;
        for (int t : target) {
            sum += t;
        }
        int guard = 0;
        while (sum != REGULAR_SEASON_GAMES) {
            int i = random.nextInt(n);
            if (fixed[i]) {
                continue;
            }
            if (sum < REGULAR_SEASON_GAMES && target[i] < max[i]) {
                target[i]++;
                sum++;
            } else if (sum > REGULAR_SEASON_GAMES && target[i] > min[i]) {
                target[i]--;
                sum--;
            } else if (++guard > 1_000_000) {
                throw new IllegalStateException("season " + season + ": no slate plan fits " + REGULAR_SEASON_GAMES + " games");
            }
        }
        spreadNeighbours(target, fixed, random);
        Map<LocalDate, Integer> plan = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            plan.put(dates.get(i), target[i]);
        }
        return plan;
    }

    /**
     * Two consecutive dates with many games force back-to-backs on whoever plays both: with at
     * most 19 games over any two consecutive dates (38 of 60 team slots), teams keep to the
     * league's 12-16 back-to-backs (tried: 18 leaves too few full slates, 20 too many back-to-backs). Games move from the busier date of a crowded pair to a date
     * with room on both sides.
     */
    private static void spreadNeighbours(int[] target, boolean[] fixed, RandomGenerator random) {
        int n = target.length;
        for (int pass = 0; pass < 100_000; pass++) {
            int worst = -1;
            for (int i = 0; i + 1 < n; i++) {
                if (target[i] + target[i + 1] > PAIR_LIMIT && (worst < 0 || target[i] + target[i + 1] > target[worst] + target[worst + 1])) {
                    worst = i;
                }
            }
            if (worst < 0) {
                return;
            }
            int from = fixed[worst + 1] || (!fixed[worst] && target[worst] >= target[worst + 1]) ? worst : worst + 1;
            if (fixed[from]) {
                from = from == worst ? worst + 1 : worst;
                if (fixed[from]) {
                    continue;
                }
            }
            for (int attempt = 0; attempt < 10 * n; attempt++) {
                int to = random.nextInt(n);
                if (fixed[to] || Math.abs(to - from) <= 1 || target[to] >= 14) {
                    continue;
                }
                boolean leftOk = to == 0 || target[to - 1] + target[to] + 1 <= PAIR_LIMIT;
                boolean rightOk = to == n - 1 || target[to] + 1 + target[to + 1] <= PAIR_LIMIT;
                if (leftOk && rightOk) {
                    target[from]--;
                    target[to]++;
                    break;
                }
            }
        }
    }

    static List<LocalDate> playableDates(Season season) {
        LocalDate thanksgiving = LocalDate.of(season.startYear(), 11, 1)
                .with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY));
        LocalDate christmasEve = LocalDate.of(season.startYear(), 12, 24);
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate d = season.regularStart(); !d.isAfter(season.regularEnd()); d = d.plusDays(1)) {
            if (!season.inAllStarBreak(d) && !d.equals(thanksgiving) && !d.equals(christmasEve)) {
                dates.add(d);
            }
        }
        return dates;
    }

    /** Probabilities of a full, medium and light slate by weekday. */
    private static double[] mix(DayOfWeek day) {
        return switch (day) {
            case MONDAY -> new double[] {0.20, 0.62, 0.18};
            case TUESDAY -> new double[] {0.18, 0.57, 0.25};
            case WEDNESDAY -> new double[] {0.50, 0.47, 0.03};
            case THURSDAY -> new double[] {0.05, 0.45, 0.50};
            case FRIDAY -> new double[] {0.50, 0.47, 0.03};
            case SATURDAY -> new double[] {0.30, 0.55, 0.15};
            case SUNDAY -> new double[] {0.18, 0.55, 0.27};
        };
    }
}
