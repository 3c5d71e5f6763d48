package fullcourt.seasons.league;

import java.util.ArrayList;
import java.util.List;

/** The 30 teams with their real codes and the 2021-25 conference and division alignment. */
public final class Teams {

    public static final List<Team> ALL = build();

    private Teams() {
    }

    /** The teams of one division, in a fixed order. */
    public static List<Team> division(String division) {
        return ALL.stream().filter(t -> t.division().equals(division)).toList();
    }

    /** Division names in a fixed order: the three Eastern ones first. */
    public static List<String> divisions() {
        return List.of("Atlantic", "Central", "Southeast", "Northwest", "Pacific", "Southwest");
    }

    private static List<Team> build() {
        List<Team> teams = new ArrayList<>();
        add(teams, Conference.EAST, "Atlantic", "BOS", "BKN", "NYK", "PHI", "TOR");
        add(teams, Conference.EAST, "Central", "CHI", "CLE", "DET", "IND", "MIL");
        add(teams, Conference.EAST, "Southeast", "ATL", "CHA", "MIA", "ORL", "WAS");
        add(teams, Conference.WEST, "Northwest", "DEN", "MIN", "OKC", "POR", "UTA");
        add(teams, Conference.WEST, "Pacific", "GSW", "LAC", "LAL", "PHX", "SAC");
        add(teams, Conference.WEST, "Southwest", "DAL", "HOU", "MEM", "NOP", "SAS");
        return List.copyOf(teams);
    }

    private static void add(List<Team> teams, Conference conference, String division, String... codes) {
        for (String code : codes) {
            teams.add(new Team(code, conference, division));
        }
    }
}
