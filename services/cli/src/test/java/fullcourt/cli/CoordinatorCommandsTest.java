package fullcourt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** status, replay and cancel against a stand-in for the coordinator's REST API. */
class CoordinatorCommandsTest {

    private final CoordinatorStub coordinator = new CoordinatorStub();

    @AfterEach
    void stopStub() {
        coordinator.close();
    }

    private Cli run(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--coordinator";
        all[args.length + 1] = coordinator.url();
        return Cli.run(all);
    }

    @Test
    void statusListsTheRuns() {
        coordinator.answer("GET /runs", 200, RunFixtures.RUNS);

        Cli cli = run("status");

        assertThat(cli.exitCode).as(cli.toString()).isZero();
        assertThat(cli.out).contains("bf-a  RUNNING       120/480      35.2  10m 14s");
        assertThat(coordinator.only().path()).isEqualTo("/runs");
    }

    @Test
    void statusOfARunShowsItsProcessorsAndExitsFiveWhenTasksAreDead() {
        coordinator.answer("GET /runs/bf-a", 200, RunFixtures.RUN_A);

        Cli cli = run("status", "bf-a");

        assertThat(cli.exitCode).as("bf-a has 2 DEAD tasks: " + cli).isEqualTo(5);
        assertThat(cli.out).contains("player_game_summary          100        9         55        2     2        2");
    }

    @Test
    void statusJsonPrintsTheAnswerAsItCame() {
        coordinator.answer("GET /runs/bf-a", 200, RunFixtures.RUN_A);

        Cli cli = run("status", "bf-a", "--json");

        assertThat(cli.out).isEqualTo(RunFixtures.RUN_A.strip() + "\n");
    }

    @Test
    void unknownRunIsReportedWithTheCoordinatorsMessageAndExitsTwo() {
        coordinator.answer("GET /runs/nope", 404,
                "{\"message\": \"no run 'nope' (list runs with: fullcourt status)\"}");

        Cli cli = run("status", "nope");

        assertThat(cli.exitCode).isEqualTo(2);
        assertThat(cli.err).isEqualTo("fullcourt status: no run 'nope' (list runs with: fullcourt status)\n");
    }

    @Test
    void unknownRunWithoutAMessageIsStillNamed() {
        // The stub answers 404 with no body to anything it was not told about, as Quarkus does for NotFoundException.
        Cli cli = run("cancel", "nope");

        assertThat(cli.exitCode).isEqualTo(2);
        assertThat(cli.err).contains("no run 'nope' at the coordinator " + coordinator.url())
                .contains("fullcourt status");
    }

    @Test
    void replaySendsTheFiltersAndSaysHowManyWereReplayed() throws Exception {
        coordinator.answer("POST /runs/bf-a/replay", 200, "{\"runId\": \"bf-a\", \"replayed\": 3}");

        Cli cli = run("replay", "bf-a", "--processor", "player_game_summary", "--dates", "2022-01-03,2022-01-04");

        assertThat(cli.exitCode).as(cli.toString()).isZero();
        assertThat(cli.out).contains("re-dispatched 3 dead tasks of run bf-a");
        CoordinatorStub.Received sent = coordinator.only();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.contentType()).isEqualTo("application/json");
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(sent.body())).isEqualTo(json.readTree(
                "{\"processors\": [\"player_game_summary\"], \"dates\": [\"2022-01-03\", \"2022-01-04\"]}"));
    }

    @Test
    void replayWithoutFiltersSendsEmptyListsMeaningAll() throws Exception {
        coordinator.answer("POST /runs/bf-a/replay", 200, "{\"runId\": \"bf-a\", \"replayed\": 0}");

        Cli cli = run("replay", "bf-a");

        assertThat(cli.out).contains("no dead task of run bf-a matched: nothing re-dispatched");
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(coordinator.only().body()))
                .isEqualTo(json.readTree("{\"processors\": [], \"dates\": []}"));
    }

    @Test
    void cancelSendsJsonAndTheClientHeaderWithoutWhichTheCoordinatorRefusesIt() {
        coordinator.answer("POST /runs/bf-a/cancel", 200, "{\"runId\": \"bf-a\", \"cancelled\": true}");
        coordinator.answer("POST /runs/bf-a/replay", 200, "{\"runId\": \"bf-a\", \"replayed\": 0}");

        run("cancel", "bf-a");
        run("replay", "bf-a");

        assertThat(coordinator.received).hasSize(2).allSatisfy(sent -> {
            assertThat(sent.contentType()).isEqualTo("application/json");
            assertThat(sent.client()).isEqualTo("cli");
        });
        assertThat(coordinator.received.get(0).body()).isEqualTo("{}");
    }

    @Test
    void pauseAndResumePostToTheRunAndSayWhatHappens() {
        coordinator.answer("POST /runs/bf-a/pause", 200, "{\"runId\": \"bf-a\", \"paused\": true}");
        coordinator.answer("POST /runs/bf-a/resume", 200, "{\"runId\": \"bf-a\", \"paused\": false}");

        Cli paused = run("pause", "bf-a");
        Cli resumed = run("resume", "bf-a");

        assertThat(paused.exitCode).as(paused.toString()).isZero();
        assertThat(paused.out).contains("paused run bf-a: nothing new is dispatched; tasks in flight finish")
                .contains("fullcourt resume bf-a");
        assertThat(resumed.exitCode).as(resumed.toString()).isZero();
        assertThat(resumed.out).contains("resumed run bf-a");
        assertThat(coordinator.received).extracting(CoordinatorStub.Received::path)
                .containsExactly("/runs/bf-a/pause", "/runs/bf-a/resume");
        assertThat(coordinator.received).allSatisfy(sent -> assertThat(sent.client()).isEqualTo("cli"));
    }

    @Test
    void cancelOfAFinishedRunPrintsTheCoordinatorsReasonAndExitsTwo() {
        coordinator.answer("POST /runs/bf-b/cancel", 409, "{\"message\": \"run bf-b is already COMPLETED"
                + " (finished 2024-01-05T09:20:00Z): nothing left to cancel\"}");

        Cli cli = run("cancel", "bf-b");

        assertThat(cli.exitCode).isEqualTo(2);
        assertThat(cli.err).isEqualTo("fullcourt cancel: run bf-b is already COMPLETED (finished"
                + " 2024-01-05T09:20:00Z): nothing left to cancel\n");
        assertThat(cli.out).doesNotContain("cancelling");
    }

    @Test
    void cancelPostsToTheRunsCancelPathAndSaysInFlightTasksFinish() {
        coordinator.answer("POST /runs/bf-a/cancel", 200, "{\"runId\": \"bf-a\", \"cancelled\": true}");

        Cli cli = run("cancel", "bf-a");

        assertThat(cli.exitCode).as(cli.toString()).isZero();
        assertThat(coordinator.only().method()).isEqualTo("POST");
        assertThat(coordinator.only().path()).isEqualTo("/runs/bf-a/cancel");
        assertThat(cli.out).contains("cancelling run bf-a").contains("tasks in flight finish");
    }

    @Test
    void runIdsAreEscapedInThePath() {
        run("status", "a b/c");

        assertThat(coordinator.only().path()).isEqualTo("/runs/a%20b%2Fc");
    }

    @Test
    void serverErrorIsAFailureWithWhatWasAsked() {
        coordinator.answer("GET /runs", 500, "{\"message\": \"ledger unavailable\"}");

        Cli cli = run("status");

        assertThat(cli.exitCode).isEqualTo(1);
        assertThat(cli.err).contains("the coordinator at " + coordinator.url() + " answered 500 to GET /runs:"
                + " ledger unavailable");
    }

    @Test
    void somethingElseThanTheCoordinatorIsSaidSo() {
        coordinator.answer("GET /runs", 200, "<html>hello</html>");

        Cli cli = run("status");

        assertThat(cli.exitCode).isEqualTo(1);
        assertThat(cli.err).contains("is --coordinator the coordinator's URL?");
    }

    @Test
    void unreachableCoordinatorSaysWhatWasTriedAndHowToFixIt() throws IOException {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + freePort;

        Cli cli = Cli.run("status", "--coordinator", url);

        assertThat(cli.exitCode).isEqualTo(1);
        assertThat(cli.err).isEqualTo("fullcourt status: cannot reach the coordinator at " + url
                + " (connection refused): is it running? set --coordinator or $FULLCOURT_COORDINATOR_URL\n");
    }

    @Test
    void malformedCoordinatorUrlIsAUsageError() {
        Cli cli = Cli.run("status", "--coordinator", "localhost:8080");

        assertThat(cli.exitCode).isEqualTo(2);
        assertThat(cli.err).contains("--coordinator: expected an http(s) URL such as http://localhost:8080,"
                + " got 'localhost:8080'");
    }

    @Test
    void trailingSlashOfTheUrlIsIgnored() {
        coordinator.answer("GET /runs", 200, "[]");

        Cli cli = Cli.run("status", "--coordinator", coordinator.url() + "/");

        assertThat(cli.exitCode).as(cli.toString()).isZero();
        assertThat(coordinator.only().path()).isEqualTo("/runs");
    }
}
