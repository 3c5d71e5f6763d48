package fullcourt.loader.write;

import fullcourt.loader.contract.RawTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Row count and an order-independent digest per date of rows a DuckDB connection can read. */
final class PartitionDigests {

    private PartitionDigests() {
    }

    /** The sum of every row's hash per date: equal for the same rows in any order. */
    static Map<LocalDate, PartitionState> of(Connection connection, RawTable table, String relation,
                                             Set<LocalDate> dates) throws SQLException {
        Map<LocalDate, PartitionState> states = new TreeMap<>();
        if (dates.isEmpty()) {
            return states;
        }
        String sql = "SELECT game_date, count(*), CAST(sum(CAST(hash(" + String.join(", ", table.columnNames())
                + ") AS HUGEINT)) AS VARCHAR) FROM " + relation + " WHERE game_date IN (" + placeholders(dates.size())
                + ") GROUP BY game_date";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            bindDates(ps, dates);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    states.put(rs.getObject(1, LocalDate.class), new PartitionState(rs.getLong(2), rs.getString(3)));
                }
            }
        }
        return states;
    }

    static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /** Binds {@code dates} in date order from parameter 1. */
    static void bindDates(PreparedStatement ps, Set<LocalDate> dates) throws SQLException {
        int i = 1;
        for (LocalDate d : dates.stream().sorted().toList()) {
            ps.setObject(i++, d);
        }
    }
}
