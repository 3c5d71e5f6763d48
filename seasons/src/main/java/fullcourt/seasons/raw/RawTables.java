package fullcourt.seasons.raw;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The raw tables' schema (infra's {@code warehouse/raw_tables.sql}) applied to a DuckDB connection. */
public final class RawTables {

    public static final String SCHEMA_RESOURCE = "warehouse/raw_tables.sql";
    public static final List<String> NAMES =
            List.of("schedule", "player_box_scores", "team_box_scores", "shot_events", "prop_lines");

    private RawTables() {
    }

    /** Creates schema {@code raw} and its tables where missing. */
    public static void create(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS raw");
            for (String sql : statements(schemaText())) {
                st.execute(sql);
            }
        }
    }

    /** Removes every raw row dated within [from, to], so a season can be written again. */
    public static void deleteDates(Connection connection, LocalDate from, LocalDate to) throws SQLException {
        for (String table : NAMES) {
            try (PreparedStatement ps = connection.prepareStatement(
                    "DELETE FROM raw." + table + " WHERE game_date BETWEEN ? AND ?")) {
                ps.setObject(1, from);
                ps.setObject(2, to);
                ps.executeUpdate();
            }
        }
    }

    /** Statements of a SQL script: comments dropped, split where a line ends with ';'. */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n", -1)) {
            int comment = line.indexOf("--");
            String code = (comment >= 0 ? line.substring(0, comment) : line).strip();
            if (code.isEmpty()) {
                continue;
            }
            current.append(code).append('\n');
            if (code.endsWith(";")) {
                statements.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    private static String schemaText() {
        try (InputStream in = RawTables.class.getClassLoader().getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMA_RESOURCE + " is not on the classpath (fullcourt-infra)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
