package fullcourt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code fullcourt status --stale} against a stand-in for the coordinator's {@code GET /stale}. */
class StaleStatusTest {

    /** Three stale of 120 judged in January 2022: a raw correction of Jan 5 and what read it; two listed (limit 2). */
    static final String STALE = """
            {"from": "2022-01-01", "to": "2022-01-31", "processor": null, "phase": null,
             "calendarFirst": "2021-10-19", "calendarLast": "2022-04-10", "judged": 120, "stale": 3,
             "byProcessor": {"player_daily_cache": {"UPSTREAM_STALE": 2},
                             "player_game_summary": {"RAW_CHANGED": 1}},
             "reasons": [{"text": "upstream player_game_summary 2022-01-05 stale", "count": 2},
                         {"text": "raw.player_box_scores 2022-01-05 changed", "count": 1}],
             "limit": 2,
             "partitions": [
               {"processor": "player_game_summary", "date": "2022-01-05", "kind": "RAW_CHANGED",
                "reason": "raw.player_box_scores 2022-01-05 changed"},
               {"processor": "player_daily_cache", "date": "2022-01-05", "kind": "UPSTREAM_STALE",
                "reason": "upstream player_game_summary 2022-01-05 stale"}],
             "grid": {"kinds": [], "dates": [], "processors": [
               {"processor": "player_game_summary", "phase": 3, "cells": "-4-"},
               {"processor": "player_daily_cache", "phase": 4, "cells": "-66"}]}}
            """;

    static final String NOTHING = """
            {"from": "2022-01-01", "to": "2022-01-31", "judged": 120, "stale": 0, "byProcessor": {},
             "reasons": [], "limit": 20, "partitions": [], "grid": {"processors": []}}
            """;

    private final CoordinatorStub coordinator = new CoordinatorStub();

    @AfterEach
    void stopStub() {
        coordinator.close();
    }

    private Cli status(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "status";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--coordinator";
        all[args.length + 2] = coordinator.url();
        return Cli.run(all);
    }

    @Test
    void staleCountsByKindInPipelineOrderThenReasonsThenPartitionsAndExitFour() {
        coordinator.answer("GET /stale", 200, STALE);

        Cli cli = status("--stale", "--from", "2022-01-01", "--to", "2022-01-31", "--limit", "2");

        assertThat(cli.exitCode).as(cli.toString()).isEqualTo(4);
        // player_game_summary first: phase 3 before phase 4, whatever the JSON map's order; one column per kind present
        assertThat(cli.out).isEqualTo("""
                2022-01-01 .. 2022-01-31: 3 stale of 120 partitions judged

                PROCESSOR            STALE  RAW_CHANGED  UPSTREAM_STALE
                player_game_summary      1            1               0
                player_daily_cache       2            0               2

                most common reasons
                PARTITIONS  REASON
                         2  upstream player_game_summary 2022-01-05 stale
                         1  raw.player_box_scores 2022-01-05 changed

                first 2 stale partitions, in dependency order
                DATE        PROCESSOR            KIND            REASON
                2022-01-05  player_game_summary  RAW_CHANGED     raw.player_box_scores 2022-01-05 changed
                2022-01-05  player_daily_cache   UPSTREAM_STALE  upstream player_game_summary 2022-01-05 stale
                ... and 1 more: --limit N lists more, --json gives them as JSON
                recompute them: fullcourt request --from 2022-01-01 --to 2022-01-31 --phase 3 --stale [--dry-run]
                """);
        assertThat(coordinator.only().query()).isEqualTo("limit=2&from=2022-01-01&to=2022-01-31");
    }

    @Test
    void nothingStaleSaysHowManyWereJudgedAndExitsZero() {
        coordinator.answer("GET /stale", 200, NOTHING);

        Cli cli = status("--stale", "--phase", "4", "--processor", "player_daily_cache");

        assertThat(cli.exitCode).as(cli.toString()).isZero();
        assertThat(cli.out).isEqualTo("2022-01-01 .. 2022-01-31: nothing stale (120 partitions judged)\n");
        assertThat(coordinator.only().query()).isEqualTo("limit=20&processor=player_daily_cache&phase=4");
    }

    @Test
    void jsonPrintsTheAnswerAsItCameAndStillExitsFourWhenStale() {
        coordinator.answer("GET /stale", 200, STALE);

        Cli cli = status("--stale", "--json");

        assertThat(cli.exitCode).isEqualTo(4);
        assertThat(cli.out).isEqualTo(STALE.strip() + "\n");
    }

    @Test
    void theCoordinatorsRefusalOfAParameterIsAUsageErrorWithItsMessage() {
        coordinator.answer("GET /stale", 400, "{\"message\": \"processor: unknown processor 'nope'; known: a, b\"}");

        Cli cli = status("--stale", "--processor", "nope");

        assertThat(cli.exitCode).isEqualTo(2);
        assertThat(cli.err).contains("answered 400 to GET /stale: processor: unknown processor 'nope'; known: a, b");
    }

    @Test
    void staleOptionsWithoutStaleOrARunWithStaleAreUsageErrorsAskingNothing() {
        Cli withoutStale = status("--from", "2022-01-01", "--phase", "3");
        Cli withRun = status("bf-a", "--stale", "--phase", "9");

        assertThat(withoutStale.exitCode).isEqualTo(2);
        assertThat(withoutStale.err).contains("--from, --phase go with --stale");
        assertThat(withRun.exitCode).isEqualTo(2);
        assertThat(withRun.err).contains("--stale shows the warehouse, not a run: drop bf-a")
                .contains("--phase must be 3, 4, 5 or 6, got 9");
        assertThat(coordinator.received).isEmpty();
    }

    @Test
    void aCoordinatorWithoutACalendarIsSaidPlainly() throws Exception {
        String report = StaleReport.render(new com.fasterxml.jackson.databind.ObjectMapper().readValue(
                "{\"judged\": 0, \"stale\": 0}", StaleStatus.class));

        assertThat(report).isEqualTo("no game dates in the warehouse's calendar (raw.schedule): nothing stale"
                + " (0 partitions judged)" + System.lineSeparator());
    }
}
