package fullcourt.engine.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParameterizedSqlTest {

    @Test
    void placeholdersInLiteralsCommentsAndQuotedNamesStayText() {
        ParameterizedSql sql = ParameterizedSql.parse(
                "SELECT '@not' AS a, `@nor` -- @comment\n FROM raw.t /* @block */ WHERE d = @d AND e = @e OR d = @d");

        assertThat(sql.names()).containsExactly("d", "e");
        assertThat(sql.render(name -> name.equals("e") ? "NULL" : "@x_" + name)).isEqualTo(
                "SELECT '@not' AS a, `@nor` -- @comment\n FROM raw.t /* @block */ WHERE d = @x_d AND e = NULL OR d = @x_d");
    }
}
