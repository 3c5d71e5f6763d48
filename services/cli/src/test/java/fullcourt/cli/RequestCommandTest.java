package fullcourt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fullcourt.messages.BackfillRequest;
import fullcourt.messages.MessageCodec;
import fullcourt.messages.RunEvent;
import fullcourt.messages.RunSummary;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What {@code fullcourt request} prints and returns for each answer of the coordinator, on a stand-in Pub/Sub. */
class RequestCommandTest {

    private static final Instant AT = Instant.parse("2024-01-05T10:15:01Z");
    private static final String PLAN = """
            62 tasks over 31 dates, 2022-01-01 to 2022-01-31
              team_offense_game_summary: 31
              player_game_summary: 31
            0 dependencies outside the run satisfied by earlier runs
            0 dependencies outside the run never produced""";

    private static final String[] JANUARY = {"request", "--from", "2022-01-01", "--to", "2022-01-31",
        "--processor", "team_offense_game_summary,player_game_summary", "--request-id", "jan"};

    private static String[] with(String[] base, String... more) {
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void acceptedPrintsTheRunIdThenThePlan() {
        FakeRequestChannels pubsub = new FakeRequestChannels(
                r -> List.of(RunEvent.accepted(r.requestId(), r.requestId(), AT, PLAN)));

        Cli cli = Cli.run(pubsub, JANUARY);

        assertThat(cli.exitCode).as(cli.toString()).isZero();
        assertThat(cli.out).isEqualTo("published request jan, run id jan\n"
                + "accepted: run jan\n"
                + PLAN + "\n"
                + "follow it with: fullcourt status jan --watch\n");
        assertThat(cli.err).isEmpty();
    }

    @Test
    void listensBeforePublishingAndClosesAtTheEnd() {
        FakeRequestChannels pubsub = new FakeRequestChannels(
                r -> List.of(RunEvent.accepted(r.requestId(), r.requestId(), AT, PLAN)));

        Cli.run(pubsub, JANUARY);

        // A new subscription only gets what is published after it exists.
        assertThat(pubsub.calls).containsExactly("open", "openRunEvents", "publish", "close");
    }

    @Test
    void theAnswerIsHeardOnTheOperatorsSubscriptionUnlessATemporaryOneIsAsked() {
        FakeRequestChannels operators = new FakeRequestChannels(
                r -> List.of(RunEvent.accepted(r.requestId(), r.requestId(), AT, PLAN)));
        FakeRequestChannels temporary = new FakeRequestChannels(
                r -> List.of(RunEvent.accepted(r.requestId(), r.requestId(), AT, PLAN)));
        FakeRequestChannels prefixed = new FakeRequestChannels(
                r -> List.of(RunEvent.accepted(r.requestId(), r.requestId(), AT, PLAN)));

        Cli.run(operators, JANUARY);
        Cli.run(temporary, with(JANUARY, "--run-events-subscription", "temporary"));
        Cli.run(prefixed, with(JANUARY, "--topic-prefix", "t1-"));

        assertThat(operators.openedOn).contains("run-events-operator");
        assertThat(temporary.openedOn).isEmpty();
        assertThat(prefixed.openedOn).contains("t1-run-events-operator");
    }

    @Test
    void rejectedPrintsEveryReasonAndExitsTwo() {
        FakeRequestChannels pubsub = new FakeRequestChannels(r -> List.of(RunEvent.rejected(r.requestId(),
                r.requestId(), AT, List.of("processors[0]: unknown processor \"x\"", "from/to: range too long"))));

        Cli cli = Cli.run(pubsub, JANUARY);

        assertThat(cli.exitCode).isEqualTo(2);
        assertThat(cli.out).isEqualTo("published request jan, run id jan\n");
        assertThat(cli.err).contains("rejected: request jan")
                .contains("  - processors[0]: unknown processor \"x\"")
                .contains("  - from/to: range too long");
    }

    @Test
    void dryRunPrintsThePlanOfTheAnswer() {
        FakeRequestChannels pubsub = new FakeRequestChannels(r -> List.of(
                RunEvent.accepted(r.requestId(), r.requestId(), AT, "DRY RUN, nothing dispatched\n" + PLAN)));

        Cli cli = Cli.run(pubsub, with(JANUARY, "--dry-run"));

        assertThat(cli.exitCode).as(cli.toString()).isZero();
        assertThat(pubsub.onlyPublished().dryRun()).isTrue();
        assertThat(cli.out).contains("published request jan (dry run), run id jan")
                .contains("dry run jan: the coordinator would run")
                .contains("DRY RUN, nothing dispatched")
                .contains("team_offense_game_summary: 31")
                .doesNotContain("follow it with");
    }

    @Test
    void eventsOfOtherRunsAndLaterStagesAreSkipped() {
        RunSummary summary = new RunSummary(1, 1, 0, 0, 0, 0, 1000);
        FakeRequestChannels pubsub = new FakeRequestChannels(r -> List.of(
                RunEvent.accepted("other", "other", AT, "not ours"),
                RunEvent.completed(r.requestId(), r.requestId(), AT, summary),
                RunEvent.rejected("other", "other", AT, List.of("not ours either")),
                RunEvent.accepted(r.requestId(), r.requestId(), AT, PLAN)));

        Cli cli = Cli.run(pubsub, JANUARY);

        assertThat(cli.exitCode).isZero();
        assertThat(cli.out).contains("accepted: run jan").doesNotContain("not ours");
    }

    @Test
    void noAnswerInTimeIsAFailureThatSaysWhatToCheck() {
        Cli cli = Cli.run(FakeRequestChannels.silent(), with(JANUARY, "--timeout", "5s", "--emulator",
                "localhost:8085", "--project", "p1", "--topic-prefix", "dev-"));

        assertThat(cli.exitCode).isEqualTo(1);
        assertThat(cli.out).contains("published request jan, run id jan");
        assertThat(cli.err).contains("no answer from the coordinator within 5s on dev-run-events of the Pub/Sub"
                + " emulator at localhost:8085 (project p1)").contains("fullcourt status jan");
    }

    @Test
    void noWaitPublishesWithoutListening() {
        FakeRequestChannels pubsub = FakeRequestChannels.silent();

        Cli cli = Cli.run(pubsub, with(JANUARY, "--no-wait"));

        assertThat(cli.exitCode).isZero();
        assertThat(pubsub.calls).containsExactly("open", "publish", "close");
        assertThat(cli.out).contains("published request jan, run id jan").contains("fullcourt status jan");
    }

    @Test
    void pubSubOptionsReachTheChannel() {
        FakeRequestChannels pubsub = FakeRequestChannels.silent();

        Cli.run(pubsub, with(JANUARY, "--no-wait", "--emulator", "localhost:8085", "--project", "p1",
                "--topic-prefix", "dev-"));

        PubSubOptions options = pubsub.openedWith;
        assertThat(options.usesEmulator()).isTrue();
        assertThat(options.project()).isEqualTo("p1");
        assertThat(options.topics().backfillRequests()).isEqualTo("dev-backfill-requests");
        assertThat(options.target()).isEqualTo("the Pub/Sub emulator at localhost:8085 (project p1)");
    }

    @Test
    void emulatorAddressWithASchemeIsAUsageError() {
        Cli cli = Cli.run(new PubSubRequestChannels(new Random(Cli.SEED)),
                with(JANUARY, "--emulator", "http://localhost:8085"));

        assertThat(cli.exitCode).isEqualTo(2);
        assertThat(cli.err).contains("--emulator: expected HOST:PORT such as localhost:8085 (no http://),"
                + " got 'http://localhost:8085'");
    }

    @Test
    void failureWhilePublishingExitsOneWithItsMessage() {
        FakeRequestChannels pubsub = new FakeRequestChannels(r -> {
            throw new SystemFailureException("cannot reach the Pub/Sub emulator at localhost:1 (connection refused)");
        });

        Cli cli = Cli.run(pubsub, JANUARY);

        assertThat(cli.exitCode).isEqualTo(1);
        assertThat(cli.err).isEqualTo("fullcourt request: cannot reach the Pub/Sub emulator at localhost:1"
                + " (connection refused)\n");
        assertThat(pubsub.calls).endsWith("close");
    }

    @Test
    void answerForAnUndecodableBodyIsRecognisedByMessageId() {
        // The stand-in's first publish gets message id m-1; the coordinator names such a rejection after it.
        FakeRequestChannels pubsub = new FakeRequestChannels(r -> List.of(
                RunEvent.rejected("rejected-m-1", null, AT, List.of("schemaVersion: unsupported 2"))));

        Cli cli = Cli.run(pubsub, JANUARY);

        assertThat(cli.exitCode).isEqualTo(2);
        assertThat(cli.err).contains("schemaVersion: unsupported 2");
    }

    @Test
    void requestsArePublishedAsTheCoordinatorReadsThem() {
        FakeRequestChannels pubsub = FakeRequestChannels.silent();

        Cli.run(pubsub, with(JANUARY, "--no-wait"));

        BackfillRequest request = pubsub.onlyPublished();
        assertThat(MessageCodec.decode(MessageCodec.encode(request), BackfillRequest.class)).isEqualTo(request);
    }
}
