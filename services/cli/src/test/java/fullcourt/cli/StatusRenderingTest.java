package fullcourt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tables of {@code fullcourt status}, from status API JSON. */
class StatusRenderingTest {

    private static String unixLines(String text) {
        return text.replace(System.lineSeparator(), "\n");
    }

    @Test
    void runsTableShowsStateDoneOfTotalRateAndEtaOldestFirst() throws Exception {
        String table = unixLines(RunsTable.render(RunStatusReader.runs(RunFixtures.RUNS), StateColours.PLAIN));

        assertThat(table).isEqualTo("""
                RUN   STATE      DONE/TOTAL  RATE/MIN      ETA  ACCEPTED
                bf-b  COMPLETED       62/62       3.1        -  2024-01-05T09:00:00Z
                bf-a  RUNNING       120/480      35.2  10m 14s  2024-01-05T10:00:00Z
                """);
    }

    @Test
    void statesAreColouredOnlyOnATerminalWithoutNoColor() {
        assertThat(StateColours.of(true, Map.of())).isSameAs(StateColours.ANSI);
        assertThat(StateColours.of(false, Map.of())).as("a pipe, a file, a CI log").isSameAs(StateColours.PLAIN);
        assertThat(StateColours.of(true, Map.of("NO_COLOR", "1"))).isSameAs(StateColours.PLAIN);
        assertThat(StateColours.of(false, Map.of("NO_COLOR", "1"))).isSameAs(StateColours.PLAIN);
        // no-color.org: set to an empty string, NO_COLOR does not ask for anything
        assertThat(StateColours.of(true, Map.of("NO_COLOR", ""))).isSameAs(StateColours.ANSI);
    }

    @Test
    void eachRunStateHasItsOwnColourAroundItsUnchangedText() {
        List<String> states = List.of("RUNNING", "PAUSED", "CANCELLING", "CANCELLED", "COMPLETED",
                "COMPLETED_WITH_FAILURES");
        List<String> painted = states.stream().map(StateColours.ANSI::paint).toList();

        assertThat(painted).containsExactly("\u001b[34mRUNNING\u001b[0m", "\u001b[36mPAUSED\u001b[0m",
                "\u001b[35mCANCELLING\u001b[0m", "\u001b[90mCANCELLED\u001b[0m", "\u001b[32mCOMPLETED\u001b[0m",
                "\u001b[33mCOMPLETED_WITH_FAILURES\u001b[0m");
        assertThat(states.stream().map(StateColours.PLAIN::paint).toList()).isEqualTo(states);
        // a state a newer coordinator might send stays plain text
        assertThat(StateColours.ANSI.paint("ARCHIVED")).isEqualTo("ARCHIVED");
    }

    @Test
    void colouredRunsTableKeepsItsColumnsAlignedAndTheReportColoursItsState() throws Exception {
        String table = unixLines(RunsTable.render(RunStatusReader.runs(RunFixtures.RUNS), StateColours.ANSI));

        // the plain table's columns, the escape codes taking no width
        assertThat(table).isEqualTo("""
                RUN   STATE      DONE/TOTAL  RATE/MIN      ETA  ACCEPTED
                bf-b  \u001b[32mCOMPLETED\u001b[0m       62/62       3.1        -  2024-01-05T09:00:00Z
                bf-a  \u001b[34mRUNNING\u001b[0m       120/480      35.2  10m 14s  2024-01-05T10:00:00Z
                """);
        assertThat(RunReport.render(RunStatusReader.run(RunFixtures.RUN_A), StateColours.ANSI))
                .startsWith("run bf-a: \u001b[34mRUNNING\u001b[0m, policy phase-barrier");
    }

    @Test
    void runWithoutTasksSaysSo() throws Exception {
        String report = RunReport.render(RunStatusReader.run("{\"runId\": \"r\", \"state\": \"COMPLETED\"}"),
                StateColours.PLAIN);

        assertThat(unixLines(report)).contains("\nno tasks\n").doesNotContain("PROCESSOR");
    }

    @Test
    void aHotTablesOwnLimitIsShownUnderTheGlobalOne() throws Exception {
        String report = unixLines(RunReport.render(RunStatusReader.run("""
                {"runId": "r", "state": "RUNNING", "inFlight": {"tasks": 9, "limit": 16, "configured": 16,
                 "quotaErrors": 0, "tables": [{"table": "analytics.player_game_summary", "tasks": 1, "limit": 1,
                 "configured": 4, "quotaErrors": 3}]}}
                """), StateColours.PLAIN));

        assertThat(report).contains("in flight (all runs) 9, limit 16\n"
                + "  table analytics.player_game_summary: in flight 1, limit 1 (lowered from 4 after its quota errors),"
                + " 3 quota errors\n");
    }

    @Test
    void noRunsSaysHowToStartOne() {
        assertThat(RunsTable.render(List.of(), StateColours.PLAIN)).contains("no runs yet").contains("fullcourt request");
    }

    @Test
    void runReportHasARowPerProcessorAndTheDeadTasks() throws Exception {
        String report = unixLines(RunReport.render(RunStatusReader.run(RunFixtures.RUN_A), StateColours.PLAIN));

        // 226 s = 3m 46s
        assertThat(report).isEqualTo("""
                run bf-a: RUNNING, policy phase-barrier, accepted 2024-01-05T10:00:00Z
                153 of 200 tasks finished, 12.5 tasks/min, ETA 3m 46s

                PROCESSOR                  TASKS  RUNNING  SUCCEEDED  SKIPPED  DEAD  BLOCKED  CANCELLED
                team_offense_game_summary    100        4         90        6     0        0          0
                player_game_summary          100        9         55        2     2        2          0

                dead tasks (2); after a fix: fullcourt replay bf-a
                TASK                            ATTEMPTS  ERROR
                player_game_summary/2022-01-03         5  division by zero at usage_rate
                player_game_summary/2022-01-04         5  -
                """);
    }

    @Test
    void aCancelledRunShowsWhatWasCancelledPerProcessor() throws Exception {
        String json = """
                {"runId": "bf-c", "state": "CANCELLED", "totals": {"SUCCEEDED": 3, "CANCELLED": 7},
                 "processors": [{"processor": "player_game_summary", "counts": {"SUCCEEDED": 3, "CANCELLED": 7}}]}
                """;

        String report = unixLines(RunReport.render(RunStatusReader.run(json), StateColours.PLAIN));

        assertThat(report).contains("""
                PROCESSOR            TASKS  RUNNING  SUCCEEDED  SKIPPED  DEAD  BLOCKED  CANCELLED
                player_game_summary     10        0          3        0     0        0          7
                """);
    }

    @Test
    void tasksThatSucceededWithZeroRowsAreCountedAndListed() throws Exception {
        String json = """
                {"runId": "bf-z", "state": "COMPLETED", "zeroRows": 2,
                 "zeroRowTasks": ["player_game_summary/2022-01-03", "ml_feature_store_v2/2022-01-04"]}
                """;

        String report = unixLines(RunReport.render(RunStatusReader.run(json), StateColours.PLAIN));

        assertThat(report).endsWith("""

                2 tasks SUCCEEDED with 0 rows on a date its processor did not skip (rows expected there):
                  player_game_summary/2022-01-03
                  ml_feature_store_v2/2022-01-04
                """);
    }

    @Test
    void skippedTasksAreCountedByReason() throws Exception {
        String json = """
                {"runId": "bf-s", "state": "COMPLETED", "skipReasons": {"no games on D": 12,
                 "nothing to work from on D: no rows in precompute.ml_feature_store_v2 (no player to predict)": 3}}
                """;

        String report = unixLines(RunReport.render(RunStatusReader.run(json), StateColours.PLAIN));

        assertThat(report).endsWith("""

                SKIPPED, by reason:
                     12  no games on D
                      3  nothing to work from on D: no rows in precompute.ml_feature_store_v2 (no player to predict)
                """);
    }

    @Test
    void finishedRunShowsNoEtaAndWhenItFinished() throws Exception {
        String json = """
                {"runId": "bf-b", "state": "COMPLETED", "acceptedAt": "2024-01-05T09:00:00Z",
                 "finishedAt": "2024-01-05T09:20:00Z", "totals": {},
                 "processors": [{"processor": "player_game_summary", "counts": {"SUCCEEDED": 60, "SKIPPED": 2}}],
                 "progress": {"total": 62, "finished": 62, "tasksPerMinute": 3.1, "etaSeconds": null}, "dead": []}
                """;

        String report = unixLines(RunReport.render(RunStatusReader.run(json), StateColours.PLAIN));

        assertThat(report).startsWith("""
                run bf-b: COMPLETED, accepted 2024-01-05T09:00:00Z, finished 2024-01-05T09:20:00Z
                62 of 62 tasks finished, 3.1 tasks/min
                """).doesNotContain("ETA").doesNotContain("dead tasks");
    }

    @Test
    void theDailyQuotasThatEndedTasksAreNamedAboveTheDeadTasks() throws Exception {
        // as the coordinator's GET /runs/{id} answers after a daily table quota: the task that met it and one held
        String json = """
                {"runId": "r", "state": "COMPLETED_WITH_FAILURES", "finishedAt": "2024-01-05T09:20:00Z",
                 "processors": [{"processor": "player_game_summary", "counts": {"SUCCEEDED": 1, "DEAD": 2}}],
                 "dailyQuotas": [{"scope": "TABLE", "table": "analytics.player_game_summary",
                   "name": "Number of partition modifications to a column partitioned table", "tasks": 2,
                   "summary": "2 tasks DEAD on a daily quota: Number of partition modifications to a column partitioned table (table analytics.player_game_summary) — no refill time given (BigQuery refills daily quotas gradually through the day); replay them later with `fullcourt replay r`"}],
                 "dead": [{"taskId": "player_game_summary/2022-01-02", "attempts": 1, "error": "quotaExceeded"},
                   {"taskId": "player_game_summary/2022-01-03", "attempts": 0, "error": "not sent"}]}
                """;

        String report = unixLines(RunReport.render(RunStatusReader.run(json), StateColours.PLAIN));

        assertThat(report).contains("""

                daily quotas:
                  2 tasks DEAD on a daily quota: Number of partition modifications to a column partitioned table \
                (table analytics.player_game_summary) — no refill time given (BigQuery refills daily quotas gradually \
                through the day); replay them later with `fullcourt replay r`

                dead tasks (2); after a fix: fullcourt replay r
                """);
        assertThat(RunReport.render(RunStatusReader.run(RunFixtures.RUN_A), StateColours.PLAIN))
                .doesNotContain("daily quota");
    }

    @Test
    void manyDeadTasksAreCountedBeyondTheListed() throws Exception {
        StringBuilder dead = new StringBuilder();
        for (int day = 1; day <= 25; day++) {
            dead.append(day == 1 ? "" : ",").append(String.format(
                    "{\"taskId\": \"p/2022-01-%02d\", \"attempts\": 5, \"error\": \"boom\"}", day));
        }
        String json = "{\"runId\": \"r\", \"state\": \"RUNNING\", \"dead\": [" + dead + "]}";

        String report = RunReport.render(RunStatusReader.run(json), StateColours.PLAIN);

        // 25 dead, 20 listed, 25 - 20 = 5 more
        assertThat(report).contains("p/2022-01-20").doesNotContain("p/2022-01-21")
                .contains("... and 5 more: fullcourt status r --json");
    }

    @Test
    void durationsReadShort() {
        assertThat(DurationText.ofSeconds(45)).isEqualTo("45s");
        assertThat(DurationText.ofSeconds(614)).isEqualTo("10m 14s");
        assertThat(DurationText.ofSeconds(3 * 3600 + 7 * 60 + 59)).isEqualTo("3h 07m");
    }
}
