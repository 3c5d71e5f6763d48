package fullcourt.seasons;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Query helpers for the tests. */
final class Sql {

    private Sql() {
    }

    static long number(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static double decimal(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getDouble(1);
        }
    }

    /** Rows as lists of strings, for readable failure messages. */
    static List<List<String>> rows(Connection c, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int k = 1; k <= n; k++) {
                    row.add(rs.getString(k));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** Row count and order-independent hash of every raw table, in table order. */
    static List<String> checksums(Connection c) throws SQLException {
        List<String> sums = new ArrayList<>();
        for (String table : fullcourt.seasons.raw.RawTables.NAMES) {
            sums.add(table + ":" + rows(c, "SELECT count(*), sum(hash(t)) FROM raw." + table + " t").get(0));
        }
        return sums;
    }

    /** Checksums of one season's dates only. */
    static List<String> checksums(Connection c, Season season) throws SQLException {
        List<String> sums = new ArrayList<>();
        for (String table : fullcourt.seasons.raw.RawTables.NAMES) {
            sums.add(table + ":" + rows(c, "SELECT count(*), sum(hash(t)) FROM raw." + table + " t WHERE game_date BETWEEN '"
                    + season.firstDay() + "' AND '" + season.lastDay() + "'").get(0));
        }
        return sums;
    }
}
