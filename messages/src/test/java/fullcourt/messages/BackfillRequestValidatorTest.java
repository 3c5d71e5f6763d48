package fullcourt.messages;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackfillRequestValidatorTest {

    private static final Set<String> KNOWN = Set.of("team_offense_game_summary", "player_game_summary",
            "ml_feature_store_v2");
    private static final LocalDate FEB_1 = LocalDate.of(2022, 2, 1);

    private static final BackfillRequest FEBRUARY =
            BackfillRequest.forRange("req-1", FEB_1, LocalDate.of(2022, 2, 28)).withPhases(List.of(3, 4));

    @Test
    void wellFormedRangeRequestHasNoProblems() {
        assertThat(validate(FEBRUARY)).isEmpty();
    }

    @Test
    void wellFormedDateListRequestWithKnownProcessorsHasNoProblems() {
        BackfillRequest request = BackfillRequest.forDates("req-1", List.of(FEB_1, LocalDate.of(2022, 2, 3)))
                .withProcessors(List.of("player_game_summary", "ml_feature_store_v2"));

        assertThat(validate(request)).isEmpty();
    }

    @Test
    void rangeAndDateListTogetherAreRejected() {
        BackfillRequest request = new BackfillRequest(1, "req-1", List.of(3), List.of(), FEB_1, FEB_1,
                List.of(FEB_1), true, BackfillRequest.Mode.ALL, null, false, null);

        assertThat(validate(request))
                .containsExactly("from/to, dates: give either a range (from and to) or a list of dates, not both");
    }

    @Test
    void neitherRangeNorDateListIsRejected() {
        BackfillRequest request = BackfillRequest.forDates("req-1", List.of()).withPhases(List.of(3));

        assertThat(validate(request))
                .containsExactly("from/to, dates: required: a range (from and to) or a list of dates");
    }

    @Test
    void fromWithoutToIsRejectedAndViceVersa() {
        assertThat(validate(BackfillRequest.forRange("req-1", FEB_1, null).withPhases(List.of(3))))
                .containsExactly("to: required with from");
        assertThat(validate(BackfillRequest.forRange("req-1", null, FEB_1).withPhases(List.of(3))))
                .containsExactly("from: required with to");
    }

    @Test
    void toBeforeFromIsRejected() {
        BackfillRequest request = BackfillRequest.forRange("req-1", FEB_1, LocalDate.of(2022, 1, 1))
                .withPhases(List.of(3));

        assertThat(validate(request)).containsExactly("to: 2022-01-01 is before from 2022-02-01");
    }

    @Test
    void singleDayRangeIsFine() {
        assertThat(validate(BackfillRequest.forRange("req-1", FEB_1, FEB_1).withPhases(List.of(3)))).isEmpty();
    }

    @Test
    void rangeCountsBothEndsAgainstTheLimit() {
        // 2022-02-01..2022-02-10 is 10 days counting both ends.
        BackfillRequest tenDays = BackfillRequest.forRange("req-1", FEB_1, LocalDate.of(2022, 2, 10))
                .withPhases(List.of(3));

        assertThat(BackfillRequestValidator.validate(tenDays, new RequestLimits(10, 5), KNOWN)).isEmpty();
        assertThat(BackfillRequestValidator.validate(tenDays, new RequestLimits(9, 5), KNOWN)).containsExactly(
                "from/to: range of 10 days exceeds the limit of 9 (fullcourt.coordinator.max-range-days)");
    }

    @Test
    void rangeOverTheDefaultLimitNamesTheSetting() {
        // 2010-01-01 plus 4999 days is 2023-09-08: 5000 days counting both ends.
        LocalDate from = LocalDate.of(2010, 1, 1);
        BackfillRequest request = BackfillRequest.forRange("req-1", from, from.plusDays(4999)).withPhases(List.of(3));

        assertThat(validate(request)).containsExactly(
                "from/to: range of 5000 days exceeds the limit of 2000 (fullcourt.coordinator.max-range-days)");
    }

    @Test
    void tooManyDatesAreRejected() {
        List<LocalDate> threeDates = List.of(FEB_1, FEB_1.plusDays(1), FEB_1.plusDays(2));
        BackfillRequest request = BackfillRequest.forDates("req-1", threeDates).withPhases(List.of(3));

        assertThat(BackfillRequestValidator.validate(request, new RequestLimits(2000, 2), KNOWN))
                .containsExactly("dates: 3 dates exceed the limit of 2 (fullcourt.coordinator.max-dates)");
    }

    @Test
    void repeatedDateIsReportedAgainstItsFirstOccurrence() {
        BackfillRequest request = BackfillRequest.forDates("req-1", List.of(FEB_1, FEB_1.plusDays(1), FEB_1))
                .withPhases(List.of(3));

        assertThat(validate(request)).containsExactly("dates[2]: duplicate of dates[0]");
    }

    @Test
    void unknownProcessorListsTheKnownOnesSorted() {
        assertThat(validate(FEBRUARY.withProcessors(List.of("player_game_summary", "player_game_sumary"))))
                .containsExactly("processors[1]: unknown processor \"player_game_sumary\"; known: "
                        + "ml_feature_store_v2, player_game_summary, team_offense_game_summary");
    }

    @Test
    void injectionLikeProcessorNameIsShownEscapedAndCut() {
        String hostile = "x'; DROP TABLE runs; --\n" + "a".repeat(100);

        String problem = validate(FEBRUARY.withProcessors(List.of(hostile))).get(0);

        // 80 characters shown: the opening quote (1), "x'; DROP TABLE runs; --" (23), the newline escaped as
        // backslash-n (2), 51 a's and "..." (3): 1 + 23 + 2 + 51 + 3 = 80.
        assertThat(problem).isEqualTo("processors[0]: not a processor name: \"x'; DROP TABLE runs; --\\n"
                + "a".repeat(51) + "... (expected a lowercase letter, then up to 63 lowercase letters, digits or _)");
    }

    @Test
    void processorNamesMustBeLowercaseIdentifiersOfAtMost64Characters() {
        String expectation = " (expected a lowercase letter, then up to 63 lowercase letters, digits or _)";

        assertThat(validate(FEBRUARY.withProcessors(List.of("Player", "9lives", "p".repeat(65), "p".repeat(64)))))
                .containsExactly(
                        "processors[0]: not a processor name: \"Player\"" + expectation,
                        "processors[1]: not a processor name: \"9lives\"" + expectation,
                        "processors[2]: not a processor name: \"" + "p".repeat(65) + "\"" + expectation,
                        "processors[3]: unknown processor \"" + "p".repeat(64) + "\"; known: "
                                + "ml_feature_store_v2, player_game_summary, team_offense_game_summary");
    }

    @Test
    void repeatedProcessorIsReported() {
        assertThat(validate(FEBRUARY.withProcessors(List.of("player_game_summary", "player_game_summary"))))
                .containsExactly("processors[1]: duplicate of processors[0]");
    }

    @Test
    void phaseOutsideThreeToSixAndRepeatedPhaseAreReported() {
        assertThat(validate(FEBRUARY.withPhases(List.of(4, 2, 4)))).containsExactly(
                "phases[1]: expected an integer 3..6, got 2",
                "phases[2]: duplicate of phases[0]");
    }

    @Test
    void emptyScopeIsRejected() {
        assertThat(validate(FEBRUARY.withPhases(List.of())))
                .containsExactly("phases/processors: empty scope: give at least one phase or processor");
    }

    @Test
    void missingOrMalformedRequestIdIsReported() {
        assertThat(validate(BackfillRequest.forRange(null, FEB_1, FEB_1).withPhases(List.of(3))))
                .containsExactly("requestId: required");
        assertThat(validate(BackfillRequest.forRange("", FEB_1, FEB_1).withPhases(List.of(3))))
                .containsExactly("requestId: expected 1..128 characters of A-Z a-z 0-9 . _ -, not . or .., got \"\"");
    }

    @Test
    void requestWithManyProblemsReportsThemAllTogether() {
        BackfillRequest request = new BackfillRequest(1, "req-1", List.of(7), List.of("nope"), FEB_1,
                LocalDate.of(2022, 1, 1), List.of(FEB_1), true, BackfillRequest.Mode.ALL, null, false, null);

        assertThat(validate(request)).containsExactly(
                "from/to, dates: give either a range (from and to) or a list of dates, not both",
                "to: 2022-01-01 is before from 2022-02-01",
                "phases[0]: expected an integer 3..6, got 7",
                "processors[0]: unknown processor \"nope\"; known: "
                        + "ml_feature_store_v2, player_game_summary, team_offense_game_summary");
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> new RequestLimits(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThat(RequestLimits.DEFAULTS).isEqualTo(new RequestLimits(2000, 2000));
    }

    private static List<String> validate(BackfillRequest request) {
        return BackfillRequestValidator.validate(request, RequestLimits.DEFAULTS, KNOWN);
    }
}
