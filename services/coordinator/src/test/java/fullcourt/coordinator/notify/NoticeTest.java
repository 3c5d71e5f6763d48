package fullcourt.coordinator.notify;

import static org.assertj.core.api.Assertions.assertThat;

import fullcourt.coordinator.RunStatus;
import fullcourt.coordinator.validation.StalePartitions;
import fullcourt.coordinator.validation.SystemAccuracy;
import fullcourt.coordinator.validation.TableCoverage;
import fullcourt.coordinator.validation.Validation;
import fullcourt.messages.RunSummary;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NoticeTest {

    private static final LocalDate FROM = LocalDate.of(2021, 10, 19);
    private static final LocalDate TO = LocalDate.of(2021, 11, 1);

    @Test
    void aFailedValidationNamesOnlyItsFailedChecks() {
        TableCoverage complete = new TableCoverage("team_offense_game_summary", "analytics.team_offense_game_summary",
                10, 10, List.of());
        TableCoverage gap = new TableCoverage("player_game_summary", "analytics.player_game_summary", 10, 9,
                List.of(LocalDate.of(2021, 10, 25)));
        TableCoverage graded = new TableCoverage("prediction_accuracy", "predictions.prediction_accuracy", 5, 5, List.of());
        Validation v = new Validation(FROM, TO, Optional.empty(), List.of(complete, gap, graded), List.of(), "2021-22",
                List.of(new SystemAccuracy(Validation.TRAINED, 100, 4.5), new SystemAccuracy(Validation.BASELINE, 100, 4.3)),
                new StalePartitions(0, 0, Map.of()));

        assertThat(Notice.validationFailed(v).split("\n")).containsExactly(
                "Fullcourt validation FAILED for 2021-10-19 .. 2021-11-01:",
                gap.render(),
                "  xgboost does not beat the moving_average baseline in season 2021-22");
    }

    @Test
    void aFinishedRunsNoticeNamesTheDailyQuotasThatEndedTasks() {
        String quota = "3 tasks DEAD on a daily quota: QueryUsagePerDay (project-wide) — refills at 2022-06-01T07:00:00Z;"
                + " replay them then with `fullcourt replay r`";
        RunSummary summary = new RunSummary(10, 7, 0, 3, 0, 0, 61_000, 0, List.of(quota));

        assertThat(Notice.runFinished("r", RunStatus.COMPLETED_WITH_FAILURES, summary).split("\n")).containsExactly(
                "Fullcourt run r COMPLETED_WITH_FAILURES in 61 s: 10 tasks, 7 succeeded, 0 skipped, 3 dead, 0 blocked,"
                        + " 0 cancelled",
                quota,
                "Replay after a fix: fullcourt replay r");
    }
}
