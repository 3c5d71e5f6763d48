package fullcourt.bench.compare;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every data table of two DuckDB warehouses compared row by row, floating-point values within a tolerance of
 * 10^-decimals (9 by default: issue 17's "floats compared to 9 decimals"). Rows are matched as multisets: the rows
 * of one side missing, bit for bit, from the other are then paired on their other columns, and such a pair is equal
 * when every float differs by at most the tolerance (relative above 1). Parallel aggregation sums in a different
 * order from one run to the next, so last-bit differences are expected; rounding both sides would not do, since two
 * values a bit apart can round to either side of a boundary. The {@code ops} schema (ledger, lineage, lease) is left
 * out: it records when things ran, not what they produced. Used by {@code bench/compare-commits}.
 *
 * <pre>java -cp bench/target/classes:duckdb_jdbc.jar fullcourt.bench.compare.WarehouseChecksums A.duckdb B.duckdb [decimals]</pre>
 *
 * Prints one line per table and exits 0 when every table is equal, 1 when one differs or exists on one side only.
 */
public final class WarehouseChecksums {

    /**
     * One table: its rows on each side (-1 when missing there), the rows that differ bit for bit (each side's
     * leftovers) and, of those, the rows with no partner within the tolerance.
     */
    public record Comparison(String table, long leftRows, long rightRows, long bitwiseDifferent, long different) {
        public boolean equal() {
            return leftRows >= 0 && leftRows == rightRows && different == 0;
        }

        String describe() {
            if (leftRows < 0 || rightRows < 0) {
                return leftRows < 0 ? "only in the right warehouse" : "only in the left warehouse";
            }
            String rows = leftRows == rightRows ? leftRows + " rows" : leftRows + " vs " + rightRows + " rows";
            if (different > 0) {
                return rows + ", " + different + " without an equal row on the other side";
            }
            return bitwiseDifferent == 0 ? rows + ", identical" : rows + ", " + bitwiseDifferent
                    + " differ only in floats' last digits";
        }
    }

    private WarehouseChecksums() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: WarehouseChecksums LEFT.duckdb RIGHT.duckdb [decimals, default 9]");
            System.exit(2);
        }
        int decimals = args.length == 3 ? Integer.parseInt(args[2]) : 9;
        List<Comparison> comparisons = compare(Path.of(args[0]), Path.of(args[1]), decimals);
        long differing = comparisons.stream().filter(c -> !c.equal()).count();
        for (Comparison c : comparisons) {
            System.out.printf("%-50s %s  %s%n", c.table(), c.equal() ? "equal  " : "DIFFERS", c.describe());
        }
        System.out.printf("%d tables, %d differ (floats compared to %d decimals)%n", comparisons.size(), differing,
                decimals);
        System.exit(differing == 0 ? 0 : 1);
    }

    /** Each data table of either warehouse, in name order. */
    public static List<Comparison> compare(Path left, Path right, int decimals) throws SQLException {
        for (Path p : List.of(left, right)) {
            if (!Files.isRegularFile(p)) {
                throw new IllegalArgumentException("no DuckDB file at " + p
                        + ": give the data/fullcourt.duckdb of a finished run");
            }
        }
        double tolerance = Math.pow(10, -decimals);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("ATTACH " + literal(left) + " AS l (READ_ONLY)");
            s.execute("ATTACH " + literal(right) + " AS r (READ_ONLY)");
            Map<String, List<Column>> l = columns(s, "l");
            Map<String, List<Column>> r = columns(s, "r");
            TreeMap<String, Comparison> all = new TreeMap<>();
            for (Map.Entry<String, List<Column>> table : l.entrySet()) {
                String name = table.getKey();
                all.put(name, r.containsKey(name) ? compareTable(s, name, table.getValue(), tolerance)
                        : new Comparison(name, count(s, "l." + name), -1, 0, 0));
            }
            for (String name : r.keySet()) {
                if (!all.containsKey(name)) {
                    all.put(name, new Comparison(name, -1, count(s, "r." + name), 0, 0));
                }
            }
            return new ArrayList<>(all.values());
        }
    }

    private record Column(String quoted, boolean floating) {
    }

    private static Comparison compareTable(Statement s, String table, List<Column> columns, double tolerance)
            throws SQLException {
        s.execute("CREATE OR REPLACE TEMP TABLE l_only AS SELECT * FROM l." + table + " EXCEPT ALL SELECT * FROM r." + table);
        s.execute("CREATE OR REPLACE TEMP TABLE r_only AS SELECT * FROM r." + table + " EXCEPT ALL SELECT * FROM l." + table);
        List<String> match = new ArrayList<>();
        for (Column col : columns) {
            String a = "a." + col.quoted();
            String b = "b." + col.quoted();
            match.add(col.floating()
                    ? "(" + a + " IS NOT DISTINCT FROM " + b + " OR abs(" + a + " - " + b + ") <= " + tolerance
                            + " * greatest(1, abs(" + a + ")))"
                    : a + " IS NOT DISTINCT FROM " + b);
        }
        String partnered = String.join(" AND ", match);
        long unmatched = count(s, "l_only a WHERE NOT EXISTS (SELECT 1 FROM r_only b WHERE " + partnered + ")")
                + count(s, "r_only a WHERE NOT EXISTS (SELECT 1 FROM l_only b WHERE " + partnered + ")");
        return new Comparison(table, count(s, "l." + table), count(s, "r." + table),
                count(s, "l_only") + count(s, "r_only"), unmatched);
    }

    private static long count(Statement s, String from) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + from)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The columns of every table outside {@code ops} of an attached warehouse, by "schema.table". */
    private static Map<String, List<Column>> columns(Statement s, String catalog) throws SQLException {
        Map<String, List<Column>> columns = new TreeMap<>();
        try (ResultSet rs = s.executeQuery("SELECT table_schema || '.' || table_name, column_name, data_type "
                + "FROM information_schema.columns WHERE table_catalog = '" + catalog + "' AND table_schema NOT IN "
                + "('ops', 'information_schema', 'pg_catalog', 'main') ORDER BY 1, ordinal_position")) {
            while (rs.next()) {
                String type = rs.getString(3);
                columns.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(new Column(
                        '"' + rs.getString(2).replace("\"", "\"\"") + '"',
                        type.equals("DOUBLE") || type.equals("FLOAT") || type.startsWith("DECIMAL")));
            }
        }
        return columns;
    }

    private static String literal(Path p) {
        return "'" + p.toAbsolutePath().toString().replace("'", "''") + "'";
    }
}
