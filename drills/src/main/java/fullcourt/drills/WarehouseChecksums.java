package fullcourt.drills;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a backfill produced, as one checksum per output table (every schema but {@code raw} and
 * {@code ops}) and one over the export files: md5 of all rows as text, sorted, so two warehouses
 * compare equal exactly when they hold the same rows. Floating-point columns are rounded to 9
 * decimals first, since a parallel SUM may add the same numbers in another order. Export files are
 * compared by name and content, leaving out the stray temporary files a crash may leave.
 */
final class WarehouseChecksums {

    private WarehouseChecksums() {
    }

    /** {@code schema.table -> "rows:md5"}, plus {@code exports -> "files:sha256"} when there is an export directory. */
    static Map<String, String> of(Path database, Path exports) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        try (Connection c = readOnly(database); Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT table_schema || '.' || table_name FROM information_schema.tables"
                    + " WHERE table_schema NOT IN ('raw', 'ops', 'information_schema', 'pg_catalog', 'main')"
                    + " AND table_type = 'BASE TABLE' ORDER BY 1")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                out.put(table, checksum(st, table));
            }
        }
        if (exports != null && Files.isDirectory(exports)) {
            out.put("exports", exportChecksum(exports));
        }
        return out;
    }

    static Connection readOnly(Path database) throws SQLException {
        Properties p = new Properties();
        p.setProperty("duckdb.read_only", "true");
        return DriverManager.getConnection("jdbc:duckdb:" + database.toAbsolutePath(), p);
    }

    private static String checksum(Statement st, String table) throws SQLException {
        String[] parts = table.split("\\.");
        List<String> columns = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("SELECT column_name, data_type FROM information_schema.columns"
                + " WHERE table_schema = '" + parts[0] + "' AND table_name = '" + parts[1] + "' ORDER BY ordinal_position")) {
            while (rs.next()) {
                String name = '"' + rs.getString(1) + '"';
                String type = rs.getString(2);
                columns.add(type.equals("DOUBLE") || type.equals("FLOAT") || type.equals("REAL")
                        ? "CAST(ROUND(" + name + ", 9) AS VARCHAR)" : "CAST(" + name + " AS VARCHAR)");
            }
        }
        String row = "concat_ws('|', " + columns.stream().map(c -> "COALESCE(" + c + ", 'NULL')")
                .reduce((a, b) -> a + ", " + b).orElse("''") + ")";
        try (ResultSet rs = st.executeQuery("SELECT COUNT(*) AS n, md5(COALESCE(string_agg(r, chr(10) ORDER BY r), ''))"
                + " AS h FROM (SELECT " + row + " AS r FROM " + table + ")")) {
            rs.next();
            return rs.getLong("n") + ":" + rs.getString("h");
        }
    }

    private static String exportChecksum(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> sorted = files.filter(Files::isRegularFile).filter(f -> !isStrayTemp(f)).sorted().toList();
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path f : sorted) {
                digest.update(root.relativize(f).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(f));
            }
            return sorted.size() + ":" + HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A temporary file of an export write cut short: the local sink writes {@code .NAME*.tmp} then renames
     * it atomically, so a crash leaves at most such a file, never a half document; readers skip them.
     */
    static boolean isStrayTemp(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(".") && name.endsWith(".tmp");
    }

    /** Stray temporary export files under {@code root}. */
    static long strayTemps(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(WarehouseChecksums::isStrayTemp).count();
        }
    }

    /** The tables whose checksums differ (or that only one side has). */
    static List<String> differences(Map<String, String> expected, Map<String, String> actual) {
        List<String> out = new ArrayList<>();
        TreeMap<String, String> all = new TreeMap<>(expected);
        actual.forEach(all::putIfAbsent);
        for (String table : all.keySet()) {
            if (!java.util.Objects.equals(expected.get(table), actual.get(table))) {
                out.add(table + " (expected " + expected.get(table) + ", got " + actual.get(table) + ")");
            }
        }
        return out;
    }
}
