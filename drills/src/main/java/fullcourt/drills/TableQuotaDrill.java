package fullcourt.drills;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The per-table quota drill: one processor's table alone gets rate-limit errors scoped to that table; its own in-flight
 * limit falls, the global one does not, and the tables that do not wait on it keep the throughput of the undisturbed
 * run.
 */
final class TableQuotaDrill implements Drill {

    static final String HOT = "player_game_summary";
    static final String HOT_TABLE = "analytics.player_game_summary";
    /**
     * The processors of the catalog that are not downstream of the hot one (fullcourt-catalog.json): nothing they
     * need waits on its table, so only a limit shared with it (the global one) could slow them down.
     */
    static final Set<String> INDEPENDENT = Set.of("team_offense_game_summary", "team_defense_game_summary",
            "upcoming_team_game_context", "team_defense_zone_analysis");
    /** The independent tables' throughput may be this much lower than undisturbed (a loaded machine's noise). */
    static final double TOLERANCE = 0.75;

    private static final Pattern TABLE_LIMIT = Pattern.compile(
            "^(?:\\d{4}-\\d\\d-\\d\\d )?(\\d\\d:\\d\\d:\\d\\d)\\S* .*In-flight limit of table (\\S+) (\\d+) -> (\\d+)"
                    + " \\(configured (\\d+)\\)");
    private static final Pattern GLOBAL_LIMIT = Pattern.compile("In-flight limit \\d+ -> \\d+ \\(configured");

    @Override
    public DrillResult run(DrillScope scope) throws Exception {
        AllInOne app = scope.fresh("tablequota");
        DrillResult r = new DrillResult("8. Quota errors of one table", "50% of the attempts of " + HOT + " (and of no"
                + " other processor) fail with a retryable rateLimitExceeded \"too many table update operations for"
                + " this table\" scoped TABLE " + HOT_TABLE + " (fullcourt.faults.table-quota=" + HOT + ","
                + " table-quota-rate=0.5, seeded); 10 delivery attempts");
        app.start(Map.of("fullcourt.faults.table-quota", HOT, "fullcourt.faults.table-quota-rate", "0.5",
                "fullcourt.faults.seed", String.valueOf(scope.seed()), "fullcourt.pubsub.delivery.max-attempts", "10"));
        app.await(DrillScope.RUN_TIMEOUT);
        Map<String, Integer> counts = scope.finishedCounts(app);
        LedgerChecks ledger = LedgerChecks.read(app.database());
        LedgerChecks undisturbed = LedgerChecks.read(scope.baselineDatabase());
        List<LedgerChecks.Row> quotaErrors = ledger.events(scope.runId(), "ATTEMPT_FAILED", "too many table update");
        long hotErrors = quotaErrors.stream().filter(e -> processor(e).equals(HOT)).count();
        List<String> series = new ArrayList<>();
        int lowest = Integer.MAX_VALUE;
        int configured = -1;
        boolean otherTable = false;
        boolean globalChanged = false;
        for (String line : Files.readAllLines(app.taskLog())) {
            Matcher m = TABLE_LIMIT.matcher(line);
            if (m.find()) {
                otherTable |= !m.group(2).equals(HOT_TABLE);
                series.add(m.group(1) + " " + m.group(3) + "->" + m.group(4));
                lowest = Math.min(lowest, Integer.parseInt(m.group(4)));
                configured = Integer.parseInt(m.group(5));
            }
            globalChanged |= GLOBAL_LIMIT.matcher(line).find();
        }
        Throughput drill = Throughput.of(ledger, scope.runId(), INDEPENDENT);
        Throughput before = Throughput.of(undisturbed, scope.runId(), INDEPENDENT);
        Throughput hotDrill = Throughput.of(ledger, scope.runId(), Set.of(HOT));
        Throughput hotBefore = Throughput.of(undisturbed, scope.runId(), Set.of(HOT));
        r.check("zero dead tasks, run finished: " + counts, DrillScope.clean(counts));
        r.check("quota errors happened, all of them on " + HOT + " (" + hotErrors + " of " + quotaErrors.size() + ")",
                hotErrors > 0 && hotErrors == quotaErrors.size());
        r.check("the hot table's own limit fell (lowest " + lowest + " of " + configured + ")", lowest < configured);
        r.check("no other table's limit changed", !otherTable);
        r.check("the global in-flight limit never changed (no global change in the task log)", !globalChanged);
        r.check(String.format("the independent tables' throughput (%s) is that of the undisturbed run: %.2f tasks/s"
                        + " vs %.2f undisturbed (ratio %.2f, at least %.2f required)", String.join(", ",
                        INDEPENDENT.stream().sorted().toList()), drill.perSecond(), before.perSecond(),
                drill.perSecond() / before.perSecond(), TOLERANCE),
                drill.perSecond() >= TOLERANCE * before.perSecond());
        scope.sameWarehouse(r, app);
        r.number("quota errors " + quotaErrors.size() + " (all on " + HOT + ")");
        r.number("independent tables: " + drill + " (undisturbed: " + before + ")");
        r.number("the hot table: " + hotDrill + " (undisturbed: " + hotBefore + ")");
        r.number("the hot table's in-flight limit over time (wall clock, from its log lines): " + String.join(", ",
                series));
        return r;
    }

    private static String processor(LedgerChecks.Row row) {
        return row.taskId().substring(0, row.taskId().indexOf('/'));
    }

    /** Tasks of some processors finished (SUCCEEDED or SKIPPED) from the run's first dispatch to their last finish. */
    record Throughput(int tasks, double seconds) {

        static Throughput of(LedgerChecks ledger, String runId, Set<String> processors) {
            List<LedgerChecks.Row> dispatched = ledger.events(runId, "DISPATCHED", null);
            long start = dispatched.stream().mapToLong(e -> e.at().getTime()).min().orElse(0);
            List<LedgerChecks.Row> finished = new ArrayList<>(ledger.events(runId, "SUCCEEDED", null));
            finished.addAll(ledger.events(runId, "SKIPPED", null));
            List<LedgerChecks.Row> mine = finished.stream().filter(e -> processors.contains(processor(e))).toList();
            long end = mine.stream().mapToLong(e -> e.at().getTime()).max().orElse(start);
            return new Throughput(mine.size(), Math.max(1, end - start) / 1000.0);
        }

        double perSecond() {
            return tasks / seconds;
        }

        @Override
        public String toString() {
            return String.format("%d tasks in %.1f s, %.2f tasks/s", tasks, seconds, perSecond());
        }
    }
}
