package fullcourt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fullcourt.messages.BackfillRequest;
import fullcourt.messages.BackfillRequest.Policy;
import fullcourt.messages.BackfillRequest.Upstreams;
import fullcourt.messages.DateRef;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the options of {@code fullcourt request} become a BackfillRequest, and what is refused before publishing. */
class RequestOptionsTest {

    private final FakeRequestChannels pubsub = FakeRequestChannels.silent();

    private BackfillRequest published(String... args) {
        Cli cli = Cli.run(pubsub, args);
        assertThat(cli.exitCode).as(cli.toString()).isZero();
        return pubsub.onlyPublished();
    }

    private Cli refused(String... args) {
        Cli cli = Cli.run(pubsub, args);
        assertThat(cli.exitCode).as(cli.toString()).isEqualTo(2);
        assertThat(pubsub.calls).as("nothing opened or published").isEmpty();
        assertThat(cli.err).contains("Try 'fullcourt request --help'");
        return cli;
    }

    @Test
    void rangeAndPhaseWithTheDefaults() {
        BackfillRequest request = published("request", "--from", "2022-01-01", "--to", "2022-01-31", "--phase", "3",
                "--no-wait");

        assertThat(request.from()).isEqualTo(LocalDate.of(2022, 1, 1));
        assertThat(request.to()).isEqualTo(LocalDate.of(2022, 1, 31));
        assertThat(request.dates()).isEmpty();
        assertThat(request.phases()).containsExactly(3);
        assertThat(request.processors()).isEmpty();
        assertThat(request.cascade()).isTrue();
        assertThat(request.mode()).isEqualTo(BackfillRequest.Mode.ALL);
        assertThat(request.policy()).isEqualTo(Policy.PER_DATE);
        assertThat(request.dryRun()).isFalse();
        assertThat(request.labels()).isEmpty();
        assertThat(request.upstreams()).isEqualTo(Upstreams.PULL);
    }

    @ParameterizedTest
    @CsvSource({"per-date, PER_DATE", "phase-barrier, PHASE_BARRIER", "Sequential, SEQUENTIAL"})
    void policyIsTakenByItsWireNameIgnoringCase(String option, Policy expected) {
        assertThat(published("request", "--dates", "2022-01-03", "--phase", "3", "--policy", option, "--no-wait")
                .policy()).isEqualTo(expected);
    }

    @Test
    void unknownPolicyIsRefusedListingThePolicies() {
        Cli cli = refused("request", "--dates", "2022-01-03", "--phase", "3", "--policy", "barrier");

        assertThat(cli.err).contains("'--policy'")
                .contains("expected one of per-date, phase-barrier, sequential, got 'barrier'");
    }

    @Test
    void generatedRequestIdIsTimeInUtcAndFourHexDigits() {
        BackfillRequest request = published("request", "--dates", "2022-01-03", "--phase", "4", "--no-wait");

        // The clock says 2024-01-05T10:15:00Z; the hex digits are the seeded generator's first draw.
        String hex = String.format("%04x", new Random(Cli.SEED).nextInt(0x10000));
        assertThat(request.requestId()).isEqualTo("bf-20240105-101500-" + hex).matches("bf-\\d{8}-\\d{6}-[0-9a-f]{4}");
    }

    @Test
    void datesPhasesAndProcessorsTakeCommaListsAndRepeats() {
        BackfillRequest request = published("request", "--dates", "2022-01-03,2022-01-05", "--dates", "2022-01-07",
                "--phase", "3,4", "--phase", "5", "--processor", "player_game_summary,team_offense_game_summary",
                "--processor", "ml_feature_store_v2", "--no-wait");

        assertThat(request.from()).isNull();
        assertThat(request.to()).isNull();
        assertThat(request.dates()).containsExactly(LocalDate.of(2022, 1, 3), LocalDate.of(2022, 1, 5),
                LocalDate.of(2022, 1, 7));
        assertThat(request.phases()).containsExactly(3, 4, 5);
        assertThat(request.processors()).containsExactly("player_game_summary", "team_offense_game_summary",
                "ml_feature_store_v2");
    }

    @Test
    void flagsAndLabelsReachTheRequest() {
        BackfillRequest request = published("request", "--from", "2022-01-01", "--to", "2022-01-02",
                "--processor", "player_game_summary", "--no-cascade", "--missing-only", "--dry-run",
                "--request-id", "fix-usage.1", "--label", "reason=usage-rate", "--label", "by=ops", "--no-wait");

        assertThat(request.requestId()).isEqualTo("fix-usage.1");
        assertThat(request.cascade()).isFalse();
        assertThat(request.mode()).isEqualTo(BackfillRequest.Mode.MISSING);
        assertThat(request.dryRun()).isTrue();
        assertThat(request.labels()).isEqualTo(Map.of("reason", "usage-rate", "by", "ops"));
    }

    @Test
    void staleAsksForModeStaleAndTheUpstreamFlagsForRefuseOrAllow() {
        BackfillRequest stale = published("request", "--from", "2022-01-01", "--to", "2022-01-31", "--phase", "3",
                "--stale", "--no-upstream", "--dry-run", "--no-wait");
        pubsub.published.clear();
        BackfillRequest allowing = published("request", "--dates", "2022-01-03", "--phase", "5", "--allow-incomplete",
                "--no-wait");

        assertThat(stale.mode()).isEqualTo(BackfillRequest.Mode.STALE);
        assertThat(stale.upstreams()).isEqualTo(Upstreams.REFUSE);
        assertThat(allowing.mode()).isEqualTo(BackfillRequest.Mode.ALL);
        assertThat(allowing.upstreams()).isEqualTo(Upstreams.ALLOW);
    }

    @Test
    void staleWithMissingOnlyAndRefuseWithAllowAreUsageErrorsSaidTogether() {
        Cli cli = refused("request", "--dates", "2022-01-03", "--phase", "3", "--stale", "--missing-only",
                "--no-upstream", "--allow-incomplete");

        assertThat(cli.err).contains("--stale and --missing-only do not go together")
                .contains("--no-upstream and --allow-incomplete do not go together");
    }

    @Test
    void aRelativeRangeIsPassedThroughForTheCoordinatorToResolve() {
        BackfillRequest range = published("request", "--from", "today-3", "--to", "yesterday", "--phase", "3",
                "--no-wait");

        assertThat(range.fromRef()).isEqualTo(DateRef.daysBeforeToday(3));
        assertThat(range.toRef()).isEqualTo(DateRef.daysBeforeToday(1));
        // the CLI's clock is not the coordinator's time zone: it names the run, the coordinator picks the dates
        assertThat(range.requestId()).startsWith("bf-");
    }

    @Test
    void relativeAndCalendarDatesMixInADateList() {
        BackfillRequest list = published("request", "--dates", "today,2022-01-05", "--phase", "3", "--no-wait");

        assertThat(list.dateRefs()).containsExactly(DateRef.daysBeforeToday(0), DateRef.of(LocalDate.of(2022, 1, 5)));
    }

    @Test
    void relativeRangesAreCheckedAsFarAsTheyCanBeWithoutTheCoordinatorsToday() {
        assertThat(refused("request", "--from", "yesterday", "--to", "today-5", "--phase", "3").err)
                .contains("--to today-5 is before --from yesterday");
        assertThat(refused("request", "--from", "tomorrow", "--to", "today", "--phase", "3").err)
                .contains("'--from'").contains("or today, yesterday, today-N, got 'tomorrow'");
    }

    @Test
    void toBeforeFromIsRefused() {
        Cli cli = refused("request", "--from", "2022-02-01", "--to", "2022-01-01", "--phase", "3");

        assertThat(cli.err).contains("--to 2022-01-01 is before --from 2022-02-01");
    }

    @Test
    void unparsableDateIsRefusedNamingTheOptionAndTheFormat() {
        Cli cli = refused("request", "--from", "2022-02-30", "--to", "2022-03-01", "--phase", "3");

        assertThat(cli.err).contains("'--from'").contains("expected a date as YYYY-MM-DD").contains("2022-02-30");
    }

    @Test
    void rangeAndDatesTogetherAreRefused() {
        Cli cli = refused("request", "--from", "2022-01-01", "--to", "2022-01-02", "--dates", "2022-01-05",
                "--phase", "3");

        assertThat(cli.err).contains("give either a range (--from and --to) or --dates, not both");
    }

    @Test
    void halfARangeIsRefused() {
        assertThat(refused("request", "--from", "2022-01-01", "--phase", "3").err).contains("--from needs --to");
        assertThat(refused("request", "--to", "2022-01-01", "--phase", "3").err).contains("--to needs --from");
    }

    @Test
    void everyProblemIsListedAtOnce() {
        Cli cli = refused("request");

        assertThat(cli.err).contains("which dates? give --from DATE --to DATE, or --dates")
                .contains("nothing to recompute: give --phase N and/or --processor NAME");
    }

    @Test
    void theSharedValidatorRefusesWhatTheCoordinatorWould() {
        Cli cli = refused("request", "--dates", "2022-01-03,2022-01-03", "--phase", "2",
                "--processor", "Player-Game", "--request-id", "has space");

        assertThat(cli.err).contains("invalid request:")
                .contains("phases[0]")
                .contains("processors[0]: not a processor name")
                .contains("dates[1]: duplicate of dates[0]")
                .contains("requestId: expected");
    }

    @Test
    void malformedLabelIsRefused() {
        Cli cli = refused("request", "--dates", "2022-01-03", "--phase", "3", "--label", "no-equals-sign");

        assertThat(cli.err).contains("--label").contains("KEY=VALUE");
    }

    @Test
    void timeoutTakesShortAndIsoDurations() {
        DurationConverter durations = new DurationConverter();

        assertThat(durations.convert("90")).hasSeconds(90);
        assertThat(durations.convert("90s")).hasSeconds(90);
        assertThat(durations.convert("2m")).hasMinutes(2);
        assertThat(durations.convert("1h")).hasHours(1);
        assertThat(durations.convert("500ms")).hasMillis(500);
        assertThat(durations.convert("PT1M30S")).hasSeconds(90);
        assertThat(refused("request", "--dates", "2022-01-03", "--phase", "3", "--timeout", "soon").err)
                .contains("expected a duration such as 90s, 2m, 1h or PT90S, got 'soon'");
    }

    @Test
    void unknownOptionSuggestsTheNearest() {
        Cli cli = refused("request", "--dates", "2022-01-03", "--phase", "3", "--dryrun");

        assertThat(cli.err).contains("--dryrun").contains("--dry-run");
        assertThat(List.of(cli.out)).containsExactly("");
    }
}
