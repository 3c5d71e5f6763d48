package fullcourt.analytics.models;

import static fullcourt.analytics.models.OpeningWeek.OPENER;
import static fullcourt.analytics.models.OpeningWeek.OPENER_DATE;
import static fullcourt.analytics.models.OpeningWeek.OVERTIME_DATE;
import static org.assertj.core.api.Assertions.assertThat;

import fullcourt.engine.testing.models.ModelRunner;
import fullcourt.engine.warehouse.DialectCheck;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The per-date gates (models/NAME.checks.sql): silent on sound partitions, specific on broken ones. */
class OutputChecksTest {

    private static final String TEAM_CHECKS = ModelRunner.modelSql("team_offense_game_summary.checks");
    private static final String PLAYER_CHECKS = ModelRunner.modelSql("player_game_summary.checks");

    private ModelRunner runner;

    @BeforeEach
    void compute() {
        runner = OpeningWeek.computed();
    }

    @AfterEach
    void close() {
        runner.close();
    }

    private List<Object> problems(String checks, LocalDate date) {
        return runner.query(checks, date).stream().map(r -> r.get("problem")).toList();
    }

    @Test
    void theChecksStayInsideThePortableDialect() {
        assertThat(DialectCheck.violations(TEAM_CHECKS)).isEmpty();
        assertThat(DialectCheck.violations(PLAYER_CHECKS)).isEmpty();
    }

    @Test
    void soundPartitionsPassEveryCheckOnEveryDate() {
        for (LocalDate date : OpeningWeek.DATES) {
            assertThat(problems(TEAM_CHECKS, date)).as("team checks on %s", date).isEmpty();
            assertThat(problems(PLAYER_CHECKS, date)).as("player checks on %s", date).isEmpty();
        }
    }

    @Test
    void aMissingTeamRowAndABadGameIdAreNamed() {
        runner.execute("DELETE FROM analytics.team_offense_game_summary WHERE game_id = '" + OPENER + "' AND is_home");
        runner.execute("UPDATE analytics.team_offense_game_summary SET game_id = '20231024_BOS_NYK'"
                + " WHERE game_id = '" + OPENER + "'");

        assertThat(problems(TEAM_CHECKS, OPENER_DATE)).containsExactlyInAnyOrder(
                "teams: 1 rows for 2 scheduled teams",
                "game_id: 1 rows whose id is not YYYYMMDD_AWAY_HOME of the date");
        assertThat(problems(TEAM_CHECKS, OVERTIME_DATE)).isEmpty();
    }

    @Test
    void usageRateBelowNinetyFivePercentAndAnIdOfAnotherDateAreNamed() {
        runner.execute("UPDATE analytics.player_game_summary SET usage_rate = NULL WHERE game_date = DATE '"
                + OPENER_DATE + "' AND team = 'BOS'");
        runner.execute("UPDATE analytics.player_game_summary SET game_id = '20231025_NYK_BOS'"
                + " WHERE game_date = DATE '" + OPENER_DATE + "' AND player_id IN (SELECT MIN(player_id)"
                + " FROM analytics.player_game_summary WHERE game_date = DATE '" + OPENER_DATE + "')");

        List<Object> problems = problems(PLAYER_CHECKS, OPENER_DATE);
        assertThat(problems).hasSize(2)
                .contains("game_id: 1 rows whose id is not YYYYMMDD_AWAY_HOME of the date");
        assertThat(problems).anySatisfy(p -> assertThat((String) p)
                .matches("usage_rate: present for \\d+ of \\d+ player-games with at least 1 minute \\(needs >= 95%\\)"));
    }

    @Test
    void usageRateAboveOneHundredIsNamed() {
        runner.execute("UPDATE analytics.player_game_summary SET usage_rate = 1040.0 WHERE game_date = DATE '"
                + OPENER_DATE + "' AND player_id = 'n1'");

        assertThat(problems(PLAYER_CHECKS, OPENER_DATE)).containsExactly("usage_rate: 1 player-games above 100");
        assertThat(problems(PLAYER_CHECKS, OVERTIME_DATE)).isEmpty();
    }
}
