package fullcourt.seasons.raw;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RawTablesTest {

    @Test
    void commentsAreDroppedAndStatementsEndAtSemicolonsAtLineEnds() {
        String script = """
                -- header; with a semicolon
                CREATE TABLE a (
                    x VARCHAR,   -- e.g. 'Coach''s decision'; not the end
                    y INTEGER
                );

                CREATE TABLE b (z DATE);
                """;
        assertThat(RawTables.statements(script)).containsExactly(
                "CREATE TABLE a (\nx VARCHAR,\ny INTEGER\n);", "CREATE TABLE b (z DATE);");
    }

    @Test
    void createsTheFiveRawTablesFromInfraAndCanRunTwice() throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            RawTables.create(db);
            RawTables.create(db);
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = db.createStatement().executeQuery(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'raw' ORDER BY table_name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertThat(tables).containsExactlyInAnyOrderElementsOf(RawTables.NAMES);
        }
    }
}
