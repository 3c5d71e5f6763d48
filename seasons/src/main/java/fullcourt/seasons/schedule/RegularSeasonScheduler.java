package fullcourt.seasons.schedule;

import fullcourt.seasons.Season;
import fullcourt.seasons.league.Team;
import fullcourt.seasons.league.Teams;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Puts a season's matchups on dates, date by date, greedily: teams behind their pace go first;
 * a second night in a row costs more the more back-to-backs a team already has (the league's
 * are about 12-16 per team); no team plays three days running or four games in five nights;
 * the same two teams do not meet twice within a week if it can be helped. Games that do not
 * fit their date move to a later one; the few left at the end go to the latest date where both
 * teams are free and rested.
 */
public final class RegularSeasonScheduler {

    private static final double BACK_TO_BACKS_PER_SEASON = 13.0;

    private final Season season;
    private final RandomGenerator random;
    private final Map<Team, Integer> index = new HashMap<>();

    public RegularSeasonScheduler(Season season, RandomGenerator random) {
        this.season = season;
        this.random = random;
        for (int i = 0; i < Teams.ALL.size(); i++) {
            index.put(Teams.ALL.get(i), i);
        }
    }

    /** The season's 1,230 regular-season games in date order (then by game id). */
    public List<ScheduledGame> schedule() {
        List<Matchup> pool = new ArrayList<>(MatchupPlan.forSeason(random));
        Map<LocalDate, Integer> plan = SlatePlan.forSeason(season, random);
        List<LocalDate> dates = new ArrayList<>(plan.keySet());
        int teams = Teams.ALL.size();
        int days = (int) (season.regularEnd().toEpochDay() - season.regularStart().toEpochDay()) + 1;
        boolean[][] plays = new boolean[teams][days + 1];
        int[] remaining = new int[teams];
        int[] backToBacks = new int[teams];
        for (Matchup m : pool) {
            remaining[index.get(m.home())]++;
            remaining[index.get(m.away())]++;
        }
        Map<Long, Integer> lastMeeting = new HashMap<>();
        List<ScheduledGame> games = new ArrayList<>();
        int carry = 0;
        for (int di = 0; di < dates.size(); di++) {
            LocalDate date = dates.get(di);
            int day = dayIndex(date);
            int datesLeft = dates.size() - di;
            double progress = (double) di / dates.size();
            int target = Math.min(15, plan.get(date) + carry);
            double[] teamScore = new double[teams];
            boolean[] eligible = new boolean[teams];
            for (int t = 0; t < teams; t++) {
                eligible[t] = remaining[t] > 0 && rested(plays[t], day);
                double urgency = remaining[t] / (double) datesLeft;
                double score = 4.0 * urgency;
                if (day > 0 && plays[t][day - 1]) {
                    double excess = backToBacks[t] - BACK_TO_BACKS_PER_SEASON * progress;
                    score -= 1.1 + 0.8 * Math.max(-1.0, excess);
                }
                teamScore[t] = score;
            }
            List<double[]> candidates = new ArrayList<>();
            for (int k = 0; k < pool.size(); k++) {
                Matchup m = pool.get(k);
                int h = index.get(m.home());
                int a = index.get(m.away());
                if (!eligible[h] || !eligible[a]) {
                    continue;
                }
                double score = teamScore[h] + teamScore[a] + 0.6 * random.nextDouble();
                Integer met = lastMeeting.get(pairKey(h, a));
                if (met != null && day - met < 7) {
                    score -= 1.5;
                }
                candidates.add(new double[] {score, k});
            }
            candidates.sort(Comparator.comparingDouble((double[] c) -> -c[0]).thenComparingDouble(c -> c[1]));
            boolean[] busy = new boolean[teams];
            List<Integer> chosen = new ArrayList<>();
            for (double[] c : candidates) {
                if (chosen.size() >= target) {
                    break;
                }
                int k = (int) c[1];
                Matchup m = pool.get(k);
                int h = index.get(m.home());
                int a = index.get(m.away());
                if (busy[h] || busy[a]) {
                    continue;
                }
                busy[h] = true;
                busy[a] = true;
                chosen.add(k);
            }
            carry = target - chosen.size();
            chosen.sort(Comparator.reverseOrder());
            for (int k : chosen) {
                Matchup m = pool.remove(k);
                int h = index.get(m.home());
                int a = index.get(m.away());
                place(plays, remaining, backToBacks, h, day);
                place(plays, remaining, backToBacks, a, day);
                lastMeeting.put(pairKey(h, a), day);
                games.add(new ScheduledGame(date, SeasonType.REGULAR, m.home(), m.away()));
            }
        }
        for (Matchup m : pool) {
            games.add(placeLeftover(m, dates, plays, remaining, backToBacks, games));
        }
        games.sort(Comparator.comparing(ScheduledGame::date).thenComparing(ScheduledGame::gameId));
        return games;
    }

    private ScheduledGame placeLeftover(Matchup m, List<LocalDate> dates, boolean[][] plays, int[] remaining,
            int[] backToBacks, List<ScheduledGame> games) {
        int h = index.get(m.home());
        int a = index.get(m.away());
        Map<LocalDate, Integer> perDate = new HashMap<>();
        for (ScheduledGame g : games) {
            perDate.merge(g.date(), 1, Integer::sum);
        }
        for (int di = dates.size() - 1; di >= 0; di--) {
            LocalDate date = dates.get(di);
            int day = dayIndex(date);
            if (perDate.getOrDefault(date, 0) < 15 && fits(plays[h], day) && fits(plays[a], day)) {
                place(plays, remaining, backToBacks, h, day);
                place(plays, remaining, backToBacks, a, day);
                return new ScheduledGame(date, SeasonType.REGULAR, m.home(), m.away());
            }
        }
        throw new IllegalStateException("season " + season + ": no date left for " + m);
    }

    private static void place(boolean[][] plays, int[] remaining, int[] backToBacks, int t, int day) {
        plays[t][day] = true;
        remaining[t]--;
        if (day > 0 && plays[t][day - 1]) {
            backToBacks[t]++;
        }
        if (plays[t][day + 1]) {
            backToBacks[t]++;
        }
    }

    /** Not three days running and not a fourth game in five nights, looking back only. */
    private static boolean rested(boolean[] plays, int day) {
        if (day >= 2 && plays[day - 1] && plays[day - 2]) {
            return false;
        }
        int recent = 0;
        for (int d = Math.max(0, day - 4); d < day; d++) {
            recent += plays[d] ? 1 : 0;
        }
        return recent < 3;
    }

    /** The same rule for a date in the middle of the placed games: no run of three days in a row. */
    private static boolean fits(boolean[] plays, int day) {
        if (plays[day]) {
            return false;
        }
        plays[day] = true;
        boolean ok = true;
        for (int d = Math.max(0, day - 2); d <= day && ok; d++) {
            if (d + 2 < plays.length && plays[d] && plays[d + 1] && plays[d + 2]) {
                ok = false;
            }
        }
        plays[day] = false;
        return ok;
    }

    private int dayIndex(LocalDate date) {
        return (int) (date.toEpochDay() - season.regularStart().toEpochDay());
    }

    private static long pairKey(int a, int b) {
        return Math.min(a, b) * 64L + Math.max(a, b);
    }
}
