package fullcourt.publishing.export;

import static org.assertj.core.api.Assertions.assertThat;

import fullcourt.engine.warehouse.DialectCheck;
import fullcourt.publishing.performance.SeasonToDate;
import fullcourt.publishing.performance.SystemPerformanceExporter;
import fullcourt.publishing.predictions.PredictionRows;
import fullcourt.publishing.results.ResultsExporter;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The exporters' SQL stays inside the subset DuckDB and BigQuery both run (warehouse/SQL-DIALECT.md). */
class ExportSqlDialectTest {

    static List<String> statements() {
        return List.of(ExportManifest.ROW_SQL, ResultsExporter.TEAMS_SQL, ResultsExporter.PLAYERS_SQL, PredictionRows.SQL,
                SeasonToDate.SEASON_SQL, SeasonToDate.TOTALS_SQL, SystemPerformanceExporter.DAY_SQL);
    }

    @ParameterizedTest
    @MethodSource("statements")
    void staysInsideThePortableDialect(String sql) {
        assertThat(DialectCheck.violations(sql)).isEmpty();
    }
}
