package fullcourt.seasons.league;

/** A franchise: its three-letter code as the raw tables carry it, conference and division. */
public record Team(String code, Conference conference, String division) {

    @Override
    public String toString() {
        return code;
    }
}
