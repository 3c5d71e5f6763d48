package fullcourt.cli;

/** The exit codes of every command, and their lines in the help. */
final class ExitCodes {

    static final int OK = 0;
    static final int SYSTEM_FAILURE = 1;
    static final int USAGE = 2;
    static final int CHECK_FAILED = 3;
    static final int STALE_FOUND = 4;
    static final int RUN_FAILED = 5;
    static final int RUN_CANCELLED = 6;

    static final String HEADING = "%nExit codes:%n";
    static final String OK_LINE = "0:done";
    static final String SYSTEM_FAILURE_LINE = "1:failure talking to the system (Pub/Sub or the coordinator)";
    static final String USAGE_LINE = "2:bad usage, unknown run, or request rejected by the coordinator";
    static final String CHECK_FAILED_LINE = "3:validate: a check failed";
    static final String ROWS_REJECTED_LINE = "3:load: rows rejected, nothing written (see --skip-bad-rows)";
    static final String STALE_FOUND_LINE = "4:status --stale: stale partitions exist (nothing stale exits 0)";
    static final String RUN_OK_LINE = "0:the run ended (or is, so far) with every task SUCCEEDED or SKIPPED";
    static final String RUN_FAILED_LINE = "5:the run has DEAD or BLOCKED tasks (replay them after a fix)";
    static final String RUN_CANCELLED_LINE = "6:the run was cancelled (and has no DEAD or BLOCKED task)";

    private ExitCodes() {
    }
}
