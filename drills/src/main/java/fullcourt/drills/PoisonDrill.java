package fullcourt.drills;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The poison drill: permanent failures on five dates, then a restart without the fault and a replay. */
final class PoisonDrill implements Drill {

    @Override
    public DrillResult run(DrillScope scope) throws Exception {
        AllInOne app = scope.fresh("poison");
        String processor = "team_offense_game_summary";
        LocalDate from = scope.from();
        List<LocalDate> dates = List.of(from.plusDays(1), from.plusDays(4), from.plusDays(8), from.plusDays(13),
                from.plusDays(17));
        String fault = dates.stream().map(d -> processor + ":" + d).collect(Collectors.joining(","));
        DrillResult r = new DrillResult("2. Poison", "permanent failure of " + processor + " on 5 dates "
                + dates + " (fullcourt.faults.fail), then a restart without the fault and a replay");
        app.start(Map.of("fullcourt.faults.fail", fault));
        int exit = app.await(DrillScope.RUN_TIMEOUT);
        Map<String, Integer> counts = scope.finishedCounts(app);
        r.check("first run ends (exit " + exit + ") with 5 DEAD: " + counts, counts.getOrDefault("DEAD", 0) == 5);
        r.check("their downstream BLOCKED (" + counts.getOrDefault("BLOCKED", 0) + " tasks)",
                counts.getOrDefault("BLOCKED", 0) > 0);
        int planned = counts.values().stream().mapToInt(Integer::intValue).sum();
        int done = counts.getOrDefault("SUCCEEDED", 0) + counts.getOrDefault("SKIPPED", 0);
        r.check("everything else complete (" + done + " succeeded or skipped of " + planned + ")",
                done + 5 + counts.getOrDefault("BLOCKED", 0) == planned);
        app.start(Map.of(), "--serve");
        JsonNode run = DrillScope.JSON.readTree(app.awaitApi("/runs/" + scope.runId(), Duration.ofMinutes(3)));
        List<String> errors = new ArrayList<>();
        run.path("dead").forEach(d -> errors.add(d.path("taskId").asText() + ": " + d.path("error").asText()));
        r.check("status lists the 5 dead tasks with their error", errors.size() == 5
                && errors.stream().allMatch(e -> e.contains("injected permanent failure of " + processor)));
        String replay = app.api("POST", "/runs/" + scope.runId() + "/replay", "{}");
        r.check("replay re-dispatches the 5 (" + replay + ")", replay != null && replay.contains("\"replayed\":5"));
        JsonNode after = DrillScope.awaitState(app, scope.runId(), "COMPLETED", Duration.ofMinutes(20));
        r.check("after the replay the run is COMPLETED with no DEAD or BLOCKED task: " + after.path("totals"),
                after.path("totals").path("DEAD").asInt(-1) == 0 && after.path("totals").path("BLOCKED").asInt(-1) == 0);
        app.stop();
        scope.sameWarehouse(r, app);
        r.number("first run: " + counts);
        r.number("dead errors, e.g. " + (errors.isEmpty() ? "none" : errors.get(0)));
        return r;
    }
}
