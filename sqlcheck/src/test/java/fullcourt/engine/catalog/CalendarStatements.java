package fullcourt.engine.catalog;

import fullcourt.sqlcheck.SqlStatement;
import fullcourt.sqlcheck.StatementKind;

/** The season calendar's read of the schedule. */
public final class CalendarStatements {

    private CalendarStatements() {
    }

    public static SqlStatement scheduleDates() {
        return SqlStatement.of(StatementKind.WORKER,
                "services/engine/src/main/java/fullcourt/engine/catalog/SeasonCalendar.SCHEDULE_DATES",
                SeasonCalendar.SCHEDULE_DATES);
    }
}
