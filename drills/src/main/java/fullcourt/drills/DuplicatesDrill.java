package fullcourt.drills;

import java.util.Map;

/** The duplicates drill: every work message delivered twice. */
final class DuplicatesDrill implements Drill {

    @Override
    public DrillResult run(DrillScope scope) throws Exception {
        AllInOne app = scope.fresh("duplicates");
        DrillResult r = new DrillResult("3. Duplicates", "every work message delivered twice: the worker nacks each"
                + " after its first successful delivery (fullcourt.faults.redeliver-succeeded), so it runs again");
        app.start(Map.of("fullcourt.faults.redeliver-succeeded", "true"));
        app.await(DrillScope.RUN_TIMEOUT);
        Map<String, Integer> counts = scope.finishedCounts(app);
        LedgerChecks.Rework rework = LedgerChecks.read(app.database()).rework(scope.runId());
        int finished = counts.getOrDefault("SUCCEEDED", 0) + counts.getOrDefault("SKIPPED", 0);
        r.check("run finished clean: " + counts, DrillScope.clean(counts));
        // the second SUCCEEDED of a finished task is rejected by the coordinator ('finished') and never reaches the
        // ledger: that the work ran again shows in lineage, where each run's write is recorded
        LineageChecks lineage = LineageChecks.read(app.database());
        r.check("each task delivered and run twice (" + lineage.partitionsWrittenTwice() + " of "
                + lineage.partitions() + " partitions written twice; " + rework.tasksFinishedTwice()
                + " second reports written to the ledger)", lineage.partitionsWrittenTwice() >= lineage.partitions() * 9 / 10
                && lineage.partitions() > 0);
        r.check("no task counted twice: the run's counts add up to its " + rework.tasks() + " tasks",
                finished == rework.tasks());
        r.check("run reported finished exactly once", rework.runsFinished() == 1);
        scope.sameWarehouse(r, app);
        r.number("tasks " + rework.tasks() + "; SUCCEEDED/SKIPPED rows in the ledger " + rework.finishedRows()
                + "; counted in the run " + finished);
        return r;
    }
}
