package fullcourt.coordinator.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
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
        return new Validation(FROM, TO, Optional.empty(), List.of(graded), List.of(), "2021-22", accuracy);
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
}
