package fullcourt.seasons.play;

/** Shot zones as raw.shot_events.zone spells them. */
public enum Zone {
    PAINT("paint"), MID_RANGE("mid_range"), THREE("three");

    private final String column;

    Zone(String column) {
        this.column = column;
    }

    public String column() {
        return column;
    }
}
