package fullcourt.seasons;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/** One season generated once per test JVM into an in-memory DuckDB and shared read-only by the tests. */
final class GeneratedSeason {

    /** Another seed can be tried with -Dfullcourt.seasons.test-seed=N. */
    static final long SEED = Long.getLong("fullcourt.seasons.test-seed", 42);
    static final Season SEASON = Season.of("2022-23");

    private static Connection connection;
    private static GenerationReport report;

    private GeneratedSeason() {
    }

    static synchronized Connection connection() throws SQLException {
        if (connection == null) {
            connection = DriverManager.getConnection("jdbc:duckdb:");
            report = new SeasonGenerator(SEED).generate(connection, List.of(SEASON));
        }
        return connection;
    }

    static synchronized GenerationReport report() throws SQLException {
        connection();
        return report;
    }
}
