package fullcourt.loader.write;

import fullcourt.loader.contract.RawTable;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.Set;

/**
 * The accepted rows of {@code table} waiting in {@code relation} of the staging connection (DuckDB), and the dates
 * whose partitions they replace: every row of the relation dated in {@code dates}.
 */
public record StagedDates(RawTable table, Connection staging, String relation, Set<LocalDate> dates) {

    public StagedDates {
        dates = Set.copyOf(dates);
    }
}
