package fullcourt.analytics.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Re-running a model for a date replaces its partition with the same rows: redeliveries are harmless. */
class ModelRerunTest extends OpeningWeekTest {

    @Test
    void rerunningADateYieldsIdenticalRows() {
        for (LocalDate date : OpeningWeek.DATES) {
            for (String model : AnalyticsModels.DEPENDENCY_ORDER) {
                List<Map<String, Object>> first = runner.rows(model, date);

                long written = runner.run(model, date);

                assertThat(runner.rows(model, date)).as(model + " on " + date).isEqualTo(first);
                assertThat(written).as(model + " on " + date).isEqualTo(first.size());
            }
        }
    }

    @Test
    void everyModelWritesRowsForEveryScheduledDate() {
        // the finale, 10-19, 10-20, 10-25 and 10-27 have no player box scores: no player rows there
        for (LocalDate date : OpeningWeek.DATES) {
            assertThat(runner.rows("team_offense_game_summary", date)).as("offense " + date).hasSize(2);
            assertThat(runner.rows("team_defense_game_summary", date)).as("defense " + date).hasSize(2);
            assertThat(runner.rows("upcoming_team_game_context", date)).as("team context " + date).hasSize(2);
        }
        assertThat(runner.rows("upcoming_player_game_context", OpeningWeek.OPENER_DATE)).hasSize(5);
        assertThat(runner.rows("upcoming_player_game_context", OpeningWeek.OVERTIME_DATE)).hasSize(12);
    }
}
