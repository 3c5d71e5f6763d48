package fullcourt.coordinator.api;

/** Example bodies for the API's OpenAPI description (served at {@code /q/openapi}, shown by {@code /q/swagger-ui}). */
final class ApiExamples {

    private ApiExamples() {
    }

    static final String RUN_ID = "backfill-2023-10-24-2024-04-14";
    static final String NO_RUN = "{\"message\": \"no run 'backfill-x' (list runs with: fullcourt status)\"}";
    static final String BAD_DATE = "{\"message\": \"date: expected a date YYYY-MM-DD, got '2024-02-30'\"}";
    static final String BAD_BODY = "{\"message\": \"body dates[1]: expected a date YYYY-MM-DD, got 'last tuesday'\"}";
    static final String BAD_STATUS = "{\"message\": \"status: expected one of PLANNED, READY, DISPATCHED, RUNNING,"
            + " SUCCEEDED, SKIPPED, DEAD, BLOCKED, CANCELLED, got 'FINISHED'\"}";
    static final String NOT_JSON = "{\"message\": \"POST changes state: send the X-Fullcourt-Client header (any value,"
            + " e.g. X-Fullcourt-Client: cli) with a JSON body\"}";
    static final String REFUSED = "{\"message\": \"run backfill-x is already COMPLETED (finished 2024-05-01T10:00:00Z):"
            + " nothing left to cancel\"}";

    static final String RUN = """
            {"runId": "backfill-2023-10-24-2024-04-14", "state": "RUNNING", "policy": "per_date",
             "acceptedAt": "2024-05-01T09:00:00Z", "finishedAt": null, "elapsedMillis": 600000,
             "totals": {"PLANNED": 800, "READY": 40, "DISPATCHED": 12, "RUNNING": 4, "SUCCEEDED": 3120,
                        "SKIPPED": 410, "DEAD": 1, "BLOCKED": 6, "CANCELLED": 0},
             "processors": [{"processor": "player_game_summary", "counts": {"SUCCEEDED": 170, "RUNNING": 2}}],
             "phases": [], "progress": {"total": 4393, "finished": 3537, "tasksPerMinute": 353.0, "etaSeconds": 146},
             "dead": [{"taskId": "player_game_summary/2024-01-15", "attempts": 5, "error": "Binder Error: ..."}],
             "zeroRows": 0, "zeroRowTasks": [],
             "inFlight": {"tasks": 16, "limit": 16, "configured": 16, "quotaErrors": 0, "tables": [
               {"table": "analytics.player_game_summary", "tasks": 1, "limit": 1, "configured": 4, "quotaErrors": 3}]}}""";
    static final String RUNS = "[" + RUN + "]";
    static final String TASK = """
            {"taskId": "player_game_summary/2024-01-15", "processor": "player_game_summary", "date": "2024-01-15",
             "status": "SUCCEEDED", "dispatch": 1, "attempts": 1, "startedAt": "2024-05-01T09:03:10Z",
             "finishedAt": "2024-05-01T09:03:12Z", "durationMs": 2100, "rows": 312, "lastError": null,
             "skipReason": null, "history": [], "attemptHistory": []}""";
    static final String TASKS = "[" + TASK + "]";
    static final String GRID = """
            {"runId": "backfill-2023-10-24-2024-04-14",
             "statuses": ["PLANNED", "READY", "DISPATCHED", "RUNNING", "SUCCEEDED", "SKIPPED", "DEAD", "BLOCKED",
                          "CANCELLED"],
             "dates": ["2024-01-14", "2024-01-15"],
             "processors": [{"processor": "player_game_summary", "phase": 3, "cells": "46"}]}""";
    static final String REPLAY = "{\"processors\": [\"player_game_summary\"], \"dates\": [\"2024-01-15\"]}";
    static final String REPLAYED = "{\"runId\": \"backfill-2023-10-24-2024-04-14\", \"replayed\": 1}";
    static final String CANCELLED = "{\"runId\": \"backfill-2023-10-24-2024-04-14\", \"cancelled\": true}";
    static final String PAUSED = "{\"runId\": \"backfill-2023-10-24-2024-04-14\", \"paused\": true}";
    static final String RESUMED = "{\"runId\": \"backfill-2023-10-24-2024-04-14\", \"paused\": false}";
    static final String STALE = """
            {"from": "2023-10-24", "to": "2024-04-14", "processor": null, "phase": null,
             "calendarFirst": "2023-10-24", "calendarLast": "2024-04-14", "judged": 2890, "stale": 2,
             "byProcessor": {"player_game_summary": {"VERSION": 2}},
             "reasons": [], "limit": 500,
             "partitions": [{"processor": "player_game_summary", "date": "2024-01-15", "kind": "VERSION",
                             "reason": "model version sql-1a2b -> sql-3c4d"}],
             "grid": null}""";
    static final String VALIDATION = """
            {"from": "2024-01-01", "to": "2024-01-31", "phase": 3, "passed": true, "coverage": [],
             "fieldChecks": [], "season": "2023-24", "accuracy": [], "stale": {"judged": 0, "stale": 0},
             "checks": [{"name": "coverage of player_game_summary", "status": "PASSED",
                         "detail": "analytics.player_game_summary: 29 of 29 game dates"}],
             "report": "Validation 2024-01-01 .. 2024-01-31, phase 3\\n...PASSED"}""";

    static final String TIMELINE = """
            {"runId": "backfill-2023-10-24-2024-04-14", "acceptedAt": "2024-05-01T09:00:00Z", "finishedAt": null,
             "now": "2024-05-01T09:10:00Z", "datesPerRow": 1, "phases": [3, 4, 5, 6],
             "rows": [{"first": "2023-10-24", "last": "2023-10-24",
                       "spans": [{"phase": 3, "tasks": 3, "finished": 3, "dead": 0,
                                  "started": "2024-05-01T09:00:01Z", "ended": "2024-05-01T09:00:09Z"}]}]}""";
    static final String ACTIVITY = """
            {"intervalMillis": 5000, "kept": 720, "phases": [3, 4, 5, 6],
             "samples": [{"at": "2024-05-01T09:00:05Z", "tasksPerSecond": {"3": 4.2, "4": 1.0},
                          "inFlight": 12, "limit": 9, "limitLow": 8, "limitHigh": 16, "configured": 16}]}""";
    static final String REQUEST = """
            {"schemaVersion": 1, "requestId": "bf-1", "from": "2024-01-01", "to": "2024-01-31", "phases": [4],
             "mode": "missing", "dryRun": true}""";
    static final String REQUEST_ANSWER = """
            {"outcome": "DRY_RUN", "runId": "bf-1", "plan": "372 tasks over 31 dates ...", "reasons": []}""";
}
