package fullcourt.seasons.league;

/** The league's two conferences; playoff seeding is per conference. */
public enum Conference {
    EAST, WEST
}
