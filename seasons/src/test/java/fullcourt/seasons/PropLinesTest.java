package fullcourt.seasons;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PropLinesTest {

    private static Connection db;

    @BeforeAll
    static void generate() throws Exception {
        db = GeneratedSeason.connection();
    }

    @Test
    void theLastSeasonGeneratedHasLinesForRotationPlayersAtHalfPoints() throws Exception {
        assertThat(Sql.number(db, "SELECT count(DISTINCT game_date) FROM raw.prop_lines"))
                .isGreaterThan(Sql.number(db, "SELECT count(DISTINCT game_date) FROM raw.schedule") - 10);
        assertThat(Sql.number(db, "SELECT count(*) FROM raw.prop_lines WHERE points_line - floor(points_line) <> 0.5")).isZero();
        assertThat(Sql.number(db, """
                SELECT count(*) FROM raw.prop_lines
                WHERE over_odds NOT BETWEEN -130 AND 110 OR under_odds NOT BETWEEN -130 AND 110
                   OR CAST(captured_at AS DATE) <> game_date""")).isZero();
        // lines go to players who had been playing real minutes, not to the deep bench or the injured
        assertThat(Sql.decimal(db, """
                SELECT avg(p.minutes) FROM raw.prop_lines l JOIN raw.player_box_scores p USING (game_id, player_id)""")).isGreaterThan(22.0);
        assertThat(Sql.number(db, """
                SELECT count(*) FROM raw.prop_lines l LEFT JOIN raw.player_box_scores p USING (game_id, player_id)
                WHERE p.player_id IS NULL OR p.dnp_reason LIKE 'Injury:%'""")).isZero();
    }

    @Test
    void linesSitNearRecentScoring() throws Exception {
        double gap = Sql.decimal(db, """
                SELECT abs(avg(p.points) - avg(l.points_line)) FROM raw.prop_lines l JOIN raw.player_box_scores p USING (game_id, player_id)""");
        assertThat(gap).isLessThan(1.0);
    }
}
