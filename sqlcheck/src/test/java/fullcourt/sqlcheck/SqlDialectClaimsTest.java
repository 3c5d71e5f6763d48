package fullcourt.sqlcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The BigQuery side of SQL-DIALECT.md's claims that were marked "(unverified)", settled by BigQuery's analyzer; each
 * test is named in the document next to its claim.
 */
class SqlDialectClaimsTest {

    @Test
    void ignoreNullsIsAcceptedOnFirstAndLastValueOnly() {
        String frame = " OVER (PARTITION BY player_id ORDER BY game_date ROWS BETWEEN 9 PRECEDING AND CURRENT ROW)";
        assertThat(Analyzed.refusal("SELECT FIRST_VALUE(minutes IGNORE NULLS)" + frame + " AS a,"
                + " LAST_VALUE(minutes IGNORE NULLS)" + frame + " AS b FROM raw.player_box_scores")).isNull();
        String order = " OVER (PARTITION BY player_id ORDER BY game_date)";
        assertThat(Analyzed.refusal("SELECT LAG(minutes IGNORE NULLS)" + order + " AS a FROM raw.player_box_scores"))
                .isNotNull();
        assertThat(Analyzed.refusal("SELECT LEAD(minutes IGNORE NULLS)" + order + " AS a FROM raw.player_box_scores"))
                .isNotNull();
    }

    @Test
    void reservedWordsOfTheListCannotBeAliases() {
        for (String word : List.of("rows", "range", "groups", "end", "window", "current", "new", "to", "of", "at",
                "hash", "lookup", "proto")) {
            assertThat(Analyzed.refusal("SELECT game_id AS " + word + " FROM raw.schedule")).as(word)
                    .startsWith("Syntax error");
        }
        assertThat(Analyzed.refusal("SELECT game_id AS games FROM raw.schedule")).isNull();
    }

    @Test
    void qualifyRunsWithoutWhereGroupByOrHaving() {
        assertThat(Analyzed.refusal("SELECT game_id, ROW_NUMBER() OVER (PARTITION BY season ORDER BY game_id) AS rn"
                + " FROM raw.schedule QUALIFY rn = 1")).isNull();
    }

    @Test
    void aggregateFilterClauseIsRefused() {
        assertThat(Analyzed.refusal("SELECT COUNT(*) FILTER (WHERE starter) AS starters FROM raw.player_box_scores"))
                .isNotNull();
    }

    @Test
    void ilikeIsRefused() {
        assertThat(Analyzed.refusal("SELECT player_id FROM raw.player_box_scores WHERE player_name ILIKE 'a%'"))
                .isNotNull();
    }

    @Test
    void correlatedSubqueryOverAnotherTableIsAcceptedByTheAnalyzer() {
        // the analyzer accepts it; whether BigQuery's planner can run it is beyond the analyzer: the claim stays marked
        assertThat(Analyzed.refusal("SELECT s.game_id, (SELECT COUNT(*) FROM raw.player_box_scores AS p"
                + " WHERE p.game_id = s.game_id) AS players FROM raw.schedule AS s")).isNull();
    }
}
