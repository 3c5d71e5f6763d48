package fullcourt.cli;

/** The exit code a run's state gives {@code status RUN}, {@code status RUN --watch} and {@code request --wait}. */
final class RunOutcome {

    private RunOutcome() {
    }

    /**
     * {@link ExitCodes#RUN_FAILED} as soon as a task is DEAD or BLOCKED (even while the run goes on: a script
     * should not take it for fine), else {@link ExitCodes#RUN_CANCELLED} for a cancelled run, else OK.
     */
    static int exitCode(RunStatus run) {
        if (run.total("DEAD") > 0 || run.total("BLOCKED") > 0 || "COMPLETED_WITH_FAILURES".equals(run.state())) {
            return ExitCodes.RUN_FAILED;
        }
        if ("CANCELLING".equals(run.state()) || "CANCELLED".equals(run.state())) {
            return ExitCodes.RUN_CANCELLED;
        }
        return ExitCodes.OK;
    }
}
