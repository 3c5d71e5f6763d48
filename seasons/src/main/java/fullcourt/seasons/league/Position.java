package fullcourt.seasons.league;

/** Coarse playing position; it shapes shot selection, rebounding and playmaking. */
public enum Position {
    GUARD, WING, BIG
}
