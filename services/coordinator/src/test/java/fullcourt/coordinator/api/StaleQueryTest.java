package fullcourt.coordinator.api;

import static fullcourt.coordinator.lineage.LineageFixture.CATALOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The parameters of {@code GET /stale}: what is refused with 400, and the message that says how to fix it. */
class StaleQueryTest {

    private static String refusal(String from, String to, String processor, String phase, String limit) {
        try {
            StaleQuery.parse(from, to, processor, phase, limit, CATALOG);
        } catch (BadParameter e) {
            assertThat(e.getResponse().getStatus()).isEqualTo(400);
            @SuppressWarnings("unchecked")
            Map<String, String> body = (Map<String, String>) e.getResponse().getEntity();
            assertThat(body.get("message")).isEqualTo(e.getMessage());
            return e.getMessage();
        }
        throw new AssertionError("expected a 400");
    }

    @Test
    void absentParametersMeanTheWholeCalendarEveryProcessorAndTheDefaultLimit() {
        StaleQuery q = StaleQuery.parse(null, " ", null, "", null, CATALOG);

        assertThat(q).isEqualTo(new StaleQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                500));
    }

    @Test
    void everyBadParameterIsNamedInOneAnswer() {
        String message = refusal("2022-02-30", "yesterday", "nope", "9", "-1");

        assertThat(message).isEqualTo("from: expected a date YYYY-MM-DD, e.g. from=2022-01-05, got '2022-02-30'; "
                + "to: expected a date YYYY-MM-DD, e.g. to=2022-01-05, got 'yesterday'; "
                + "phase: expected 3, 4, 5 or 6, got '9'; "
                + "processor: unknown processor 'nope'; known: daily, points, totals; "
                + "limit: expected a whole number 0..50000 (partitions listed), got '-1'; default 500");
    }

    @Test
    void aReversedRangeSaysHowToFixIt() {
        assertThat(refusal("2022-02-01", "2022-01-01", null, null, null))
                .isEqualTo("from/to: from 2022-02-01 is after to 2022-01-01: swap them, or leave one out for the"
                        + " calendar's first or last date");
    }

    @Test
    void aProcessorOutsideTheGivenPhaseIsRefused() {
        assertThat(refusal(null, null, "points", "4", null))
                .isEqualTo("processor/phase: points is in phase 3, not phase 4: give one of them");
    }

    @Test
    void aLimitAboveTheCapIsRefusedAndTheCapItselfIsFine() {
        assertThat(refusal(null, null, null, null, "50001")).startsWith("limit: expected a whole number 0..50000");
        assertThat(StaleQuery.parse("2022-01-01", "2022-01-01", "totals", "4", "50000", CATALOG))
                .isEqualTo(new StaleQuery(Optional.of(LocalDate.of(2022, 1, 1)), Optional.of(LocalDate.of(2022, 1, 1)),
                        Optional.of("totals"), Optional.of(4), 50_000));
    }

    @Test
    void aBadParameterIsAJsonMessageNotAnEmptyBody() {
        assertThatThrownBy(() -> StaleQuery.parse("x", null, null, null, null, CATALOG))
                .isInstanceOfSatisfying(BadParameter.class, e -> assertThat(e.getResponse().getMediaType().toString())
                        .isEqualTo("application/json"));
    }
}
