package fullcourt.seasons.league;

import java.util.List;
import java.util.Map;

/** The league as of one season: every team's roster and strengths. */
public record League(int startYear, Map<String, TeamSeason> teams) {

    public League {
        teams = Map.copyOf(teams);
    }

    public TeamSeason team(String code) {
        TeamSeason t = teams.get(code);
        if (t == null) {
            throw new IllegalArgumentException("unknown team " + code);
        }
        return t;
    }

    public List<TeamSeason> inTeamOrder() {
        return Teams.ALL.stream().map(t -> teams.get(t.code())).toList();
    }
}
