package fullcourt.coordinator.freshness;

import static org.assertj.core.api.Assertions.assertThat;

import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.DateDomain;
import fullcourt.engine.catalog.ProcessorDeclaration;
import fullcourt.engine.catalog.RawInput;
import fullcourt.engine.catalog.SeasonCalendar;
import fullcourt.engine.catalog.Upstream;
import fullcourt.engine.catalog.Window;
import fullcourt.messages.BackfillRequest;
import fullcourt.messages.BackfillRequestValidator;
import fullcourt.messages.RawUpdate;
import fullcourt.messages.RequestLimits;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The stale run a burst of raw updates asks for. */
class StaleRunRequestsTest {

    private static final LocalDate JAN_3 = LocalDate.of(2024, 1, 3);
    private static final LocalDate JAN_5 = LocalDate.of(2024, 1, 5);
    private static final LocalDate APR_14 = LocalDate.of(2024, 4, 14);

    /** box (raw.box), context (raw.schedule, season to date), odds (raw.odds), totals (box, season to date). */
    private static final Catalog CATALOG = Catalog.of(List.of(
            declare("box", 3, List.of(), List.of(new RawInput("raw.box", Window.SAME_DATE))),
            declare("context", 3, List.of(), List.of(new RawInput("raw.schedule", Window.SEASON_TO_DATE))),
            declare("odds", 3, List.of(), List.of(new RawInput("raw.odds", Window.SAME_DATE))),
            declare("totals", 4, List.of(new Upstream("box", Window.SEASON_TO_DATE)), List.of())));

    /** A season from Oct 24 to Apr 14 (its game dates matter only at the ends here). */
    private static final SeasonCalendar CALENDAR = new SeasonCalendar(List.of(new SeasonCalendar.Season("2023-24",
            LocalDate.of(2023, 10, 24), APR_14, new TreeSet<>(List.of(LocalDate.of(2023, 10, 24), JAN_3, JAN_5,
            APR_14)))));

    private final StaleRunRequests requests = new StaleRunRequests(CATALOG);

    private static ProcessorDeclaration declare(String name, int phase, List<Upstream> upstreams, List<RawInput> raw) {
        return new ProcessorDeclaration(name, phase, "t." + name, "game_date", upstreams, DateDomain.SEASON_DAYS, "v1",
                2, raw);
    }

    private static ReceivedUpdate received(String messageId, String table, LocalDate... dates) {
        return new ReceivedUpdate(messageId, RawUpdate.of(table, List.of(dates)));
    }

    @Test
    void aStaleRunWithCascadeOverTheReadersOfTheAnnouncedTables() {
        BackfillRequest request = requests.forBurst(List.of(received("m1", "raw.box", JAN_5)), CALENDAR).orElseThrow();

        assertThat(request.processors()).containsExactly("box"); // totals comes with the cascade
        assertThat(request.mode()).isEqualTo(BackfillRequest.Mode.STALE);
        assertThat(request.cascade()).isTrue();
        assertThat(request.phases()).isEmpty();
        assertThat(BackfillRequestValidator.validate(request, RequestLimits.DEFAULTS, CATALOG.names())).isEmpty();

        assertThat(requests.forBurst(List.of(received("m1", "raw.box", JAN_5), received("m2", "raw.schedule", JAN_5)),
                CALENDAR).orElseThrow().processors()).containsExactly("box", "context");
    }

    @Test
    void datesRunFromTheEarliestAnnouncedDateToTheCalendarsLastDate() {
        BackfillRequest request = requests.forBurst(List.of(received("m1", "raw.box", JAN_5),
                received("m2", "raw.box", JAN_3, JAN_5)), CALENDAR).orElseThrow();

        // raw.box of Jan 3 is read by totals of every later date of the season (season to date)
        assertThat(request.from()).isEqualTo(JAN_3);
        assertThat(request.to()).isEqualTo(APR_14);
        assertThat(request.dates()).isEmpty();

        LocalDate afterTheCalendar = LocalDate.of(2024, 6, 1);
        assertThat(requests.forBurst(List.of(received("m3", "raw.box", afterTheCalendar)), CALENDAR).orElseThrow().to())
                .isEqualTo(afterTheCalendar);
        assertThat(requests.forBurst(List.of(received("m4", "raw.box", JAN_3, JAN_5)), SeasonCalendar.EMPTY)
                .orElseThrow().to()).isEqualTo(JAN_5);
    }

    @Test
    void aTableNoProcessorReadsAsksForNoRun() {
        assertThat(requests.forBurst(List.of(received("m1", "raw.injuries", JAN_5)), CALENDAR)).isEmpty();
        assertThat(requests.readersOf(Set.of("raw.injuries", "raw.odds"))).containsExactly("odds");
    }

    @Test
    void theRequestIdComesFromTheMessageIdsSoARedeliveredBurstIsTheSameRunAndANewCorrectionAnother() {
        List<ReceivedUpdate> burst = List.of(received("m1", "raw.box", JAN_5), received("m2", "raw.box", JAN_3));
        String id = requests.forBurst(burst, CALENDAR).orElseThrow().requestId();

        List<ReceivedUpdate> redeliveredInAnotherOrder = List.of(burst.get(1), burst.get(0));
        assertThat(requests.forBurst(redeliveredInAnotherOrder, CALENDAR).orElseThrow().requestId()).isEqualTo(id);
        // the same dates corrected again, hours later: new messages, a new run
        List<ReceivedUpdate> correctedAgain = List.of(received("m7", "raw.box", JAN_5), received("m8", "raw.box", JAN_3));
        assertThat(requests.forBurst(correctedAgain, CALENDAR).orElseThrow().requestId()).isNotEqualTo(id);
        assertThat(id).startsWith("raw-updates-").hasSize("raw-updates-".length() + 16).matches("[A-Za-z0-9._-]{1,128}");
    }

    @Test
    void labelsSayWhereTheRunCameFrom() {
        List<ReceivedUpdate> burst = List.of(
                new ReceivedUpdate("m1", RawUpdate.of("raw.box", List.of(JAN_5)).withSource("nbac")
                        .withLabels(Map.of("batch", "7"))),
                new ReceivedUpdate("m2", RawUpdate.of("raw.schedule", List.of(JAN_5)).withSource("espn")
                        .withLabels(Map.of("batch", "8"))));

        assertThat(requests.forBurst(burst, CALENDAR).orElseThrow().labels()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "trigger", "raw-updates", "tables", "raw.box,raw.schedule", "messages", "2", "sources", "espn,nbac",
                "batch", "7,8"));
    }

    @Test
    void twentyOverlappingUpdatesWithinTheQuietPeriodMakeOneRequestOverTheirUnion() {
        BurstCoalescer<ReceivedUpdate> coalescer = new BurstCoalescer<>(Duration.ofSeconds(30), Duration.ofSeconds(300));
        Instant t0 = Instant.parse("2024-01-06T12:00:00Z");
        // message i announces Jan 3 + (i mod 3) days and the day after: Jan 3..6 overall
        for (int i = 0; i < 20; i++) {
            LocalDate d = JAN_3.plusDays(i % 3);
            coalescer.add(received("m" + i, "raw.box", d, d.plusDays(1)), t0.plusSeconds(i));
        }

        List<BackfillRequest> runs = new ArrayList<>();
        // the coordinator's timer would check at each due time; here every second for two minutes
        for (int s = 0; s <= 120; s++) {
            List<ReceivedUpdate> burst = coalescer.takeIfDue(t0.plusSeconds(s));
            if (!burst.isEmpty()) {
                runs.add(requests.forBurst(burst, CALENDAR).orElseThrow());
            }
        }

        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).from()).isEqualTo(JAN_3);
        assertThat(runs.get(0).to()).isEqualTo(APR_14);
        assertThat(runs.get(0).labels()).containsEntry("messages", "20");
    }
}
