package fullcourt.drills;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The hangs drill: attempts that never return, cancelled by the task deadline and retried. */
final class HangsDrill implements Drill {

    @Override
    public DrillResult run(DrillScope scope) throws Exception {
        AllInOne app = scope.fresh("hangs");
        String processor = "player_game_summary";
        List<LocalDate> dates = List.of(scope.from().plusDays(2), scope.from().plusDays(6), scope.from().plusDays(10));
        String fault = dates.stream().map(d -> processor + ":" + d).collect(Collectors.joining(","));
        DrillResult r = new DrillResult("4. Hangs", processor + " hangs (as a query that never returns) on the"
                + " first attempt on " + dates + " (fullcourt.faults.hang, hang-for 10m); task deadline 20 s");
        app.start(Map.of("fullcourt.faults.hang", fault, "fullcourt.faults.hang-for", "10m",
                // the catalog gives player_game_summary 4 h (its slowest dates): the drill's deadline is its own
                "fullcourt.worker.deadlines." + processor, "20s"));
        app.await(DrillScope.RUN_TIMEOUT);
        Map<String, Integer> counts = scope.finishedCounts(app);
        LedgerChecks ledger = LedgerChecks.read(app.database());
        List<LedgerChecks.Row> cancelled = ledger.events(scope.runId(), "ATTEMPT_FAILED", "exceeded its deadline");
        Set<String> hung = dates.stream().map(d -> processor + "/" + d).collect(Collectors.toSet());
        r.check("the deadline cancelled each hanging attempt (" + cancelled.size() + " ATTEMPT_FAILED)",
                cancelled.stream().map(LedgerChecks.Row::taskId).collect(Collectors.toSet()).containsAll(hung));
        List<LedgerChecks.Row> finished = new ArrayList<>(ledger.events(scope.runId(), "SUCCEEDED", null));
        finished.addAll(ledger.events(scope.runId(), "SKIPPED", null));
        r.check("the retry (attempt 2) succeeded", hung.stream().allMatch(t -> finished.stream()
                .anyMatch(e -> e.taskId().equals(t) && e.attempt() >= 2)));
        r.check("run finished clean: " + counts, DrillScope.clean(counts));
        scope.sameWarehouse(r, app);
        r.number("cancelled attempts: " + cancelled.stream().map(c -> c.taskId() + " attempt " + c.attempt())
                .collect(Collectors.joining(", ")));
        return r;
    }
}
