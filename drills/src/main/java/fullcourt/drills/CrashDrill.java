package fullcourt.drills;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

/** The crash drill: ten abrupt deaths of the all-in-one during a backfill, restarted each time. */
final class CrashDrill implements Drill {

    @Override
    public DrillResult run(DrillScope scope) throws Exception {
        AllInOne app = scope.fresh("crash");
        Random random = new Random(scope.seed());
        DrillResult r = new DrillResult("1. Crash", "10 abrupt deaths of the all-in-one JVM at random points of the"
                + " backfill (seeded), restarting it each time with the same command: 5 kill -9 from outside at a random"
                + " moment, 5 Runtime.halt right after the Nth partition write, before it is reported"
                + " (fullcourt.faults.halt-after-tasks=N, N random in 5..40)");
        List<String> kills = new ArrayList<>();
        int killed = 0;
        int orphans = 0;
        while (killed < 10) {
            long offset = app.logSize();
            boolean halt = killed % 2 == 1;
            String point;
            if (halt) {
                // the product's own fault: Runtime.halt right after the Nth partition written by this
                // process, before its result is reported (the worst point for "nothing lost")
                int n = 5 + random.nextInt(36);
                app.start(Map.of("fullcourt.faults.halt-after-tasks", String.valueOf(n)));
                if (!app.awaitOutput(DrillScope.UNDERWAY, offset, Duration.ofMinutes(5))
                        || !app.awaitOutput(Pattern.compile("Halting the process"), offset, DrillScope.RUN_TIMEOUT)) {
                    kills.add("run finished before crash " + (killed + 1));
                    break;
                }
                if (!app.awaitHalt(Duration.ofMinutes(1))) {
                    orphans++;
                }
                point = "halt after " + n + " writes";
            } else {
                // kill -9 scope.from() outside at a random moment once the run is published or resumed
                app.start(Map.of());
                boolean underway = app.awaitOutput(DrillScope.UNDERWAY, offset, Duration.ofMinutes(5));
                long delayMs = (long) (random.nextDouble() * 0.1 * scope.backfillMillis());
                Thread.sleep(delayMs);
                if (!underway || !app.alive()) {
                    kills.add("run finished before crash " + (killed + 1));
                    break;
                }
                if (!app.kill9()) {
                    orphans++;
                }
                point = String.format("kill -9 at %.1f s", delayMs / 1000.0);
            }
            killed++;
            kills.add(point);
        }
        app.start(Map.of());
        app.await(DrillScope.RUN_TIMEOUT);
        Map<String, Integer> counts = scope.finishedCounts(app);
        LedgerChecks ledger = LedgerChecks.read(app.database());
        LedgerChecks.Rework rework = ledger.rework(scope.runId());
        r.check("died 10 times", killed == 10);
        r.check("the Pub/Sub emulator stopped by itself after each death of its JVM (" + orphans + " orphaned)",
                orphans == 0);
        r.check("the run finished with no DEAD or BLOCKED task: " + counts, DrillScope.clean(counts));
        r.check("reported finished exactly once in the ledger", rework.runsFinished() == 1);
        LineageChecks.read(app.database()).checkCrashes(r, 5);
        scope.sameWarehouse(r, app);
        r.number("crash points (kill -9: seconds after the run was published or resumed): " + String.join(", ", kills)
                + " (an undisturbed backfill: " + scope.backfillMillis() / 1000 + " s after it was published)");
        r.number("tasks " + rework.tasks() + "; STARTED rows " + rework.started() + " (" + rework.extraStarts()
                + " executions beyond one per task); tasks REQUEUED after a restart " + rework.requeued());
        r.number("succeeded tasks that ran again (reported SUCCEEDED/SKIPPED more than once): "
                + rework.tasksFinishedTwice());
        r.number("stray temporary export files left by writes cut short (.NAME*.tmp, never a half document; not"
                + " counted in the export checksum): " + WarehouseChecksums.strayTemps(app.dir().resolve("data/exports")));
        return r;
    }

    @Override
    public boolean wholeSeason() {
        return true;
    }
}
