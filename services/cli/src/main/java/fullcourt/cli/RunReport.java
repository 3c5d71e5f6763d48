package fullcourt.cli;

import java.util.List;

/**
 * One run for {@code fullcourt status RUN}: progress, a row per processor, the daily quotas that ended tasks, and the
 * dead tasks.
 */
final class RunReport {

    /** Beyond this many, dead tasks (and tasks with 0 rows) are counted, not listed; --json has more. */
    static final int MAX_DEAD_LISTED = 20;

    private static final String NL = System.lineSeparator();

    private RunReport() {
    }

    /** The report, its run's state in its colour when {@code colours} has. */
    static String render(RunStatus run, StateColours colours) {
        StringBuilder out = new StringBuilder();
        out.append("run ").append(run.runId()).append(": ").append(colours.paint(run.state()));
        // a coordinator older than scheduling policies sends none
        if (run.policy() != null) {
            out.append(", policy ").append(run.policy());
        }
        if (run.acceptedAt() != null) {
            out.append(", accepted ").append(InstantText.of(run.acceptedAt()));
        }
        if (run.finishedAt() != null) {
            out.append(", finished ").append(InstantText.of(run.finishedAt()));
        }
        out.append(NL);
        RunStatus.Progress progress = run.progress();
        out.append(progress.finished()).append(" of ").append(progress.total()).append(" tasks finished, ")
                .append(RunsTable.rate(run)).append(" tasks/min");
        if (!run.finished()) {
            out.append(", ETA ").append(RunsTable.eta(run));
        }
        out.append(NL);
        if (run.inFlight() != null) {
            RunStatus.InFlight f = run.inFlight();
            out.append("in flight (all runs) ").append(f.tasks()).append(", limit ").append(f.limit());
            if (f.limit() != f.configured()) {
                out.append(" (lowered from ").append(f.configured()).append(" after quota errors)");
            }
            if (f.quotaErrors() > 0) {
                out.append(", ").append(f.quotaErrors()).append(" quota errors");
            }
            out.append(NL);
            for (RunStatus.TableInFlight t : f.tables() == null ? List.<RunStatus.TableInFlight>of() : f.tables()) {
                out.append("  table ").append(t.table()).append(": in flight ").append(t.tasks()).append(", limit ")
                        .append(t.limit());
                if (t.limit() != t.configured()) {
                    out.append(" (lowered from ").append(t.configured()).append(" after its quota errors)");
                }
                out.append(", ").append(t.quotaErrors()).append(" quota errors").append(NL);
            }
        }
        out.append(NL).append(processorTable(run.processors()));
        appendDailyQuotas(out, run);
        appendDead(out, run);
        appendSkipReasons(out, run);
        appendZeroRows(out, run);
        return out.toString();
    }

    /** Which daily quotas ended tasks DEAD, each in the coordinator's words: how many, until when, how to replay. */
    private static void appendDailyQuotas(StringBuilder out, RunStatus run) {
        if (run.dailyQuotas().isEmpty()) {
            return;
        }
        out.append(NL).append("daily quotas:").append(NL);
        run.dailyQuotas().forEach(q -> out.append("  ").append(oneLine(q.summary(), 400)).append(NL));
    }

    /** Why tasks were SKIPPED, by reason (the coordinator writes each date D), most frequent first. */
    private static void appendSkipReasons(StringBuilder out, RunStatus run) {
        if (run.skipReasons().isEmpty()) {
            return;
        }
        out.append(NL).append("SKIPPED, by reason:").append(NL);
        run.skipReasons().forEach((reason, tasks) -> out.append(String.format("  %5d  %s", tasks, oneLine(reason)))
                .append(NL));
    }

    private static void appendZeroRows(StringBuilder out, RunStatus run) {
        if (run.zeroRows() == 0) {
            return;
        }
        out.append(NL).append(run.zeroRows()).append(run.zeroRows() == 1 ? " task" : " tasks")
                .append(" SUCCEEDED with 0 rows on a date its processor did not skip (rows expected there):")
                .append(NL);
        run.zeroRowTasks().stream().limit(MAX_DEAD_LISTED).forEach(t -> out.append("  ").append(oneLine(t)).append(NL));
        if (run.zeroRows() > Math.min(MAX_DEAD_LISTED, run.zeroRowTasks().size())) {
            out.append("  ... and ").append(run.zeroRows() - Math.min(MAX_DEAD_LISTED, run.zeroRowTasks().size()))
                    .append(" more: fullcourt status ").append(run.runId()).append(" --json").append(NL);
        }
    }

    private static String processorTable(List<RunStatus.ProcessorCounts> processors) {
        if (processors.isEmpty()) {
            return "no tasks" + NL;
        }
        TextTable table = new TextTable("PROCESSOR", ">TASKS", ">RUNNING", ">SUCCEEDED", ">SKIPPED", ">DEAD",
                ">BLOCKED", ">CANCELLED");
        for (RunStatus.ProcessorCounts p : processors) {
            table.row(p.processor(), p.total(), p.count("DISPATCHED", "RUNNING"), p.count("SUCCEEDED"),
                    p.count("SKIPPED"), p.count("DEAD"), p.count("BLOCKED"), p.count("CANCELLED"));
        }
        return table.render();
    }

    private static void appendDead(StringBuilder out, RunStatus run) {
        List<RunStatus.DeadTask> dead = run.dead();
        if (dead.isEmpty()) {
            return;
        }
        out.append(NL).append("dead tasks (").append(dead.size()).append("); after a fix: fullcourt replay ")
                .append(run.runId()).append(NL);
        TextTable table = new TextTable("TASK", ">ATTEMPTS", "ERROR");
        dead.stream().limit(MAX_DEAD_LISTED)
                .forEach(t -> table.row(t.taskId(), t.attempts(), oneLine(t.error())));
        out.append(table.render());
        if (dead.size() > MAX_DEAD_LISTED) {
            out.append("... and ").append(dead.size() - MAX_DEAD_LISTED).append(" more: fullcourt status ")
                    .append(run.runId()).append(" --json").append(NL);
        }
    }

    /** Server text for a table cell: one line without control characters, bounded; "-" for none. */
    static String oneLine(String error) {
        return oneLine(error, 160);
    }

    /** Server text on one line without control characters, at most {@code max} characters; "-" for none. */
    private static String oneLine(String text, int max) {
        if (text == null || text.isBlank()) {
            return "-";
        }
        String line = text.strip().replaceAll("\\s+", " ").replaceAll("\\p{Cntrl}", "?");
        return line.length() <= max ? line : line.substring(0, max - 3) + "...";
    }
}
