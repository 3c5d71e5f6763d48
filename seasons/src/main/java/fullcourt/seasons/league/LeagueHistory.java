package fullcourt.seasons.league;

import fullcourt.seasons.RandomStreams;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The league season by season from the first modelled one: players age, improve and decline,
 * retire, change teams and are replaced by rookies with new ids; team strengths drift. Each
 * season is derived from the one before with its own seeded stream, so season N is the same
 * whichever seasons a run asks for.
 */
public final class LeagueHistory {

    /** Quality by roster rank in the first modelled season, before noise: one star, then a slope. */
    private static final double[] INITIAL_QUALITY = {
        2.3, 1.6, 1.1, 0.8, 0.6, 0.4, 0.2, 0.0, -0.2, -0.4, -0.6, -0.8, -1.0, -1.1, -1.2};

    private final long seed;
    private final int firstYear;
    private final List<League> seasons = new ArrayList<>();
    private final PlayerNames names = new PlayerNames();
    private int nextPlayerNumber = 1;

    public LeagueHistory(long seed, int firstYear) {
        this.seed = seed;
        this.firstYear = firstYear;
    }

    /** The league of the season starting in {@code startYear}. */
    public synchronized League season(int startYear) {
        if (startYear < firstYear) {
            throw new IllegalArgumentException("no league before " + firstYear);
        }
        while (seasons.size() <= startYear - firstYear) {
            int year = firstYear + seasons.size();
            seasons.add(seasons.isEmpty() ? initial(year) : evolve(seasons.get(seasons.size() - 1), year));
        }
        return seasons.get(startYear - firstYear);
    }

    private League initial(int year) {
        SplittableRandom random = RandomStreams.of(seed, "league-initial", year);
        Map<String, TeamSeason> teams = new LinkedHashMap<>();
        for (Team team : Teams.ALL) {
            int size = 13 + random.nextInt(3);
            List<Player> roster = new ArrayList<>();
            for (int rank = 0; rank < size; rank++) {
                double quality = INITIAL_QUALITY[rank] + 0.3 * random.nextGaussian();
                int age = 20 + random.nextInt(15);
                roster.add(newPlayer(random, year - age, quality));
            }
            teams.put(team.code(), new TeamSeason(team, byQuality(roster),
                    random.nextGaussian(), random.nextGaussian(), random.nextGaussian()));
        }
        return new League(year, teams);
    }

    private League evolve(League previous, int year) {
        SplittableRandom random = RandomStreams.of(seed, "league-evolve", year);
        Map<String, List<Player>> rosters = new LinkedHashMap<>();
        for (TeamSeason ts : previous.inTeamOrder()) {
            List<Player> kept = new ArrayList<>();
            for (Player p : ts.roster()) {
                int age = year - p.birthYear();
                if (retires(random, age, p.quality())) {
                    continue;
                }
                kept.add(p.withQuality(p.quality() + ageing(random, age)));
            }
            rosters.put(ts.team().code(), kept);
        }
        moveSomePlayers(random, rosters);
        Map<String, TeamSeason> teams = new LinkedHashMap<>();
        for (TeamSeason ts : previous.inTeamOrder()) {
            List<Player> roster = byQuality(rosters.get(ts.team().code()));
            int size = 13 + random.nextInt(3);
            while (roster.size() > size) {
                roster.remove(roster.size() - 1); // waived: leaves the league
            }
            while (roster.size() < size) {
                boolean lotteryPick = random.nextDouble() < 0.08;
                double quality = lotteryPick ? 0.8 + 0.5 * random.nextGaussian() : -0.7 + 0.5 * random.nextGaussian();
                roster.add(newPlayer(random, year - 19 - random.nextInt(4), quality));
            }
            teams.put(ts.team().code(), new TeamSeason(ts.team(), byQuality(roster),
                    drift(random, ts.defense()), drift(random, ts.offense()), drift(random, ts.pace())));
        }
        return new League(year, teams);
    }

    /** Team strengths persist (correlation 0.6 from one season to the next) with unit variance. */
    private static double drift(SplittableRandom random, double previous) {
        return 0.6 * previous + 0.8 * random.nextGaussian();
    }

    private static boolean retires(SplittableRandom random, int age, double quality) {
        double p = age >= 38 ? 0.9 : age >= 35 ? 0.4 : age >= 32 ? 0.1 : 0.02;
        if (quality < -0.9) {
            p += 0.3; // end of the bench: out of the league
        }
        return random.nextDouble() < p;
    }

    private static double ageing(SplittableRandom random, int age) {
        double mean = age < 24 ? 0.2 : age < 29 ? 0.03 : age < 33 ? -0.12 : -0.3;
        return mean + 0.2 * random.nextGaussian();
    }

    /** Trades and free agency: players swap teams pairwise, so roster sizes stay as they were. */
    private static void moveSomePlayers(SplittableRandom random, Map<String, List<Player>> rosters) {
        List<String> codes = new ArrayList<>(rosters.keySet());
        int moves = 18 + random.nextInt(8);
        for (int i = 0; i < moves; i++) {
            List<Player> a = rosters.get(codes.get(random.nextInt(codes.size())));
            List<Player> b = rosters.get(codes.get(random.nextInt(codes.size())));
            if (a == b || a.isEmpty() || b.isEmpty()) {
                continue;
            }
            int ia = random.nextInt(a.size());
            int ib = random.nextInt(b.size());
            Player pa = a.get(ia);
            a.set(ia, b.get(ib));
            b.set(ib, pa);
        }
    }

    private Player newPlayer(SplittableRandom random, int birthYear, double quality) {
        double roll = random.nextDouble();
        Position position = roll < 0.4 ? Position.GUARD : roll < 0.75 ? Position.WING : Position.BIG;
        String id = String.format("p%04d", nextPlayerNumber++);
        return new Player(id, names.next(random), position, birthYear, quality, tendencies(random, position));
    }

    private static Tendencies tendencies(SplittableRandom random, Position position) {
        double threeRate;
        double paintShare;
        double ftPct;
        double assisted;
        double oreb;
        double dreb;
        double ast;
        double blk;
        switch (position) {
            case GUARD -> {
                threeRate = 0.47;
                paintShare = 0.46;
                ftPct = 0.83;
                assisted = 0.50;
                oreb = 0.7;
                dreb = 3.8;
                ast = 6.5;
                blk = 0.3;
            }
            case WING -> {
                threeRate = 0.46;
                paintShare = 0.50;
                ftPct = 0.79;
                assisted = 0.62;
                oreb = 1.3;
                dreb = 5.2;
                ast = 3.2;
                blk = 0.6;
            }
            default -> {
                threeRate = 0.18;
                paintShare = 0.76;
                ftPct = 0.70;
                assisted = 0.72;
                oreb = 3.2;
                dreb = 8.5;
                ast = 2.4;
                blk = 1.6;
            }
        }
        return new Tendencies(
                clamp(threeRate + 0.08 * random.nextGaussian(), 0.01, 0.7),
                clamp(paintShare + 0.05 * random.nextGaussian(), 0.3, 0.95),
                clamp(0.235 + 0.07 * random.nextGaussian(), 0.08, 0.55),
                clamp(ftPct + 0.05 * random.nextGaussian(), 0.5, 0.93),
                0.012 * random.nextGaussian(),
                clamp(assisted + 0.07 * random.nextGaussian(), 0.3, 0.9),
                oreb * Math.exp(0.2 * random.nextGaussian()),
                dreb * Math.exp(0.15 * random.nextGaussian()),
                ast * Math.exp(0.25 * random.nextGaussian()),
                Math.exp(0.25 * random.nextGaussian()),
                blk * Math.exp(0.3 * random.nextGaussian()),
                clamp(2.0 + 0.45 * random.nextGaussian(), 0.8, 3.5),
                clamp(2.9 + 0.5 * random.nextGaussian(), 1.4, 4.5));
    }

    private static List<Player> byQuality(List<Player> roster) {
        List<Player> sorted = new ArrayList<>(roster);
        sorted.sort(Comparator.comparingDouble(Player::quality).reversed().thenComparing(Player::id));
        return sorted;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
