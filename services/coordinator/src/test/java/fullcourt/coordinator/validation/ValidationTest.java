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
}
