package fullcourt.messages;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Relative dates (today, yesterday, today-N) and request ids derived from the resolved request. */
class RelativeDatesTest {

    private static final LocalDate MAR_10 = LocalDate.of(2024, 3, 10);
    private static final LocalDate MAR_11 = LocalDate.of(2024, 3, 11);

    /** What a Cloud Scheduler job would publish every morning: the last three days, no request id. */
    private static final String SCHEDULED = """
            {"schemaVersion": 1, "phases": [3], "from": "today-3", "to": "yesterday", "mode": "stale"}
            """;

    @Test
    void spellingsParseToTheirCanonicalForm() {
        assertThat(DateRef.parse("today")).contains(DateRef.daysBeforeToday(0));
        assertThat(DateRef.parse("Yesterday")).contains(DateRef.daysBeforeToday(1));
        assertThat(DateRef.parse("today-1")).contains(DateRef.daysBeforeToday(1));
        assertThat(DateRef.parse("today-0")).contains(DateRef.daysBeforeToday(0));
        assertThat(DateRef.parse("TODAY-30")).contains(DateRef.daysBeforeToday(30));
        assertThat(DateRef.parse("2024-03-10")).contains(DateRef.of(MAR_10));
        assertThat(DateRef.daysBeforeToday(1).text()).isEqualTo("yesterday");
        assertThat(DateRef.daysBeforeToday(0).text()).isEqualTo("today");
        assertThat(DateRef.daysBeforeToday(30).text()).isEqualTo("today-30");
        for (String bad : List.of("tomorrow", "today+1", "today-", "today-123456", "today - 1", "yesterday-1", "")) {
            assertThat(DateRef.parse(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void relativeDatesResolveAgainstTheGivenToday() {
        BackfillRequest request = decode(SCHEDULED).resolve(MAR_10);

        // today-3 = Mar 10 - 3 days = Mar 7; yesterday = Mar 9
        assertThat(request.from()).isEqualTo(LocalDate.of(2024, 3, 7));
        assertThat(request.to()).isEqualTo(LocalDate.of(2024, 3, 9));
        assertThat(request.hasRelativeDates()).isFalse();

        BackfillRequest list = decode("""
                {"schemaVersion": 1, "requestId": "r1", "phases": [3], "dates": ["today", "2024-01-05", "today-10"]}
                """).resolve(MAR_10);
        assertThat(list.dates()).containsExactly(MAR_10, LocalDate.of(2024, 1, 5), LocalDate.of(2024, 2, 29));
        assertThat(list.requestId()).isEqualTo("r1");
    }

    @Test
    void unresolvedDatesCannotBeReadAsCalendarDates() {
        BackfillRequest request = decode(SCHEDULED);

        assertThat(request.hasRelativeDates()).isTrue();
        assertThatThrownBy(request::from).isInstanceOf(IllegalStateException.class)
                .hasMessage("from is today-3: resolve(today) the request before reading its dates");
        assertThat(request.fromRef()).isEqualTo(DateRef.daysBeforeToday(3));
    }

    @Test
    void relativeDatesAreWrittenAsSpelled() {
        BackfillRequest request = BackfillRequest.forRange("r1", DateRef.daysBeforeToday(7), DateRef.daysBeforeToday(1))
                .withPhases(List.of(3));

        String json = new String(MessageCodec.encode(request), StandardCharsets.UTF_8);

        assertThat(json).contains("\"from\":\"today-7\"", "\"to\":\"yesterday\"");
        assertThat(MessageCodec.decode(json.getBytes(StandardCharsets.UTF_8), BackfillRequest.class)).isEqualTo(request);
    }

    @Test
    void theSameMessageOnTheSameDayDerivesTheSameIdAndTheNextDayAnother() {
        String first = decode(SCHEDULED).resolve(MAR_10).requestId();
        String redelivered = decode(SCHEDULED).resolve(MAR_10).requestId();
        String nextDay = decode(SCHEDULED).resolve(MAR_11).requestId();

        assertThat(first).isEqualTo(redelivered).startsWith("auto-2024-03-07-").hasSize("auto-2024-03-07-".length() + 12)
                .matches("[A-Za-z0-9._-]{1,128}");
        assertThat(nextDay).startsWith("auto-2024-03-08-").isNotEqualTo(first);
    }

    @Test
    void derivedIdsDependOnTheResolvedContentNotOnItsSpelling() {
        BackfillRequest relative = decode(SCHEDULED).resolve(MAR_10);
        BackfillRequest spelledOut = decode("""
                {"schemaVersion": 1, "phases": [3], "from": "2024-03-07", "to": "2024-03-09", "mode": "stale"}
                """).resolve(MAR_10);
        BackfillRequest otherScope = decode(SCHEDULED.replace("[3]", "[3, 4]")).resolve(MAR_10);
        BackfillRequest otherLabels = decode(SCHEDULED).withLabels(Map.of("job", "nightly")).resolve(MAR_10);

        assertThat(spelledOut.requestId()).isEqualTo(relative.requestId());
        assertThat(Set.of(relative.requestId(), otherScope.requestId(), otherLabels.requestId())).hasSize(3);
    }

    @Test
    void aGivenRequestIdIsKept() {
        assertThat(decode(SCHEDULED).withRequestId("nightly-1").resolve(MAR_10).requestId()).isEqualTo("nightly-1");
    }

    @Test
    void validationComparesWhatCanBeComparedBeforeResolution() {
        BackfillRequest backwards = BackfillRequest.forRange("r1", DateRef.daysBeforeToday(1), DateRef.daysBeforeToday(5))
                .withPhases(List.of(3));
        BackfillRequest mixed = BackfillRequest.forRange("r1", DateRef.of(MAR_11), DateRef.daysBeforeToday(0))
                .withPhases(List.of(3));
        BackfillRequest duplicate = BackfillRequest.forDateRefs("r1", List.of(DateRef.parse("today-1").orElseThrow(),
                DateRef.parse("yesterday").orElseThrow())).withPhases(List.of(3));

        assertThat(validate(backwards)).containsExactly("to: today-5 is before from yesterday");
        assertThat(validate(mixed)).isEmpty(); // known once resolved: on Mar 10 it is backwards
        assertThat(validate(mixed.resolve(MAR_10))).containsExactly("to: 2024-03-10 is before from 2024-03-11");
        assertThat(validate(duplicate)).containsExactly("dates[1]: duplicate of dates[0]");
    }

    @Test
    void relativeRangesCountAgainstTheRangeLimit() {
        BackfillRequest year = BackfillRequest.forRange("r1", DateRef.daysBeforeToday(365), DateRef.daysBeforeToday(0))
                .withPhases(List.of(3));

        // today-365 .. today is 366 days
        assertThat(BackfillRequestValidator.validate(year, new RequestLimits(365, 10), Set.of()))
                .containsExactly("from/to: range of 366 days exceeds the limit of 365 (fullcourt.coordinator.max-range-days)");
    }

    private static List<String> validate(BackfillRequest request) {
        return BackfillRequestValidator.validate(request, RequestLimits.DEFAULTS, Set.of());
    }

    private static BackfillRequest decode(String json) {
        return MessageCodec.decode(json.getBytes(StandardCharsets.UTF_8), BackfillRequest.class);
    }
}
