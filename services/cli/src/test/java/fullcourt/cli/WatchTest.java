package fullcourt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fullcourt.messages.RunEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code status RUN --watch} and {@code request --wait}: a run followed to its end, and an exit status that
 * says how it ended. The stub's answers move the run on at each read; tests see the output as a CI log does
 * (not a terminal): the first frame, then the last one, then the report.
 */
class WatchTest {

    private final CoordinatorStub coordinator = new CoordinatorStub();

    @AfterEach
    void stopStub() {
        coordinator.close();
    }

    /**
     * Run bf-w: 4 tasks of phase 3 and 2 of phase 4. Running after 60 s, 2 of phase 3 finished; then ended after
     * 120 s with {@code totals} (phase lines from {@code phase3} and {@code phase4}).
     */
    private static String[] moves(String endState, String totals, String phase3, String phase4) {
        String running = """
                {"runId": "bf-w", "state": "RUNNING", "acceptedAt": "2024-01-05T10:00:00Z", "elapsedMillis": 60000,
                 "totals": {"SUCCEEDED": 2, "RUNNING": 2, "PLANNED": 2},
                 "phases": [{"phase": 3, "total": 4, "finished": 2, "running": 2, "retries": 1, "dead": 0,
                             "blocked": 0, "cancelled": 0},
                            {"phase": 4, "total": 2, "finished": 0, "running": 0, "retries": 0, "dead": 0,
                             "blocked": 0, "cancelled": 0}],
                 "progress": {"total": 6, "finished": 2, "tasksPerMinute": 2.0, "etaSeconds": 120}}
                """;
        String ended = """
                {"runId": "bf-w", "state": "%s", "acceptedAt": "2024-01-05T10:00:00Z",
                 "finishedAt": "2024-01-05T10:02:00Z", "elapsedMillis": 120000, "totals": %s,
                 "phases": [%s, %s], "progress": {"total": 6, "finished": 6, "tasksPerMinute": 3.0}}
                """.formatted(endState, totals, phase3, phase4);
        return new String[] {running, ended};
    }

    private static final String PHASE3_DONE = ended(3, 4, 1, 0, 0, 0);

    /** A phase at the end: every task finished, some dead, blocked or cancelled. */
    private static String ended(int phase, int total, int retries, int dead, int blocked, int cancelled) {
        return """
                {"phase": %d, "total": %d, "finished": %d, "running": 0, "retries": %d, "dead": %d, "blocked": %d,
                 "cancelled": %d}""".formatted(phase, total, total, retries, dead, blocked, cancelled);
    }

    private static String phase4Ended(int retries, int dead, int blocked, int cancelled) {
        return ended(4, 2, retries, dead, blocked, cancelled);
    }

    private Cli watch(String... more) {
        String[] args = {"status", "bf-w", "--watch", "--interval", "1ms", "--coordinator", coordinator.url()};
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return Cli.run(all);
    }

    @Test
    void watchFollowsTheRunToItsEndAndExitsZeroWhenEveryTaskSucceededOrWasSkipped() {
        coordinator.answerInTurn("GET /runs/bf-w", moves("COMPLETED", "{\"SUCCEEDED\": 5, \"SKIPPED\": 1}",
                PHASE3_DONE, phase4Ended(0, 0, 0, 0)));

        Cli cli = watch();

        assertThat(cli.exitCode).as(cli.toString()).isZero();
        // 2 of 4 in 60 s: 2.0/min, 2 left -> ETA 60 s; at the end 4 in 120 s
        assertThat(cli.out).contains("bf-w  RUNNING  1m00s\n"
                        + "  phase 3  [##########..........]       2/4       50%     2.0/min  ETA 1m00s    running   2"
                        + "  retries 1  dead 0\n")
                .contains("bf-w  COMPLETED  2m00s\n  phase 3  [####################]       4/4      100%")
                .contains("run bf-w: COMPLETED")
                .doesNotContain("\u001b[");
        assertThat(coordinator.received).hasSize(2);
    }

    @Test
    void aRunThatEndsWithDeadOrBlockedTasksExitsFive() {
        coordinator.answerInTurn("GET /runs/bf-w", moves("COMPLETED_WITH_FAILURES",
                "{\"SUCCEEDED\": 4, \"DEAD\": 1, \"BLOCKED\": 1}", PHASE3_DONE, phase4Ended(4, 1, 1, 0)));

        Cli cli = watch();

        assertThat(cli.exitCode).as(cli.toString()).isEqualTo(ExitCodes.RUN_FAILED).isEqualTo(5);
        assertThat(cli.out).contains("run bf-w: COMPLETED_WITH_FAILURES").contains("dead 1  blocked 1");
    }

    @Test
    void aCancelledRunExitsSixAndShowsWhatWasCancelled() {
        coordinator.answerInTurn("GET /runs/bf-w", moves("CANCELLED", "{\"SUCCEEDED\": 4, \"CANCELLED\": 2}",
                PHASE3_DONE, phase4Ended(0, 0, 0, 2)));

        Cli cli = watch();

        assertThat(cli.exitCode).as(cli.toString()).isEqualTo(ExitCodes.RUN_CANCELLED).isEqualTo(6);
        assertThat(cli.out).contains("run bf-w: CANCELLED").contains("dead 0  cancelled 2");
    }

    @Test
    void statusOfARunWithDeadTasksIsNotZeroEvenWithoutWatching() {
        coordinator.answer("GET /runs/bf-w", 200, moves("COMPLETED_WITH_FAILURES", "{\"SUCCEEDED\": 5, \"DEAD\": 1}",
                PHASE3_DONE, PHASE3_DONE)[1]);

        Cli cli = Cli.run("status", "bf-w", "--coordinator", coordinator.url());
        Cli json = Cli.run("status", "bf-w", "--json", "--coordinator", coordinator.url());

        assertThat(cli.exitCode).as(cli.toString()).isEqualTo(5);
        assertThat(json.exitCode).as(json.toString()).isEqualTo(5);
    }

    @Test
    void watchNeedsARun() {
        Cli cli = Cli.run("status", "--watch", "--coordinator", coordinator.url());

        assertThat(cli.exitCode).isEqualTo(2);
        assertThat(cli.err).contains("--watch follows one run: give its id");
    }

    @Test
    void requestWaitFollowsTheAcceptedRunToItsEnd() {
        coordinator.answerInTurn("GET /runs/bf-w", moves("COMPLETED_WITH_FAILURES", "{\"SUCCEEDED\": 5, \"DEAD\": 1}",
                PHASE3_DONE, PHASE3_DONE));
        FakeRequestChannels pubsub = new FakeRequestChannels(r -> List.of(
                RunEvent.accepted(r.requestId(), r.requestId(), Instant.parse("2024-01-05T10:00:00Z"), "6 tasks")));

        Cli cli = Cli.run(pubsub, "request", "--from", "2022-01-01", "--to", "2022-01-02", "--phase", "3",
                "--request-id", "bf-w", "--wait", "--interval", "1ms", "--coordinator", coordinator.url());

        assertThat(cli.exitCode).as(cli.toString()).isEqualTo(5);
        assertThat(cli.out).contains("accepted: run bf-w\n6 tasks\nfollowing run bf-w to its end")
                .contains("bf-w  RUNNING").contains("run bf-w: COMPLETED_WITH_FAILURES");
    }

    @Test
    void requestWaitAndNoWaitTogetherAreAUsageError() {
        Cli cli = Cli.run(FakeRequestChannels.silent(), "request", "--dates", "2022-01-03", "--phase", "3",
                "--wait", "--no-wait");

        assertThat(cli.exitCode).isEqualTo(2);
        assertThat(cli.err).contains("--wait follows the run to its end, --no-wait returns at once");
    }
}
