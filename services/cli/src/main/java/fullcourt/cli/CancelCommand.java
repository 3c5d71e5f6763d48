package fullcourt.cli;

import java.util.List;
import picocli.CommandLine.Command;

/** {@code fullcourt cancel RUN}: the coordinator stops dispatching the run's tasks. */
@Command(name = "cancel", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Cancel a run: in-flight tasks finish, nothing new is dispatched.",
        description = {
            "%nCancels a run: the coordinator dispatches none of its remaining tasks. Tasks already in flight finish"
                    + " and are recorded; the run then ends CANCELLED.",
            "Finished partitions stay; a later request with --missing-only picks up what was left. A run that"
                    + " already finished is refused with the reason (exit status 2): there is nothing left to cancel."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.SYSTEM_FAILURE_LINE, ExitCodes.USAGE_LINE},
        footerHeading = "%nExamples:%n",
        footer = {"  fullcourt cancel bf-20240105-101500-3f2a"})
public class CancelCommand extends RunActionCommand {

    @Override
    String action() {
        return "cancel";
    }

    @Override
    List<String> done(String runId) {
        return List.of("cancelling run " + runId + ": no new tasks are dispatched; tasks in flight finish first",
                "follow it with: fullcourt status " + runId);
    }
}
