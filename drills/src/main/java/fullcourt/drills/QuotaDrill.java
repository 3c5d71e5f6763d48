package fullcourt.drills;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The quota drill: retryable 429s on 30% of attempts; the in-flight limit falls and recovers, in the task log and in
 * the activity series the dashboard charts.
 */
final class QuotaDrill implements Drill {

    /** An adaptive-limit change in the task log ("2026-12-04 22:23:50,040 INFO ... In-flight limit 16 -> 8 ..."). */
    /** How often the coordinator samples its activity in this drill: the limit's sawtooth here lasts a few seconds. */
    private static final Duration SAMPLED_EVERY = Duration.ofSeconds(1);

    private static final Pattern LIMIT = Pattern.compile(
            "^(?:\\d{4}-\\d\\d-\\d\\d )?(\\d\\d:\\d\\d:\\d\\d)\\S* .*In-flight limit (\\d+) -> (\\d+) \\(configured (\\d+)\\): (.*)$");

    @Override
    public DrillResult run(DrillScope scope) throws Exception {
        AllInOne app = scope.fresh("quota");
        DrillResult r = new DrillResult("5. Quota errors", "30% of all attempts fail with a retryable 429"
                + " rateLimitExceeded (fullcourt.faults.quota-rate=0.3, seeded), errorKind QUOTA; 10 delivery attempts;"
                + " the coordinator's activity sampled every " + SAMPLED_EVERY.toSeconds() + " s");
        app.start(Map.of("fullcourt.faults.quota-rate", "0.3", "fullcourt.faults.seed", String.valueOf(scope.seed()),
                "fullcourt.pubsub.delivery.max-attempts", "10",
                "fullcourt.coordinator.activity.sample-interval", SAMPLED_EVERY.toSeconds() + "s"));
        DrillScope.log("quota: the dashboard at " + app.url("/dashboard/") + " while it runs");
        ActivitySeries activity = follow(app);
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
        r.check("the dashboard's in-flight chart (GET /activity, " + activity.points().size() + " samples) shows it:"
                + " the limit fell in " + activity.falls() + " samples and rose again after (rose in " + activity.rises()
                + ")", activity.falls() > 0 && activity.roseAfterAFall());
        List<String> over = activity.overLimit();
        r.check("in flight never above the limit but by work sent before it fell (at most " + activity.mostInFlight()
                + " in flight" + (over.isEmpty() ? "" : "; over: " + over) + ")", over.isEmpty());
        scope.sameWarehouse(r, app);
        r.number("quota errors " + quotaErrors + " of " + attempts + " attempts ("
                + (attempts == 0 ? 0 : Math.round(100.0 * quotaErrors / attempts)) + "%)");
        r.number("in-flight limit over time (wall clock, from its log lines): " + String.join(", ", series));
        r.number("the dashboard's series (GET /activity every " + SAMPLED_EVERY.toSeconds() + " s): limit " + lowest
                + " lowest in the log, " + activity.lowest() + " to " + activity.highest() + " in the samples; "
                + activity.falls() + " samples with a fall, " + activity.rises() + " with a rise; limit/in flight per"
                + " sample, (lowest since the sample before) when lower: " + activity.render());
        return r;
    }

    /** Polls the coordinator's activity until the all-in-one exits (its samples are in memory only). */
    private static ActivitySeries follow(AllInOne app) throws Exception {
        ActivitySeries activity = new ActivitySeries();
        long deadline = System.nanoTime() + DrillScope.RUN_TIMEOUT.toNanos();
        while (!app.exited(SAMPLED_EVERY)) {
            if (System.nanoTime() > deadline) {
                app.await(Duration.ZERO); // stops it and says it did not finish in time
            }
            String body = app.api("GET", activity.nextPath(), null);
            if (body != null) {
                activity.add(body);
            }
        }
        return activity;
    }
}
