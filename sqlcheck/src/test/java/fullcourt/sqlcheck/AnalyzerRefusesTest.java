package fullcourt.sqlcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fullcourt.sqlcheck.BigQueryAnalyzer.AnalysisFailure;
import org.junit.jupiter.api.Test;

/** The check can fail: what BigQuery refuses, the analyzer refuses, and it says what and where. */
class AnalyzerRefusesTest {

    @Test
    void acceptsAStatementInTheSubsetOverTheDeclaredTables() {
        assertThat(Analyzed.refusal("SELECT game_id, ops.days_between(game_date, @game_date) AS days FROM raw.schedule"
                + " WHERE game_date = @game_date")).isNull();
    }

    @Test
    void refusesDuckDbCastSyntax() {
        assertThat(Analyzed.refusal("SELECT game_id::VARCHAR AS id FROM raw.schedule")).startsWith("Syntax error");
    }

    @Test
    void refusesDuckDbDateDiff() {
        assertThat(Analyzed.refusal("SELECT date_diff('day', game_date, @game_date) AS days FROM raw.schedule"))
                .startsWith("A valid date part name is required");
    }

    @Test
    void refusesTypesBigQueryDoesNotName() {
        assertThat(Analyzed.refusal("CREATE TABLE IF NOT EXISTS ops.scratch (a VARCHAR NOT NULL, b INT64)"))
                .contains("Type not found: VARCHAR");
        assertThat(Analyzed.refusal("SELECT CAST(minutes AS DOUBLE) AS m FROM raw.player_box_scores"))
                .contains("Type not found: DOUBLE");
    }

    @Test
    void refusesCaseBranchesOfTypesWithoutACommonSupertype() {
        assertThat(Analyzed.refusal("SELECT CASE WHEN starter THEN 'yes' ELSE 0 END AS s FROM raw.player_box_scores"))
                .isNotNull();
    }

    @Test
    void refusesAnUnknownTable() {
        assertThat(Analyzed.refusal("SELECT game_id FROM analytics.no_such_table")).contains("Table not found");
    }

    @Test
    void refusesAnUnknownColumn() {
        assertThat(Analyzed.refusal("SELECT no_such_column FROM raw.schedule")).contains("Unrecognized name");
    }

    @Test
    void refusesAParameterOfTheWrongType() {
        // the adapter binds a Long as INT64, which does not compare with a DATE (a STRING parameter would: BigQuery
        // coerces a STRING parameter to DATE as it does a literal)
        String sql = "SELECT game_id FROM raw.schedule WHERE game_date = @d";
        assertThat(Analyzed.warehouse().analyze(SqlStatement.of(StatementKind.MODEL, "a test's statement", sql,
                "d", 20240115L)).failure()).contains("No matching signature");
        assertThat(Analyzed.warehouse().analyze(SqlStatement.of(StatementKind.MODEL, "a test's statement", sql,
                "d", java.time.LocalDate.of(2024, 1, 15))).failure()).isNull();
    }

    @Test
    void refusesIgnoreNullsOnLagAndAcceptsItOnFirstAndLastValue() {
        assertThat(Analyzed.refusal("SELECT LAG(minutes IGNORE NULLS) OVER (PARTITION BY player_id ORDER BY game_date)"
                + " AS previous FROM raw.player_box_scores")).isNotNull();
        assertThat(Analyzed.refusal("SELECT FIRST_VALUE(minutes IGNORE NULLS) OVER (PARTITION BY player_id"
                + " ORDER BY game_date ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS first_minutes,"
                + " LAST_VALUE(minutes IGNORE NULLS) OVER (PARTITION BY player_id ORDER BY game_date"
                + " ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS last_minutes FROM raw.player_box_scores"))
                .isNull();
    }

    @Test
    void refusesDifferentSetOperationsWithoutParentheses() {
        assertThat(Analyzed.refusal("SELECT team FROM raw.team_box_scores UNION DISTINCT SELECT home_team FROM raw.schedule"
                + " UNION ALL SELECT away_team FROM raw.schedule"))
                .contains("Different set operations cannot be used in the same query without using parentheses");
        assertThat(Analyzed.refusal("(SELECT team FROM raw.team_box_scores UNION DISTINCT SELECT home_team FROM raw.schedule)"
                + " UNION ALL SELECT away_team FROM raw.schedule")).isNull();
    }

    @Test
    void aRefusalNamesTheStatementsSourceAndTheAnalyzersMessage() {
        SqlStatement statement = SqlStatement.of(StatementKind.MODEL, "services/x/src/main/resources/models/bad.sql",
                "SELECT no_such_column FROM raw.schedule");
        assertThatThrownBy(() -> Analyzed.warehouse().analyzer().analyze(statement))
                .isInstanceOf(AnalysisFailure.class)
                .hasMessageStartingWith("MODEL services/x/src/main/resources/models/bad.sql: Unrecognized name: no_such_column");
    }
}
