package fullcourt.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code fullcourt resume RUN}: a paused run dispatches again, the same run going on. */
@Command(name = "resume", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Resume a paused run: its tasks are dispatched again.",
        description = {"%nResumes a run paused with 'fullcourt pause RUN': the same run id goes on where it stopped."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.SYSTEM_FAILURE_LINE, ExitCodes.USAGE_LINE},
        footerHeading = "%nExamples:%n",
        footer = {"  fullcourt resume bf-20240105-101500-3f2a"})
public class ResumeCommand extends CoordinatorCommand {

    @Parameters(index = "0", paramLabel = "RUN", description = "Run id (the request id) to resume.")
    String runId;

    @Override
    public Integer call() {
        coordinator.client().runAction(runId, "resume");
        out().println("resumed run " + runId + "; follow it with: fullcourt status " + runId + " --watch");
        return ExitCodes.OK;
    }
}
