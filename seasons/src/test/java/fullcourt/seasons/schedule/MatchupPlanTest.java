package fullcourt.seasons.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import fullcourt.seasons.league.Team;
import fullcourt.seasons.league.Teams;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MatchupPlanTest {

    @Test
    void eightyTwoGamesFortyOneAtHomeByTheLeaguesFormula() {
        for (long seed = 0; seed < 5; seed++) {
            List<Matchup> games = MatchupPlan.forSeason(new SplittableRandom(seed));
            assertThat(games).hasSize(1230);
            Map<Team, Integer> total = new HashMap<>();
            Map<Team, Integer> home = new HashMap<>();
            Map<String, Integer> pairs = new HashMap<>();
            for (Matchup m : games) {
                total.merge(m.home(), 1, Integer::sum);
                total.merge(m.away(), 1, Integer::sum);
                home.merge(m.home(), 1, Integer::sum);
                String a = m.home().code().compareTo(m.away().code()) < 0 ? m.home().code() : m.away().code();
                String b = a.equals(m.home().code()) ? m.away().code() : m.home().code();
                pairs.merge(a + b, 1, Integer::sum);
            }
            assertThat(total).hasSize(30).allSatisfy((t, n) -> assertThat(n).isEqualTo(82));
            assertThat(home).allSatisfy((t, n) -> assertThat(n).isEqualTo(41));
            for (Team a : Teams.ALL) {
                for (Team b : Teams.ALL) {
                    if (a.code().compareTo(b.code()) >= 0) {
                        continue;
                    }
                    int n = pairs.getOrDefault(a.code() + b.code(), 0);
                    if (a.conference() != b.conference()) {
                        assertThat(n).isEqualTo(2);
                    } else if (a.division().equals(b.division())) {
                        assertThat(n).isEqualTo(4);
                    } else {
                        assertThat(n).isBetween(3, 4);
                    }
                }
            }
        }
    }
}
