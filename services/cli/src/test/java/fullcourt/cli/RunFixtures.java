package fullcourt.cli;

/** Status API answers, as the coordinator writes them, for the rendering and client tests. */
final class RunFixtures {

    /**
     * Two runs. bf-a: 480 tasks, 120 finished, 35.2 tasks/min, so (480 - 120) / 35.2 * 60 = 613.6 s, ETA 614 s =
     * 10m 14s, accepted at a time with nanoseconds. bf-b: completed, all 62 finished.
     */
    static final String RUNS = """
            [
              {"runId": "bf-b", "state": "COMPLETED", "acceptedAt": "2024-01-05T09:00:00Z",
               "finishedAt": "2024-01-05T09:20:00Z",
               "totals": {"PLANNED": 0, "READY": 0, "DISPATCHED": 0, "RUNNING": 0, "SUCCEEDED": 60, "SKIPPED": 2,
                          "DEAD": 0, "BLOCKED": 0, "CANCELLED": 0},
               "processors": [],
               "progress": {"total": 62, "finished": 62, "tasksPerMinute": 3.1, "etaSeconds": null},
               "dead": []},
              {"runId": "bf-a", "state": "RUNNING", "acceptedAt": "2024-01-05T10:00:00.551808005Z", "finishedAt": null,
               "totals": {"PLANNED": 300, "READY": 40, "DISPATCHED": 12, "RUNNING": 8, "SUCCEEDED": 110,
                          "SKIPPED": 8, "DEAD": 2, "BLOCKED": 0, "CANCELLED": 0},
               "processors": [],
               "progress": {"total": 480, "finished": 120, "tasksPerMinute": 35.2, "etaSeconds": 614},
               "dead": [], "somethingNew": true}
            ]
            """;

    /**
     * Run bf-a in detail, under the phase-barrier policy. team_offense_game_summary: 100 tasks (0+0+3+1+90+6+0+0+0), running 3+1 = 4.
     * player_game_summary: 100 tasks (20+10+5+4+55+2+2+2+0), running 5+4 = 9.
     */
    static final String RUN_A = """
            {"runId": "bf-a", "state": "RUNNING", "policy": "phase-barrier", "acceptedAt": "2024-01-05T10:00:00Z",
             "finishedAt": null, "totals": {"PLANNED": 20, "READY": 10, "DISPATCHED": 8, "RUNNING": 5, "SUCCEEDED": 145, "SKIPPED": 8,
                        "DEAD": 2, "BLOCKED": 2, "CANCELLED": 0},
             "processors": [
               {"processor": "team_offense_game_summary",
                "counts": {"PLANNED": 0, "READY": 0, "DISPATCHED": 3, "RUNNING": 1, "SUCCEEDED": 90, "SKIPPED": 6,
                           "DEAD": 0, "BLOCKED": 0, "CANCELLED": 0}},
               {"processor": "player_game_summary",
                "counts": {"PLANNED": 20, "READY": 10, "DISPATCHED": 5, "RUNNING": 4, "SUCCEEDED": 55, "SKIPPED": 2,
                           "DEAD": 2, "BLOCKED": 2, "CANCELLED": 0}}
             ],
             "progress": {"total": 200, "finished": 153, "tasksPerMinute": 12.5, "etaSeconds": 226},
             "dead": [
               {"taskId": "player_game_summary/2022-01-03", "attempts": 5,
                "error": "division by zero\\n  at usage_rate"},
               {"taskId": "player_game_summary/2022-01-04", "attempts": 5, "error": null}
             ]}
            """;

    private RunFixtures() {
    }
}
