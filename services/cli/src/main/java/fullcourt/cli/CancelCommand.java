package fullcourt.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code fullcourt cancel RUN}: the coordinator stops dispatching the run's tasks. */
@Command(name = "cancel", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Cancel a run: in-flight tasks finish, nothing new is dispatched.",
        description = {
            "%nCancels a run: the coordinator dispatches none of its remaining tasks. Tasks already in flight finish"
                    + " and are recorded; the run then ends CANCELLED.",
            "Finished partitions stay; a later request with --missing-only picks up what was left."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.SYSTEM_FAILURE_LINE, ExitCodes.USAGE_LINE},
        footerHeading = "%nExamples:%n",
        footer = {"  fullcourt cancel bf-20240105-101500-3f2a"})
public class CancelCommand extends CoordinatorCommand {

    @Parameters(index = "0", paramLabel = "RUN", description = "Run id (the request id) to cancel.")
    String runId;

    @Override
    public Integer call() {
        coordinator.client().runAction(runId, "cancel");
        PrintWriter out = out();
        out.println("cancelling run " + runId + ": no new tasks are dispatched; tasks in flight finish first");
        out.println("follow it with: fullcourt status " + runId);
        return ExitCodes.OK;
    }
}
