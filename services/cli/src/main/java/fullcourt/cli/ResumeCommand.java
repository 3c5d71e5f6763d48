package fullcourt.cli;

import java.util.List;
import picocli.CommandLine.Command;

/** {@code fullcourt resume RUN}: a paused run dispatches again, the same run going on. */
@Command(name = "resume", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Resume a paused run: its tasks are dispatched again.",
        description = {"%nResumes a run paused with 'fullcourt pause RUN': the same run id goes on where it stopped."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.SYSTEM_FAILURE_LINE, ExitCodes.USAGE_LINE},
        footerHeading = "%nExamples:%n",
        footer = {"  fullcourt resume bf-20240105-101500-3f2a"})
public class ResumeCommand extends RunActionCommand {

    @Override
    String action() {
        return "resume";
    }

    @Override
    List<String> done(String runId) {
        return List.of("resumed run " + runId + "; follow it with: fullcourt status " + runId + " --watch");
    }
}
