package fullcourt.drills;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The quota drill: retryable 429s on 30% of attempts; the in-flight limit falls and recovers. */
final class QuotaDrill implements Drill {

    /** An adaptive-limit change in the task log ("2026-12-04 22:23:50,040 INFO ... In-flight limit 16 -> 8 ..."). */
    private static final Pattern LIMIT = Pattern.compile(
            "^(?:\\d{4}-\\d\\d-\\d\\d )?(\\d\\d:\\d\\d:\\d\\d)\\S* .*In-flight limit (\\d+) -> (\\d+) \\(configured (\\d+)\\): (.*)$");

    @Override
    public DrillResult run(DrillScope scope) throws Exception {
        AllInOne app = scope.fresh("quota");
        DrillResult r = new DrillResult("5. Quota errors", "30% of all attempts fail with a retryable 429"
                + " rateLimitExceeded (fullcourt.faults.quota-rate=0.3, seeded), errorKind QUOTA; 10 delivery attempts");
        app.start(Map.of("fullcourt.faults.quota-rate", "0.3", "fullcourt.faults.seed", String.valueOf(scope.seed()),
                "fullcourt.pubsub.delivery.max-attempts", "10"));
        app.await(DrillScope.RUN_TIMEOUT);
        Map<String, Integer> counts = scope.finishedCounts(app);
        LedgerChecks ledger = LedgerChecks.read(app.database());
        int quotaErrors = ledger.events(scope.runId(), "ATTEMPT_FAILED", "rateLimitExceeded").size();
        int attempts = ledger.events(scope.runId(), "STARTED", null).size();
        List<String> series = new ArrayList<>();
        int lowest = Integer.MAX_VALUE;
        int last = -1;
        int configured = -1;
        // the adaptive limit's changes are INFO lines: in the task log, no longer on the terminal
        for (String line : Files.readAllLines(app.taskLog())) {
            Matcher m = LIMIT.matcher(line);
            if (m.find()) {
                series.add(m.group(1) + " " + m.group(2) + "->" + m.group(3));
                lowest = Math.min(lowest, Integer.parseInt(m.group(3)));
                last = Integer.parseInt(m.group(3));
                configured = Integer.parseInt(m.group(4));
            }
        }
        r.check("zero dead tasks, run finished: " + counts, DrillScope.clean(counts));
        r.check("quota errors happened (" + quotaErrors + " of " + attempts + " attempts)", quotaErrors > 0);
        r.check("the in-flight limit fell (lowest " + lowest + " of " + configured + ")", lowest < configured);
        r.check("and recovered (last value " + last + ")", last > lowest);
        scope.sameWarehouse(r, app);
        r.number("quota errors " + quotaErrors + " of " + attempts + " attempts ("
                + (attempts == 0 ? 0 : Math.round(100.0 * quotaErrors / attempts)) + "%)");
        r.number("in-flight limit over time (wall clock, from its log lines): " + String.join(", ", series));
        return r;
    }
}
