package fullcourt.seasons.schedule;

import fullcourt.seasons.league.Conference;
import fullcourt.seasons.league.Team;
import fullcourt.seasons.league.Teams;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The 1,230 games of a regular season as the NBA's formula has them (2021-22 to 2024-25): four
 * games against each division rival, four against six other conference opponents and three
 * against the remaining four, two against each team of the other conference. Every team plays
 * 82 games, 41 at home.
 */
public final class MatchupPlan {

    private MatchupPlan() {
    }

    public static List<Matchup> forSeason(RandomGenerator random) {
        List<Matchup> games = new ArrayList<>();
        for (int i = 0; i < Teams.ALL.size(); i++) {
            for (int j = i + 1; j < Teams.ALL.size(); j++) {
                Team a = Teams.ALL.get(i);
                Team b = Teams.ALL.get(j);
                if (a.conference() != b.conference()) {
                    add(games, a, b, 1, 1);
                } else if (a.division().equals(b.division())) {
                    add(games, a, b, 2, 2);
                }
            }
        }
        for (Conference conference : Conference.values()) {
            List<List<Team>> divisions = Teams.divisions().stream()
                    .map(Teams::division)
                    .filter(d -> d.get(0).conference() == conference)
                    .map(d -> shuffled(d, random))
                    .toList();
            for (int i = 0; i < divisions.size(); i++) {
                for (int j = i + 1; j < divisions.size(); j++) {
                    addCrossDivision(games, divisions.get(i), divisions.get(j), random.nextInt(5));
                }
            }
        }
        return games;
    }

    /**
     * Between two divisions of a conference, team x of the first and team y of the second meet
     * three times when (y - x - offset) mod 5 is 0 (x hosts twice) or 1 (y hosts twice), four
     * times otherwise: each team gets one 3-game set of each kind per division pair, which keeps
     * its home games at 41.
     */
    private static void addCrossDivision(List<Matchup> games, List<Team> first, List<Team> second, int offset) {
        for (int x = 0; x < 5; x++) {
            for (int y = 0; y < 5; y++) {
                int d = Math.floorMod(y - x - offset, 5);
                Team a = first.get(x);
                Team b = second.get(y);
                if (d == 0) {
                    add(games, a, b, 2, 1);
                } else if (d == 1) {
                    add(games, a, b, 1, 2);
                } else {
                    add(games, a, b, 2, 2);
                }
            }
        }
    }

    private static void add(List<Matchup> games, Team a, Team b, int aHosts, int bHosts) {
        for (int k = 0; k < aHosts; k++) {
            games.add(new Matchup(a, b));
        }
        for (int k = 0; k < bHosts; k++) {
            games.add(new Matchup(b, a));
        }
    }

    private static List<Team> shuffled(List<Team> teams, RandomGenerator random) {
        List<Team> copy = new ArrayList<>(teams);
        for (int i = copy.size() - 1; i > 0; i--) {
            int k = random.nextInt(i + 1);
            Team t = copy.get(i);
            copy.set(i, copy.get(k));
            copy.set(k, t);
        }
        return copy;
    }
}
