package fullcourt.coordinator.validation;

import static org.assertj.core.api.Assertions.assertThat;

import fullcourt.coordinator.lineage.StaleReason;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValidationTest {

    private static final LocalDate FROM = LocalDate.of(2021, 10, 19);
    private static final LocalDate TO = LocalDate.of(2021, 11, 1);
    private static final List<SystemAccuracy> TRAINED_WORSE = List.of(
            new SystemAccuracy(Validation.TRAINED, 100, 4.5), new SystemAccuracy(Validation.BASELINE, 100, 4.3));

    private static Validation of(int expectedGradedDates, List<SystemAccuracy> accuracy) {
        TableCoverage graded = new TableCoverage("prediction_accuracy", SystemAccuracy.TABLE, expectedGradedDates,
                expectedGradedDates, List.of());
        return new Validation(FROM, TO, Optional.empty(), List.of(graded), List.of(), "2021-22", accuracy,
                new StalePartitions(0, 0, Map.of()));
    }

    @Test
    void aRangeOfBootstrapDaysOnlyIsNotJudgedOnAccuracy() {
        Validation bootstrapOnly = of(0, List.of());

        assertThat(bootstrapOnly.judgesAccuracy()).isFalse();
        assertThat(bootstrapOnly.passed()).isTrue();
        assertThat(bootstrapOnly.render()).contains("not judged, no graded predictions expected in this range");
    }

    @Test
    void withGradedPredictionsExpectedTheTrainedSystemMustBeatTheBaseline() {
        assertThat(of(5, TRAINED_WORSE).passed()).isFalse();
        assertThat(of(5, TRAINED_WORSE).render()).contains("FAILED: xgboost does not beat");
        assertThat(of(5, List.of()).passed()).as("no accuracy rows at all").isFalse();
        assertThat(of(5, List.of(new SystemAccuracy(Validation.TRAINED, 100, 4.1),
                new SystemAccuracy(Validation.BASELINE, 100, 4.3))).passed()).isTrue();
    }

    @Test
    void stalePartitionsAreReportedWithTheirProcessorsButDoNotFailValidation() {
        Validation v = new Validation(FROM, TO, Optional.empty(), List.of(), List.of(), "2021-22", List.of(),
                new StalePartitions(120, 3, Map.of("player_game_summary",
                        Map.of(StaleReason.Kind.VERSION, 2, StaleReason.Kind.RAW_CHANGED, 1))));

        assertThat(v.passed()).isTrue();
        assertThat(v.render()).contains("Stale partitions: 3 of 120 judged (by processor: player_game_summary 3)\n"
                + "  reported, not a failure of validate");
    }

    @Test
    void eachCheckIsALineWithItsStatusAndItsNumbers() {
        TableCoverage complete = new TableCoverage("alpha", "analytics.alpha", 10, 10, List.of());
        TableCoverage gaps = new TableCoverage("beta", "analytics.beta", 10, 8,
                List.of(LocalDate.of(2021, 10, 21), LocalDate.of(2021, 10, 25)));
        // 94 of 100 = 94.00% < 95%; 50 of 50 = 100%; not applicable whatever its share
        FieldCheck low = new FieldCheck("usage_rate present", "analytics.player_game_summary", 100, 94, 0.95,
                "rows with a usage_rate");
        FieldCheck full = new FieldCheck("game_id format", "analytics.player_game_summary", 50, 50, 1.0, "ids");
        FieldCheck none = new FieldCheck("shot-zone fields present", "analytics.player_game_summary", 50, 0, 0.90,
                "zones", "no shot events");
        TableCoverage graded = new TableCoverage("prediction_accuracy", SystemAccuracy.TABLE, 5, 5, List.of());
        Validation v = new Validation(FROM, TO, Optional.empty(), List.of(complete, gaps, graded),
                List.of(low, full, none), "2021-22", TRAINED_WORSE, new StalePartitions(0, 0, Map.of()));

        assertThat(v.checks()).containsExactly(
                new ValidationCheck("coverage of alpha", ValidationCheck.Status.PASSED,
                        "analytics.alpha: 10 of 10 game dates"),
                new ValidationCheck("coverage of beta", ValidationCheck.Status.FAILED,
                        "analytics.beta: 8 of 10 game dates; 2 missing, first 2021-10-21"),
                new ValidationCheck("coverage of prediction_accuracy", ValidationCheck.Status.PASSED,
                        SystemAccuracy.TABLE + ": 5 of 5 game dates"),
                new ValidationCheck("usage_rate present", ValidationCheck.Status.FAILED,
                        "analytics.player_game_summary: 94.00% of 100 (needs >= 95%); rows with a usage_rate"),
                new ValidationCheck("game_id format", ValidationCheck.Status.PASSED,
                        "analytics.player_game_summary: 100.00% of 50 (needs >= 100%); ids"),
                new ValidationCheck("shot-zone fields present", ValidationCheck.Status.NOT_APPLICABLE,
                        "analytics.player_game_summary: no shot events; zones"),
                new ValidationCheck("xgboost beats the moving_average baseline", ValidationCheck.Status.FAILED,
                        "points MAE, season 2021-22: xgboost 4.500 over 100, moving_average 4.300 over 100"));
        assertThat(v.passed()).isFalse();
        assertThat(of(0, List.of()).checks()).last().isEqualTo(new ValidationCheck(
                "xgboost beats the moving_average baseline", ValidationCheck.Status.NOT_JUDGED,
                "no graded predictions expected in this range (bootstrap days only)"));
    }
}
