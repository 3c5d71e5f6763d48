package fullcourt.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code fullcourt pause RUN}: nothing new of the run is dispatched until {@code fullcourt resume RUN}. */
@Command(name = "pause", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Pause a run: in-flight tasks finish, nothing new is dispatched until it is resumed.",
        description = {
            "%nPauses a run: the coordinator dispatches none of its tasks until 'fullcourt resume RUN', which goes on"
                    + " with the same run. Tasks already in flight finish and are recorded. The pause is in the"
                    + " ledger: a restarted coordinator keeps the run paused. A finished or cancelled run is refused"
                    + " with the reason."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.SYSTEM_FAILURE_LINE, ExitCodes.USAGE_LINE},
        footerHeading = "%nExamples:%n",
        footer = {"  fullcourt pause bf-20240105-101500-3f2a", "  fullcourt resume bf-20240105-101500-3f2a"})
public class PauseCommand extends CoordinatorCommand {

    @Parameters(index = "0", paramLabel = "RUN", description = "Run id (the request id) to pause.")
    String runId;

    @Override
    public Integer call() {
        coordinator.client().runAction(runId, "pause");
        PrintWriter out = out();
        out.println("paused run " + runId + ": nothing new is dispatched; tasks in flight finish");
        out.println("go on with: fullcourt resume " + runId);
        return ExitCodes.OK;
    }
}
