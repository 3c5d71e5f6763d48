package fullcourt.engine.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NamedParametersTest {

    private static final LocalDate JAN_2 = LocalDate.of(2024, 1, 2);

    @Test
    void rewritesEachParameterToAPlaceholderAndBindsValuesInPlaceholderOrder() {
        NamedParameters p = NamedParameters.parse("SELECT * FROM games WHERE game_date = @game_date AND team_id = @team_id");

        assertThat(p.jdbcSql()).isEqualTo("SELECT * FROM games WHERE game_date = ? AND team_id = ?");
        assertThat(p.order()).containsExactly("game_date", "team_id");
        // the map's order does not matter, the text's does
        assertThat(p.values(Map.of("team_id", 7, "game_date", JAN_2))).containsExactly(JAN_2, 7);
    }

    @Test
    void repeatedNameGetsAPlaceholderAndAValueAtEachUse() {
        NamedParameters p = NamedParameters.parse("WHERE d >= @from_date AND d < @to_date OR d = @from_date");

        assertThat(p.jdbcSql()).isEqualTo("WHERE d >= ? AND d < ? OR d = ?");
        assertThat(p.values(Map.of("from_date", "a", "to_date", "b"))).containsExactly("a", "b", "a");
    }

    @Test
    void leavesAtSignsInsideStringLiteralsAlone() {
        NamedParameters p = NamedParameters.parse("SELECT 'ops@example.com', 'it''s @not_a_parameter' WHERE x = @x");

        assertThat(p.jdbcSql()).isEqualTo("SELECT 'ops@example.com', 'it''s @not_a_parameter' WHERE x = ?");
        assertThat(p.order()).containsExactly("x");
    }

    @Test
    void leavesAtSignsInsideDoubleQuotedIdentifiersAlone() {
        NamedParameters p = NamedParameters.parse("SELECT \"@odd column\" FROM t WHERE x = @x");

        assertThat(p.jdbcSql()).isEqualTo("SELECT \"@odd column\" FROM t WHERE x = ?");
        assertThat(p.order()).containsExactly("x");
    }

    @Test
    void leavesLineCommentsAloneUpToTheEndOfTheLine() {
        NamedParameters p = NamedParameters.parse("SELECT 1 -- filtered by @game_date below, isn't it\nWHERE d = @game_date");

        assertThat(p.jdbcSql()).isEqualTo("SELECT 1 -- filtered by @game_date below, isn't it\nWHERE d = ?");
        assertThat(p.order()).containsExactly("game_date");
    }

    @Test
    void sqlWithoutParametersIsUnchanged() {
        NamedParameters p = NamedParameters.parse("SELECT a - b FROM t");

        assertThat(p.jdbcSql()).isEqualTo("SELECT a - b FROM t");
        assertThat(p.values(Map.of())).isEmpty();
    }

    @Test
    void missingValueIsAnErrorNamingTheParameter() {
        NamedParameters p = NamedParameters.parse("WHERE game_date = @game_date AND team_id = @team_id");

        assertThatThrownBy(() -> p.values(Map.of("game_date", JAN_2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SQL parameter @team_id has no value; given: [game_date]");
    }

    @Test
    void leavesAtSignsInsideBlockCommentsAlone() {
        NamedParameters p = NamedParameters.parse("SELECT 1 /* @x is not here */ WHERE y = @y");
        assertThat(p.jdbcSql()).isEqualTo("SELECT 1 /* @x is not here */ WHERE y = ?");
        assertThat(p.order()).containsExactly("y");
    }
}
