package fullcourt.messages;

/** How large a backfill request may be; the coordinator sets these from its configuration. */
public record RequestLimits(int maxRangeDays, int maxDates) {

    /** About five and a half years of dates, more than any backfill so far, small enough to plan in memory. */
    public static final RequestLimits DEFAULTS = new RequestLimits(2000, 2000);

    public RequestLimits {
        if (maxRangeDays < 1 || maxDates < 1) {
            throw new IllegalArgumentException("request limits must be positive, got maxRangeDays=" + maxRangeDays
                    + ", maxDates=" + maxDates);
        }
    }
}
