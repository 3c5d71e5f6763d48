package fullcourt.seasons.schedule;

/** The raw schedule's season_type values. */
public enum SeasonType {
    REGULAR("regular"), PLAYOFFS("playoffs");

    private final String column;

    SeasonType(String column) {
        this.column = column;
    }

    /** The value stored in raw.schedule.season_type. */
    public String column() {
        return column;
    }
}
